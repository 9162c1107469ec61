import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { TTerritoryComplaints, TTerritoryDirectives } from '../../../contracts/indicators';
import { ContributionBar, formatValue, IndSchemas, SegmentLegend, Sparkline } from './shared';
import { useS, type SKey } from './strings';

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
      {d.complaints && <ComplaintsSection data={d.complaints} showKelurahan={d.wilayah.level === 'kecamatan'} allHref={`/pengaduan?status=&${d.wilayah.level === 'kecamatan' ? 'kecamatan' : 'kelurahan'}=${encodeURIComponent(d.wilayah.kode)}&nama=${encodeURIComponent(d.wilayah.name)}`} />}
      {d.directives && <DirectivesSection data={d.directives} />}
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

/** Complaints located in the wilayah (their kelurahan comes from the reporter's point): counts and the latest few. */
function ComplaintsSection({ data, showKelurahan, allHref }: { data: TTerritoryComplaints; showKelurahan: boolean; allHref: string }) {
  const s = useS();
  const { lang } = useI18n();
  return (
    <section className="ind-card" aria-labelledby="ind-t-complaints" data-testid="territory-complaints">
      <h2 id="ind-t-complaints">{s('complaintsTitle')}</h2>
      {data.scope === 'opd' && <p className="ind-small ind-muted">{s('complaintsScopeOpd')}</p>}
      {data.total === 0 ? (
        <p className="ind-muted">{s('complaintsNone')}</p>
      ) : (
        <>
          <p>
            <strong>{s('complaintsCounts', { total: formatValue(data.total, lang, 0), open: formatValue(data.open, lang, 0), overdue: formatValue(data.overdue, lang, 0) })}</strong>
          </p>
          <ul className="ind-legend" aria-label={s('statusCounts')}>
            {data.byStatus.map((b) => (
              <li key={b.status}>
                <span className="ind-badge">{s(`cst_${b.status}` as SKey)}: {formatValue(b.count, lang, 0)}</span>
              </li>
            ))}
          </ul>
          <ul className="ind-list">
            {data.latest.map((c) => (
              <li key={c.id}>
                <Link className="ind-link" to={c.link}>{c.code}</Link> · {c.serviceName}
                <div className="ind-small ind-muted">
                  {formatDate(c.receivedOn, lang)} · {s(`cst_${c.status}` as SKey)} · {c.opdName}
                  {showKelurahan && c.kelurahan ? ` · ${c.kelurahan}` : ''} {c.overdue && <span className="ind-badge bad">{s('overdueBadge')}</span>}
                </div>
              </li>
            ))}
          </ul>
          {data.total > data.latest.length && (
            <p>
              <Link className="ind-link" to={allHref}>{s('complaintsAll', { total: formatValue(data.total, lang, 0) })}</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** Directives addressed to the kantor camat/lurah or naming the wilayah, with the follow-up status of each office. */
function DirectivesSection({ data }: { data: TTerritoryDirectives }) {
  const s = useS();
  const { lang } = useI18n();
  return (
    <section className="ind-card" aria-labelledby="ind-t-directives" data-testid="territory-directives">
      <h2 id="ind-t-directives">{s('directivesTitle')}</h2>
      {data.scope === 'opd' && <p className="ind-small ind-muted">{s('directivesScopeOpd')}</p>}
      {data.total === 0 ? (
        <p className="ind-muted">{s('directivesNone')}</p>
      ) : (
        <>
          <p>
            <strong>{s('directivesCounts', { total: formatValue(data.total, lang, 0), open: formatValue(data.openAssignments, lang, 0), overdue: formatValue(data.overdueAssignments, lang, 0) })}</strong>
          </p>
          <ul className="ind-list">
            {data.items.map((d) => (
              <li key={d.id}>
                <Link className="ind-link" to={d.link}>{d.number}</Link> {d.reason === 'mentioned' && <span className="ind-badge">{s('directiveMentioned')}</span>}{' '}
                {d.superseded && <span className="ind-badge warn">{s('directiveSuperseded')}</span>}
                <div className="ind-small">{d.text}</div>
                <div className="ind-small ind-muted">
                  {formatDate(d.issuedAt, lang)} · {s('directiveDue', { date: formatDate(d.dueDate, lang) })}
                </div>
                <ul className="ind-small ind-assign">
                  {d.assignments.map((a) => (
                    <li key={a.opdId}>
                      {a.opdName}: <span className={`ind-badge ${a.overdueDays > 0 ? 'bad' : a.status === 'diterima' ? 'ok' : a.status === 'terkendala' ? 'warn' : ''}`}>{s(`ast_${a.status}` as SKey)}</span>
                      {a.overdueDays > 0 && ` ${s('overdueDays', { days: a.overdueDays })}`}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.offices.length > 0 && data.total > data.items.length && (
        <ul className="ind-small ind-more">
          {data.offices.map((o) => (
            <li key={o.id}>
              <Link className="ind-link" to={o.link}>{s('allDirectivesOf', { name: o.name })}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
