import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, useApi } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Loading } from '../../components/Loading';
import { WilayahMap } from '../../components/WilayahMap';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { EntryForm } from './EntryForm';
import { PublishForm } from './PublishForm';
import { classCategories, formatValue, IndSchemas } from './shared';
import { useS, type SKey } from './strings';

/** One indicator: its metadata, the choropleth with class breaks, completeness, entry and publication. */
export default function IndicatorPage() {
  const { id = '' } = useParams();
  const s = useS();
  const navigate = useNavigate();
  const { pick, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const indicator = useApi(`/indicators/${id}`, IndSchemas.indicator);
  const period = params.get('periode') ?? undefined;
  const level = params.get('tingkat') === 'kecamatan' ? 'kecamatan' : undefined;
  const map = useApi(`/indicators/${id}/map`, IndSchemas.map, { period, level });
  const shownPeriod = map.data?.period || undefined;
  const completeness = useApi(shownPeriod ? `/indicators/${id}/completeness` : null, IndSchemas.completeness, { period: shownPeriod });
  const [error, setError] = useState<unknown>(null);

  const values = useMemo(() => Object.fromEntries((map.data?.regions ?? []).filter((r) => r.class !== null).map((r) => [r.kode, r.class as number])), [map.data]);
  const categories = useMemo(() => classCategories(map.data?.classes ?? [], lang, map.data?.indicator.unit ?? ''), [map.data, lang]);

  if (indicator.error) return <ProblemAlert error={indicator.error} onRetry={indicator.reload} />;
  if (!indicator.data) return <Loading />;
  const i = indicator.data;
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const decide = async (decision: 'approved' | 'rejected') => {
    setError(null);
    try {
      await api.post(`/indicators/${id}/approval`, { decision, note: null });
      indicator.reload();
    } catch (err) {
      setError(err);
    }
  };
  const mapLevel = map.data?.level === 'kecamatan' ? 'kecamatan' : 'kelurahan';

  return (
    <>
      <PageHeader title={pick(i.name)} eyebrow={<code>{i.code}</code>}>
        <span>
          {i.producer.name} · {s(i.periodicity as SKey)} · {i.unit}
          {i.synthetic ? ` · ${s('synthetic')}` : ''}
        </span>
      </PageHeader>
      {error ? <ProblemAlert error={error} /> : null}
      <div className="ind-grid">
        <div>
          <section className="ind-card" aria-labelledby="ind-map-h">
            <h2 id="ind-map-h">{s('mapTitle', { name: pick(i.name), period: shownPeriod ?? '–' })}</h2>
            <div className="ind-toolbar">
              <div>
                <label htmlFor="ind-period">{s('period')}</label>
                <select id="ind-period" value={shownPeriod ?? ''} onChange={(e) => set('periode', e.target.value)}>
                  {(map.data?.periods ?? []).map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </div>
              {i.lowestLevel === 'kelurahan' && (
                <div>
                  <label htmlFor="ind-level">{s('level')}</label>
                  <select id="ind-level" value={level ?? 'kelurahan'} onChange={(e) => set('tingkat', e.target.value === 'kecamatan' ? 'kecamatan' : null)}>
                    <option value="kelurahan">{s('kelurahan')}</option>
                    <option value="kecamatan">{s('kecamatan')}</option>
                  </select>
                </div>
              )}
            </div>
            {map.error ? <ProblemAlert error={map.error} onRetry={map.reload} /> : null}
            {map.data && i.lowestLevel !== 'pemda' && (
              <WilayahMap key={mapLevel} level={mapLevel} values={values} categories={categories} legend={`${pick(i.name)} (${i.unit})`} onSelect={(kode) => navigate(`/wilayah/${kode}`)} height={440} />
            )}
            {map.data && i.lowestLevel === 'pemda' && (
              <p>
                {s('value')}: <strong>{formatValue(map.data.regions[0]?.value, lang)} {i.unit}</strong>
              </p>
            )}
            {map.data?.aggregated && <p className="ind-small ind-muted">{s('aggregatedNote')}</p>}
            {map.data && map.data.classes.length > 0 && (
              <>
                <h3 className="ind-small">{s('classBreaks')}</h3>
                <ul className="ind-breaks">
                  {map.data.classes.map((c, index) => (
                    <li key={c.class}>
                      <span className="ind-swatch" style={{ background: categories[index]?.color }} aria-hidden="true" />
                      {s('classRange', { class: c.class, from: formatValue(c.from, lang), to: formatValue(c.to, lang), count: c.count })}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {map.data && map.data.regions.every((r) => r.value === null) && <p className="ind-muted">{s('noValues')}</p>}
          </section>
          {i.can.enter && map.data && <EntryForm key={shownPeriod ?? 'none'} indicator={i} period={shownPeriod} onSaved={() => { map.reload(); completeness.reload(); }} />}
        </div>
        <div>
          <section className="ind-card" aria-labelledby="ind-meta-h">
            <h2 id="ind-meta-h">{s('definition')}</h2>
            <p>{i.definition}</p>
            <dl className="ind-small">
              {i.kind === 'rate' && (
                <>
                  <dt>{s('formula')}</dt>
                  <dd>
                    {i.numeratorLabel} ({i.numeratorCode}) / {i.denominatorLabel} ({i.denominatorCode}) × {i.factor}
                  </dd>
                </>
              )}
              <dt>{s('source')}</dt>
              <dd>{i.source}</dd>
              <dt>{s('method')}</dt>
              <dd>{i.method}</dd>
              <dt>{s('approval')}</dt>
              <dd>
                {s(i.approval as SKey)}
                {i.approvedAt ? ` (${formatDate(i.approvedAt, lang)})` : ''}
              </dd>
            </dl>
            {i.can.approve && (
              <div className="ind-actions">
                <button type="button" className="ind-btn" onClick={() => void decide('approved')} disabled={i.approval === 'approved'}>
                  {s('approve')}
                </button>
                <button type="button" className="ind-btn ind-secondary" onClick={() => void decide('rejected')}>
                  {s('reject')}
                </button>
              </div>
            )}
          </section>
          {completeness.data && (
            <section className="ind-card" aria-labelledby="ind-comp-h">
              <h2 id="ind-comp-h">
                {s('completeness')} {completeness.data.period}
              </h2>
              <p>
                {s('completenessLine', { present: completeness.data.present, expected: completeness.data.expected, onTime: completeness.data.onTime, due: formatDate(completeness.data.dueDate, lang) })}
              </p>
              {completeness.data.missing.length > 0 && (
                <>
                  <h3 className="ind-small">{s('missing')}</h3>
                  <ul className="ind-small">
                    {completeness.data.missing.slice(0, 50).map((m) => (
                      <li key={m.kode}>{m.name}</li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
          {i.can.publish && <PublishForm indicatorId={i.id} defaultTitle={pick(i.name)} />}
        </div>
      </div>
    </>
  );
}
