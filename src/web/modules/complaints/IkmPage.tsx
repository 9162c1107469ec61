import './complaints.css';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { ZIkmReport, ZIkmUnit } from '../../../contracts/complaints';
import { API_BASE, useApi } from '../../api/client';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { useStrings } from './strings';

const ZUnits = z.object({ items: z.array(ZIkmUnit) });

/** /ikm: IKM per unit and period (PermenPANRB 14/2017): NRR per element, IKM, ×25, category, sample progress, PDF. */
export default function IkmPage() {
  const s = useStrings();
  const { lang, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const units = useApi('/ikm/units', ZUnits);
  const unitId = params.get('unit') ?? units.data?.items[0]?.id ?? null;
  const period = params.get('period') ?? String(new Date().getFullYear());
  const report = useApi(unitId ? `/ikm/units/${unitId}/report` : null, ZIkmReport, { period });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const num = (value: number | null, digits: number) => (value === null ? '—' : value.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  const r = report.data;
  const surveyUrl = unitId ? `${window.location.origin}/survei/${unitId}` : '';
  return (
    <>
      <PageHeader title={s('ikmPage')}>
        <span>{s('ikmIntro')}</span>
      </PageHeader>
      {units.error ? <ProblemAlert error={units.error} /> : null}
      {units.data && units.data.items.length === 0 && <EmptyState title={s('noUnits')} />}
      {units.data && units.data.items.length > 0 && (
        <div className="toolbar">
          <div className="field">
            <label htmlFor="ikm-unit">{s('unit')}</label>
            <select id="ikm-unit" value={unitId ?? ''} onChange={(e) => set('unit', e.target.value)}>
              {units.data.items.map((u) => <option key={u.id} value={u.id}>{u.name} · {u.opdName}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ikm-period">{s('period')}</label>
            <input id="ikm-period" type="text" inputMode="text" pattern="\d{4}(-\d{2}|-Q[1-4]|-S[12])?" value={period} onChange={(e) => set('period', e.target.value.toUpperCase())} />
          </div>
        </div>
      )}
      {report.loading && !r && <Loading />}
      {report.error ? <ProblemAlert error={report.error} /> : null}
      {r && (
        <>
          <ul className="stat-grid">
            <li><div className="stat"><span className="stat-value">{num(r.converted, 2)}</span><span className="stat-label">{s('ikmValue')} ({num(r.index, 3)} × 25)</span></div></li>
            <li><div className="stat"><span className="stat-value">{r.category ?? '—'}</span><span className="stat-label">{s('quality')}{r.categoryLabel ? `: ${pick(r.categoryLabel)}` : ''}</span></div></li>
            <li><div className="stat"><span className="stat-value">{formatNumber(r.respondents, lang)}</span><span className="stat-label">{s('respondents')} / {s('minSample')} {formatNumber(r.minimumSample, lang)}</span></div></li>
          </ul>
          <section className="card">
            <label htmlFor="ikm-progress">{s('sampleProgress')}</label>
            <progress id="ikm-progress" className="cmp-progress" max={1} value={r.sampleProgress}>{Math.round(r.sampleProgress * 100)}%</progress>
            <div className="table-wrap">
              <table className="data-table">
                <thead><tr><th scope="col">{s('code')}</th><th scope="col">{s('element')}</th><th scope="col">NRR</th><th scope="col">NRR × 25</th></tr></thead>
                <tbody>
                  {r.elements.map((e) => (
                    <tr key={e.code}>
                      <td data-label={s('code')}>{e.code.toUpperCase()}</td>
                      <td data-label={s('element')}>{pick(e.label)}</td>
                      <td data-label="NRR">{num(e.nrr, 3)}</td>
                      <td data-label="NRR × 25">{e.converted !== null && e.converted < 76.61 ? <Badge tone="warning">{num(e.converted, 2)}</Badge> : num(e.converted, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="small muted">{r.basis} · {r.from} – {r.to}</p>
            <div className="button-row">
              <a className="button button-primary" href={`${API_BASE}/ikm/units/${r.unit.id}/report.pdf?period=${encodeURIComponent(r.period)}`}>{s('downloadPdf')}</a>
            </div>
            <p className="small">{s('questionnaireLink')}: <a href={surveyUrl}>{surveyUrl}</a></p>
            <img className="cmp-qr" src={`${API_BASE}/ikm/units/${r.unit.id}/qr.svg`} alt={s('qrAlt', { unit: r.unit.name })} width={160} height={160} />
          </section>
        </>
      )}
    </>
  );
}
