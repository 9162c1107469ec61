import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { INTERVENTION_KINDS } from '../../../contracts/indicators';
import { api, useApi, useListApi } from '../../api/client';
import { Schemas } from '../../api/schemas';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { formatValue, IndSchemas } from './shared';
import { useS, type SKey } from './strings';

/** Interventions per kelurahan and the coverage of the priority kelurahan. */
export default function InterventionsPage() {
  const s = useS();
  const { lang } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const year = params.get('tahun') ?? String(new Date().getFullYear());
  const list = useApi('/interventions', IndSchemas.interventions, { year });
  const coverage = useApi('/interventions/coverage', IndSchemas.coverage, { year });

  return (
    <>
      <PageHeader title={s('interventionsTitle')}>
        <span>{s('interventionsIntro')}</span>
      </PageHeader>
      <div className="ind-toolbar">
        <div>
          <label htmlFor="ind-iv-year">{s('year')}</label>
          <input id="ind-iv-year" inputMode="numeric" value={year} onChange={(e) => /^\d{0,4}$/.test(e.target.value) && setParams({ tahun: e.target.value }, { replace: true })} />
        </div>
      </div>
      <section className="ind-card" aria-labelledby="ind-uncovered-h">
        <h2 id="ind-uncovered-h">{s('uncoveredTitle', { year })}</h2>
        {coverage.data && coverage.data.uncovered.length === 0 && <p>{s('allCovered')}</p>}
        {coverage.data && coverage.data.uncovered.length > 0 && (
          <ul>
            {coverage.data.uncovered.map((u) => (
              <li key={u.kode}>
                <Link className="ind-link" to={`/wilayah/${u.kode}`}>{u.name}</Link> — {s('rank')} {u.rank}, {s('index')} {formatValue(u.index, lang, 1)}
              </li>
            ))}
          </ul>
        )}
        {coverage.error ? <p className="ind-muted">{s('noIndex')}</p> : null}
      </section>
      <section className="ind-card" aria-labelledby="ind-iv-list-h">
        <h2 id="ind-iv-list-h">{s('interventionsTitle')}</h2>
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        <DataTable
          caption={s('interventionsTitle')}
          rows={list.data?.items ?? []}
          rowKey={(i) => i.id}
          columns={[
            {
              key: 'title',
              header: s('title'),
              primary: true,
              render: (i) => (
                <>
                  <strong>{i.title}</strong>
                  <div className="ind-small ind-muted">
                    {s(`kind_${i.kind}` as SKey)} · {i.targetGroup}
                    {i.subKegiatanCode ? ` · ${s('subKegiatan')} ${i.subKegiatanCode}` : ''}
                    {i.synthetic ? ` · ${s('synthetic')}` : ''}
                  </div>
                </>
              ),
            },
            { key: 'opd', header: s('opd'), render: (i) => i.opd.name },
            { key: 'dates', header: s('dates'), render: (i) => `${formatDate(i.startDate, lang)} – ${formatDate(i.endDate, lang)}` },
            { key: 'budget', header: s('budget'), align: 'end', render: (i) => (i.budget === null ? '–' : `Rp${formatValue(i.budget, lang, 0)}`) },
            { key: 'reach', header: s('reach'), align: 'end', render: (i) => `${formatValue(i.reachCount, lang, 0)} / ${formatValue(i.targetCount, lang, 0)}` },
            { key: 'places', header: s('places'), render: (i) => <span className="ind-small">{i.wilayah.map((w) => w.name).join(', ')}</span> },
          ]}
        />
      </section>
      {can('interventions.manage') && <InterventionForm onSaved={() => { list.reload(); coverage.reload(); }} />}
    </>
  );
}

function InterventionForm({ onSaved }: { onSaved: () => void }) {
  const s = useS();
  const opds = useListApi('/opd', Schemas.opdList);
  const [form, setForm] = useState({ title: '', kind: 'program', opdId: '', startDate: '', endDate: '', budget: '', subKegiatanCode: '', targetGroup: '', targetCount: '', reachCount: '', places: '' });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const field = (key: keyof typeof form) => ({ id: `ind-iv-${key}`, value: form[key], onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })) });
  const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.post('/interventions', {
        title: form.title,
        kind: form.kind,
        opdId: form.opdId,
        indicatorId: null,
        startDate: form.startDate,
        endDate: form.endDate,
        budget: numberOrNull(form.budget),
        subKegiatanCode: form.subKegiatanCode.trim() || null,
        targetGroup: form.targetGroup,
        targetCount: numberOrNull(form.targetCount),
        reachCount: numberOrNull(form.reachCount),
        wilayahKodes: form.places.split(/[,\s]+/).filter(Boolean),
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="ind-card" aria-labelledby="ind-iv-form-h">
      <h2 id="ind-iv-form-h">{s('newIntervention')}</h2>
      <form className="ind-form" onSubmit={(e) => void submit(e)}>
        <div className="ind-wide">
          <label htmlFor="ind-iv-title">{s('title')}</label>
          <input {...field('title')} required />
        </div>
        <div>
          <label htmlFor="ind-iv-kind">{s('kind')}</label>
          <select {...field('kind')}>
            {INTERVENTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {s(`kind_${k}` as SKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ind-iv-opdId">{s('opd')}</label>
          <select {...field('opdId')} required>
            <option value="">–</option>
            {(opds.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ind-iv-startDate">{s('start')}</label>
          <input type="date" {...field('startDate')} required />
        </div>
        <div>
          <label htmlFor="ind-iv-endDate">{s('end')}</label>
          <input type="date" {...field('endDate')} required />
        </div>
        <div>
          <label htmlFor="ind-iv-budget">{s('budget')} (Rp)</label>
          <input inputMode="numeric" {...field('budget')} />
        </div>
        <div>
          <label htmlFor="ind-iv-subKegiatanCode">{s('subKegiatan')}</label>
          <input {...field('subKegiatanCode')} placeholder="1.02.02.2.02.0031" />
        </div>
        <div className="ind-wide">
          <label htmlFor="ind-iv-targetGroup">{s('target')}</label>
          <input {...field('targetGroup')} required />
        </div>
        <div>
          <label htmlFor="ind-iv-targetCount">{s('targetCount')}</label>
          <input inputMode="numeric" {...field('targetCount')} />
        </div>
        <div>
          <label htmlFor="ind-iv-reachCount">{s('reachCount')}</label>
          <input inputMode="numeric" {...field('reachCount')} />
        </div>
        <div className="ind-wide">
          <label htmlFor="ind-iv-places">{s('placesHint')}</label>
          <input {...field('places')} placeholder="19.71.01.1001, 19.71.01.1002" required />
        </div>
        <div className="ind-wide">
          <button type="submit" className="ind-btn">{s('save')}</button>
        </div>
      </form>
      {error ? <ProblemAlert error={error} /> : null}
      {saved && <p role="status">{s('created')}</p>}
    </section>
  );
}
