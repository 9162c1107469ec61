import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { ContributionBar, formatValue, IndSchemas, SegmentLegend, Sparkline } from './shared';
import { useS } from './strings';

/** One kecamatan or kelurahan: indicators and their trend, rank and its explanation, interventions, related records. */
export default function TerritoryPage() {
  const { kode = '' } = useParams();
  const s = useS();
  const { pick, lang } = useI18n();
  const page = useApi(`/territory/${kode}`, IndSchemas.territory);
  if (page.error) return <ProblemAlert error={page.error} onRetry={page.reload} />;
  if (!page.data) return <Loading />;
  const d = page.data;
  const levelName = d.wilayah.level === 'kecamatan' ? s('kecamatan') : s('kelurahan');
  return (
    <>
      <PageHeader title={d.wilayah.name} eyebrow={`${levelName} · ${d.wilayah.kode}`}>
        {d.wilayah.parent && (
          <span>
            <Link className="ind-link" to={`/wilayah/${d.wilayah.parent.kode}`}>{d.wilayah.parent.name}</Link>
          </span>
        )}
      </PageHeader>
      {d.rank && (
        <section className="ind-card" aria-labelledby="ind-t-rank">
          <h2 id="ind-t-rank">{s('rankLine', { rank: d.rank.rank, of: d.rank.of, index: formatValue(d.rank.index, lang, 1) })}</h2>
          {d.rank.priority && <span className="ind-badge bad">{s('priority')}</span>}
          <SegmentLegend codes={d.rank.contributions.map((c) => c.code)} />
          <ContributionBar parts={d.rank.contributions} label={s('contributions')} />
          <ul className="ind-small">
            {d.rank.contributions.map((c) => (
              <li key={c.indicatorId}>{c.points === null ? s('missingData', { codes: c.code }) : s('pointsOf', { code: c.code, points: formatValue(c.points, lang), value: formatValue(c.value, lang), period: c.period ?? '–' })}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="ind-t-ind" className="ind-card">
        <h2 id="ind-t-ind">{s('catalogueTitle')}</h2>
        <div className="ind-kpis">
          {d.indicators.map((i) => (
            <article key={i.id} className="ind-kpi">
              <h3>
                <Link className="ind-link" to={`/indikator/${i.id}`}>{pick(i.name)}</Link>
              </h3>
              <div className="ind-big">
                {formatValue(i.latest, lang)} <span className="ind-small">{i.unit}</span>
              </div>
              <div className="ind-small ind-muted">
                {i.trend[i.trend.length - 1]?.period ?? '–'}
                {i.pemdaLatest !== null ? ` · ${s('cityValue', { value: `${formatValue(i.pemdaLatest, lang)} ${i.unit}` })}` : ''}
              </div>
              <Sparkline points={i.trend.map((p) => p.value)} label={`${s('trend')}: ${i.trend.map((p) => `${p.period} ${formatValue(p.value, lang)}`).join(', ')}`} />
            </article>
          ))}
        </div>
      </section>
      <section className="ind-card" aria-labelledby="ind-t-iv">
        <h2 id="ind-t-iv">{s('interventionsTitle')}</h2>
        {d.interventions.length === 0 ? (
          <p className="ind-muted">{s('none')}</p>
        ) : (
          <ul>
            {d.interventions.map((i) => (
              <li key={i.id}>
                <strong>{i.title}</strong> — {i.opd.name}, {formatDate(i.startDate, lang)}–{formatDate(i.endDate, lang)} ({formatValue(i.reachCount, lang, 0)}/{formatValue(i.targetCount, lang, 0)})
              </li>
            ))}
          </ul>
        )}
      </section>
      {d.children.length > 0 && (
        <section className="ind-card" aria-labelledby="ind-t-children">
          <h2 id="ind-t-children">{s('childrenTitle')}</h2>
          <ul className="ind-small">
            {d.children.map((c) => (
              <li key={c.kode}>
                <Link className="ind-link" to={`/wilayah/${c.kode}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.related.length > 0 && (
        <section className="ind-card" aria-labelledby="ind-t-related">
          <h2 id="ind-t-related">{s('related')}</h2>
          <ul>
            {d.related.map((r) => (
              <li key={r.link}>
                <Link className="ind-link" to={r.link}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
