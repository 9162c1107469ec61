import './complaints.css';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ZDashboard } from '../../../contracts/complaints';
import { useApi } from '../../api/client';
import { Badge } from '../../components/Badge';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { RegionPointMap, type MapFeature } from './RegionPointMap';
import { useStrings } from './strings';

interface GeoCollection {
  features: Array<{ properties: { code: string; name: string }; geometry: MapFeature['geometry'] }>;
}

const percent = (value: number | null, lang: string) => (value === null ? '—' : `${(value * 100).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 0 })}%`);

/** /pengaduan/dasbor: the coordinator's dashboard (issue 6 §7). */
export default function Dashboard() {
  const s = useStrings();
  const { lang } = useI18n();
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const [allOpds, setAllOpds] = useState(false);
  const data = useApi('/complaints/dashboard', ZDashboard, { month });
  const geo = useApi<GeoCollection>('/public/lapor/wilayah');
  const features = useMemo<MapFeature[]>(() => (geo.data?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry })), [geo.data]);
  const names = useMemo(() => new Map(features.map((f) => [f.code, f.name])), [features]);
  const d = data.data;
  const densityRows = useMemo(() => Object.entries(d?.density ?? {}).sort((a, b) => b[1] - a[1]), [d]);
  return (
    <>
      <PageHeader title={s('dashboard')} actions={<Link to="/pengaduan" className="button">{s('queueTitle')}</Link>}>
        <span>{s('dashboardIntro')}</span>
      </PageHeader>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="cmp-month">{s('month')}</label>
          <input id="cmp-month" type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </div>
      </div>
      {data.loading && !d && <Loading />}
      {data.error ? <ProblemAlert error={data.error} onRetry={data.reload} /> : null}
      {d && (
        <>
          <ul className="stat-grid">
            <li><Link className="stat" to={`/pengaduan?status=&month=${d.month}`}><span className="stat-value">{formatNumber(d.totals.received, lang)}</span><span className="stat-label">{s('receivedCount')}</span></Link></li>
            <li><Link className="stat" to={`/pengaduan?status=open&month=${d.month}`}><span className="stat-value">{formatNumber(d.totals.open, lang)}</span><span className="stat-label">{s('openCount')}</span></Link></li>
            <li><Link className="stat" to={`/pengaduan?status=closed&month=${d.month}`}><span className="stat-value">{formatNumber(d.totals.closed, lang)}</span><span className="stat-label">{s('closedCount')}</span></Link></li>
            <li><Link className={`stat${d.totals.overdue > 0 ? ' stat-danger' : ''}`} to="/pengaduan?status=overdue"><span className="stat-value">{formatNumber(d.totals.overdue, lang)}</span><span className="stat-label">{s('overdueCount')}</span></Link></li>
          </ul>
          <section className="card">
            <h2>{s('mapTitle')}</h2>
            {features.length > 0 && (
              <RegionPointMap
                features={features}
                label={s('mapTitle')}
                density={d.density}
                points={d.points.map((p) => ({ lng: p.lng, lat: p.lat, tone: p.status === 'closed' ? 'closed' : 'open' }))}
                height={520}
              />
            )}
            <details>
              <summary>{s('kelurahan')}</summary>
              <table className="data-table">
                <thead><tr><th scope="col">{s('kelurahan')}</th><th scope="col">{s('receivedCount')}</th></tr></thead>
                <tbody>{densityRows.map(([code, n]) => <tr key={code}><td data-label={s('kelurahan')}><Link to={`/pengaduan?status=&kelurahan=${code}`}>{names.get(code) ?? code}</Link></td><td data-label={s('receivedCount')}>{n}</td></tr>)}</tbody>
              </table>
            </details>
          </section>
          <section className="card">
            <h2>{s('complianceTitle')}</h2>
            <div className="table-wrap">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{s('opd')}</th>
                    <th scope="col">{s('receivedCount')}</th>
                    <th scope="col">{s('closedCount')}</th>
                    <th scope="col">{s('overdueCount')}</th>
                    <th scope="col">{s('compliance')}</th>
                    <th scope="col">{s('medianFirst')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(allOpds ? d.perOpd : d.perOpd.slice(0, 12)).map((row) => (
                    <tr key={row.opdId}>
                      <td data-label={s('opd')}><Link to={`/pengaduan?status=&opd=${row.opdId}&month=${d.month}`}>{row.opdName}</Link></td>
                      <td data-label={s('receivedCount')}>{row.received}</td>
                      <td data-label={s('closedCount')}>{row.closed}</td>
                      <td data-label={s('overdueCount')}>{row.overdue > 0 ? <Badge tone="danger">{row.overdue}</Badge> : 0}</td>
                      <td data-label={s('compliance')}>{row.compliance === null ? '—' : <Badge tone={row.compliance >= 0.9 ? 'success' : row.compliance >= 0.7 ? 'warning' : 'danger'}>{percent(row.compliance, lang)}</Badge>}</td>
                      <td data-label={s('medianFirst')}>{row.medianFirstResponseDays ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {d.perOpd.length > 12 && (
              <button type="button" className="button button-small" aria-expanded={allOpds} onClick={() => setAllOpds(!allOpds)}>
                {allOpds ? s('showFewer') : s('showAll', { n: d.perOpd.length })}
              </button>
            )}
          </section>
          <section className="card">
            <h2>{s('ikmTitle')}</h2>
            <div className="table-wrap">
              <table className="data-table">
                <thead><tr><th scope="col">{s('unit')}</th><th scope="col">{s('respondents')}</th><th scope="col">{s('minSample')}</th><th scope="col">{s('ikmValue')}</th><th scope="col">{s('quality')}</th></tr></thead>
                <tbody>
                  {d.ikm.map((u) => (
                    <tr key={u.unitId}>
                      <td data-label={s('unit')}><Link to={`/ikm?unit=${u.unitId}`}>{u.unitName}</Link><div className="small muted">{u.opdName}</div></td>
                      <td data-label={s('respondents')}>{formatNumber(u.respondents, lang)}</td>
                      <td data-label={s('minSample')}>{formatNumber(u.minimumSample, lang)}</td>
                      <td data-label={s('ikmValue')}>{u.converted === null ? '—' : u.converted.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2 })}</td>
                      <td data-label={s('quality')}>{u.category ? <Badge tone={u.category === 'A' || u.category === 'B' ? 'success' : u.category === 'C' ? 'warning' : 'danger'}>{u.category}</Badge> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
