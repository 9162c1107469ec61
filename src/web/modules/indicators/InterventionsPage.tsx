import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { INTERVENTION_KINDS, type TBudgetOption, type TIntervention } from '../../../contracts/indicators';
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
  const [editing, setEditing] = useState<TIntervention | null>(null);

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
                    {i.synthetic ? ` · ${s('synthetic')}` : ''}
                  </div>
                </>
              ),
            },
            { key: 'opd', header: s('opd'), render: (i) => i.opd.name },
            { key: 'dates', header: s('dates'), render: (i) => `${formatDate(i.startDate, lang)} – ${formatDate(i.endDate, lang)}` },
            { key: 'budget', header: s('budget'), align: 'end', render: (i) => (i.budget === null ? '–' : `Rp${formatValue(i.budget, lang, 0)}`) },
            { key: 'apbd', header: s('apbdColumn'), render: (i) => <BudgetCell intervention={i} /> },
            { key: 'reach', header: s('reach'), align: 'end', render: (i) => `${formatValue(i.reachCount, lang, 0)} / ${formatValue(i.targetCount, lang, 0)}` },
            { key: 'places', header: s('places'), render: (i) => <span className="ind-small">{i.wilayah.map((w) => w.name).join(', ')}</span> },
            ...(can('interventions.manage')
              ? [{ key: 'edit', header: s('actions'), render: (i: TIntervention) => <button type="button" className="ind-btn ind-secondary" onClick={() => setEditing(i)} aria-label={`${s('edit')}: ${i.title}`}>{s('edit')}</button> }]
              : []),
          ]}
        />
      </section>
      {can('interventions.manage') && (
        <InterventionForm
          key={editing?.id ?? 'new'}
          editing={editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
            coverage.reload();
          }}
        />
      )}
    </>
  );
}

function InterventionForm({ editing, onSaved, onCancel }: { editing: TIntervention | null; onSaved: () => void; onCancel: () => void }) {
  const s = useS();
  const opds = useListApi('/opd', Schemas.opdList);
  const text = (n: number | null) => (n === null ? '' : String(n));
  const [form, setForm] = useState(() => ({
    title: editing?.title ?? '',
    kind: editing?.kind ?? 'program',
    opdId: editing?.opd.id ?? '',
    startDate: editing?.startDate ?? '',
    endDate: editing?.endDate ?? '',
    budget: text(editing?.budget ?? null),
    subKegiatanCode: editing?.subKegiatanCode ?? '',
    targetGroup: editing?.targetGroup ?? '',
    targetCount: text(editing?.targetCount ?? null),
    reachCount: text(editing?.reachCount ?? null),
    places: editing?.wilayah.map((w) => w.kode).join(', ') ?? '',
  }));
  const [linked, setLinked] = useState<Pick<TBudgetOption, 'id' | 'kode' | 'nama' | 'tahun'> & { opdName: string; pagu: number | null } | null>(
    editing?.subKegiatan ? { id: editing.subKegiatan.id, kode: editing.subKegiatan.kode, nama: editing.subKegiatan.nama, tahun: editing.subKegiatan.tahun, opdName: editing.subKegiatan.opd.name, pagu: editing.subKegiatan.pagu } : null,
  );
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLElement>(null);
  // Editing opens the form below the list: bring it into view.
  useEffect(() => {
    if (!editing) return;
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector<HTMLInputElement>('#ind-iv-title')?.focus({ preventScroll: true });
  }, [editing]);
  const field = (key: keyof typeof form) => ({ id: `ind-iv-${key}`, value: form[key], onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })) });
  const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const body = {
      title: form.title,
      kind: form.kind,
      opdId: form.opdId,
      indicatorId: editing?.indicatorId ?? null,
      startDate: form.startDate,
      endDate: form.endDate,
      budget: numberOrNull(form.budget),
      subKegiatanCode: linked ? linked.kode : form.subKegiatanCode.trim() || null,
      subKegiatanId: linked?.id ?? null,
      targetGroup: form.targetGroup,
      targetCount: numberOrNull(form.targetCount),
      reachCount: numberOrNull(form.reachCount),
      wilayahKodes: form.places.split(/[,\s]+/).filter(Boolean),
    };
    try {
      if (editing) await api.put(`/interventions/${editing.id}`, body);
      else await api.post('/interventions', body);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="ind-card" aria-labelledby="ind-iv-form-h" ref={formRef}>
      <h2 id="ind-iv-form-h">{editing ? s('editIntervention', { title: editing.title }) : s('newIntervention')}</h2>
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
        <BudgetPicker year={(form.startDate || String(new Date().getFullYear())).slice(0, 4)} opdId={form.opdId} linked={linked} onPick={setLinked} />
        {!linked && (
          <div>
            <label htmlFor="ind-iv-subKegiatanCode">{s('subKegiatanCodeOnly')}</label>
            <input {...field('subKegiatanCode')} placeholder="1.02.02.2.02.0031" />
          </div>
        )}
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
          <button type="submit" className="ind-btn">{s('save')}</button>{' '}
          {editing && (
            <button type="button" className="ind-btn ind-secondary" onClick={onCancel}>
              {s('cancel')}
            </button>
          )}
        </div>
      </form>
      {error ? <ProblemAlert error={error} /> : null}
      {saved && <p role="status">{s('created')}</p>}
    </section>
  );
}

/** The sub-kegiatan of the APBD an intervention is funded from: search by code or name, pick one, or clear. */
function BudgetPicker({ year, opdId, linked, onPick }: { year: string; opdId: string; linked: (Pick<TBudgetOption, 'id' | 'kode' | 'nama' | 'tahun'> & { opdName: string; pagu: number | null }) | null; onPick: (o: (Pick<TBudgetOption, 'id' | 'kode' | 'nama' | 'tahun'> & { opdName: string; pagu: number | null }) | null) => void }) {
  const s = useS();
  const { lang } = useI18n();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const options = useApi(search === null ? null : '/interventions/budget-options', IndSchemas.budgetOptions, { q: search ?? undefined, year: /^\d{4}$/.test(year) ? year : undefined, opd: opdId || undefined });
  if (linked) {
    return (
      <div className="ind-wide" data-testid="budget-linked">
        <span className="ind-label">{s('subKegiatan')}</span>
        <p className="ind-small">
          <strong>{linked.kode}</strong> {linked.nama} · {linked.opdName} · {linked.tahun}
          {linked.pagu !== null ? ` · ${s('pagu')} Rp${formatValue(linked.pagu, lang, 0)}` : ''}{' '}
          <button type="button" className="ind-btn ind-secondary" onClick={() => onPick(null)}>
            {s('unlinkBudget')}
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="ind-wide">
      <label htmlFor="ind-iv-budget-q">{s('budgetSearch', { year })}</label>
      <div className="ind-inline">
        <input
          id="ind-iv-budget-q"
          value={q}
          placeholder={s('budgetSearchHint')}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setSearch(q);
            }
          }}
        />
        <button type="button" className="ind-btn ind-secondary" onClick={() => setSearch(q)}>
          {s('find')}
        </button>
      </div>
      {options.error ? <ProblemAlert error={options.error} /> : null}
      {options.data && options.data.items.length === 0 && <p className="ind-small ind-muted">{s('budgetNone')}</p>}
      {options.data && options.data.items.length > 0 && (
        <ul className="ind-list ind-small" aria-label={s('budgetResults')}>
          {options.data.items.map((o) => (
            <li key={o.id}>
              <button type="button" className="ind-pick" onClick={() => onPick({ id: o.id, kode: o.kode, nama: o.nama, tahun: o.tahun, opdName: o.opd.name, pagu: o.pagu })}>
                <strong>{o.kode}</strong> {o.nama}
                <span className="ind-muted"> · {o.opd.name} · {o.tahun} · Rp{formatValue(o.pagu, lang, 0)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The linked sub-kegiatan: its pagu and realisation (when the caller may read that OPD's budget), with a link. */
function BudgetCell({ intervention }: { intervention: TIntervention }) {
  const s = useS();
  const { lang } = useI18n();
  const b = intervention.subKegiatan;
  if (!b) return <span className="ind-small ind-muted">{intervention.subKegiatanCode ? `${intervention.subKegiatanCode} (${s('notLinked')})` : '–'}</span>;
  const title = b.link ? <Link className="ind-link" to={b.link}>{b.kode}</Link> : <strong>{b.kode}</strong>;
  return (
    <div className="ind-small">
      {title} {b.nama}
      {b.pagu !== null && (
        <div>
          {s('pagu')} Rp{formatValue(b.pagu, lang, 0)} · {s('realisasi')} Rp{formatValue(b.realisasi, lang, 0)} ({formatValue(b.realisasiPersen, lang, 1)}%)
        </div>
      )}
    </div>
  );
}
