import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ZOpdBudget } from '../../../contracts/budget';
import { useApi } from '../../api/client';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { withPeriod } from './api';
import { BandBadge, BudgetTabs, Chart, ExportLinks, Kpi, Meter, PeriodPicker, useQueryParams } from './components';
import { MONTHS, MONTHS_SHORT, pct, rupiahShort, useBudgetText } from './strings';

/** One OPD: pagu, realisation, the physical deviation month by month, and every sub-kegiatan. */
export default function OpdBudgetPage() {
  const { id = '' } = useParams();
  const { s, lang } = useBudgetText();
  const [params, setParams] = useQueryParams();
  const tahun = Number(params.get('tahun')) || undefined;
  const bulan = Number(params.get('bulan')) || undefined;
  const onlyCritical = params.get('kritis') === '1';
  const { data, error, loading, reload } = useApi(withPeriod(`/budget/opd/${encodeURIComponent(id)}`, tahun, bulan), ZOpdBudget);
  const chart = useMemo(() => {
    if (!data) return null;
    const deviation = data.kurva.map((p) => (p.rencanaFisik !== null && p.realisasiFisik !== null ? Math.round((p.rencanaFisik - p.realisasiFisik) * 100) / 100 : null));
    return {
      deviation,
      series: [
        { name: s('planPhysical'), type: 'line' as const, data: data.kurva.map((p) => p.rencanaFisik), color: '#e2a24a', dashed: true },
        { name: s('actualPhysical'), type: 'line' as const, data: data.kurva.map((p) => p.realisasiFisik), color: '#b26a00' },
        { name: s('actualFinancial'), type: 'line' as const, data: data.kurva.map((p) => p.realisasiKeuangan), color: '#0b5cad' },
        { name: s('deviationPhysical'), type: 'bar' as const, data: deviation, color: '#b3261e' },
      ],
    };
  }, [data, s]);
  if (loading && !data) return <Loading />;
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return null;
  const sum = data.summary;
  const rows = [...data.subKegiatan].filter((r) => !onlyCritical || r.kritis).sort((a, b) => Number(b.kritis) - Number(a.kritis) || b.deviasiFisik - a.deviasiFisik || a.kode.localeCompare(b.kode));
  const devTone = (sum.deviasiFisik ?? 0) > 10 ? 'bad' : (sum.deviasiFisik ?? 0) > 5 ? 'warn' : 'good';
  return (
    <div className="bud-page">
      <PageHeader title={sum.opdName} eyebrow={s('asOf', { month: MONTHS[lang][data.bulan - 1] ?? '', year: data.tahun })} />
      <BudgetTabs />
      <div className="bud-toolbar">
        <PeriodPicker tahun={data.tahun} bulan={data.bulan} years={data.tahunTersedia} onChange={(next) => setParams({ tahun: next.tahun, bulan: next.bulan })} />
        <ExportLinks href={(format) => withPeriod(`/api/v1/budget/opd/${id}/export?format=${format}`, data.tahun, data.bulan)} />
      </div>
      {sum.jumlahSub === 0 ? (
        <EmptyState title={s('noData')}>{s('noDataHint')}</EmptyState>
      ) : (
        <>
          <section className="bud-kpis" aria-label={sum.opdName}>
            <Kpi label={s('pagu')} value={rupiahShort(sum.pagu, lang)} detail={`${sum.jumlahSub} ${s('subActivities').toLowerCase()}`} />
            <Kpi label={`${s('realised')} ${s('financial').toLowerCase()}`} value={pct(sum.persenKeuangan, lang)} detail={<>{`${rupiahShort(sum.realisasiKeuangan, lang)} · ${s('achievement').toLowerCase()} ${pct(sum.capaian, lang)}`} <BandBadge band={sum.band} /></>} />
            <Kpi label={`${s('realised')} ${s('physical').toLowerCase()}`} value={pct(sum.realisasiFisik, lang)} detail={`${s('plan')} ${pct(sum.rencanaFisik, lang)}`} />
            <Kpi label={s('deviationPhysical')} value={`${pct(sum.deviasiFisik, lang).replace(' %', '')} ${s('points')}`} detail={s('deviationHint')} tone={devTone} />
            <Kpi label={s('criticalActivities')} value={String(sum.jumlahKritis)} tone={sum.jumlahKritis > 0 ? 'bad' : 'good'} />
          </section>
          {chart && (
            <section className="bud-card">
              <Chart
                title={`${s('deviationPhysical')}: ${s('plan').toLowerCase()} / ${s('realised').toLowerCase()}`}
                summary={s('sCurveSummary', { real: pct(sum.persenKeuangan, lang), plan: pct(sum.persenRencanaKeuangan, lang), realF: pct(sum.realisasiFisik, lang), planF: pct(sum.rencanaFisik, lang) })}
                categories={MONTHS_SHORT[lang].slice()}
                series={chart.series}
                format={(v) => `${Math.round(v)}%`}
                max={100}
                height={280}
                markIndex={data.bulan - 1}
              />
            </section>
          )}
          <section className="bud-card" aria-labelledby="bud-subs">
            <div className="bud-card-head">
              <h2 id="bud-subs">{s('subActivities')}</h2>
              <label className="bud-small">
                <input type="checkbox" className="bud-check" checked={onlyCritical} onChange={(e) => setParams({ kritis: e.target.checked ? '1' : undefined })} /> {s('onlyCritical')}
              </label>
            </div>
            <p className="bud-hint">{s('criticalRule')}</p>
            <div className="bud-table-wrap">
              <table className="bud-table bud-cards">
                <caption className="visually-hidden">{s('subActivities')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{s('subActivities')}</th>
                    <th scope="col" className="num">{s('pagu')}</th>
                    <th scope="col">{`${s('realised')} ${s('financial').toLowerCase()}`}</th>
                    <th scope="col" className="num">{`${s('physical')} / ${s('plan').toLowerCase()}`}</th>
                    <th scope="col" className="num">{`${s('deviation')} (${s('points')})`}</th>
                    <th scope="col">{s('status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} className={r.kritis ? 'bud-row-critical' : undefined}>
                      <td className="bud-cell-main">
                        <Link to={`/anggaran/sub/${r.id}`}>{r.nama}</Link>
                        <div className="bud-code">{r.kode}</div>
                        {r.wilayahNama && <div className="bud-small">{`${s('location')}: ${r.wilayahNama}`}</div>}
                      </td>
                      <td className="num" data-label={s('pagu')}>{rupiahShort(r.paguEfektif, lang)}</td>
                      <td data-label={`${s('realised')} ${s('financial').toLowerCase()}`}>
                        {pct(r.persenKeuangan, lang)}
                        <Meter value={r.persenKeuangan} label={rupiahShort(r.realisasiKeuangan, lang)} />
                      </td>
                      <td className="num" data-label={`${s('physical')} / ${s('plan').toLowerCase()}`}>{`${pct(r.realisasiFisik, lang)} / ${pct(r.rencanaFisik, lang)}`}</td>
                      <td className="num" data-label={`${s('deviation')} (${s('points')})`}>{pct(r.deviasiFisik, lang).replace(' %', '')}</td>
                      <td data-label={s('status')}>
                        {r.kritis && <Badge tone="danger">{s('critical')}</Badge>} {r.status === 'ditunda' && <Badge tone="warning">{s('postponed')}</Badge>}{' '}
                        {r.dilindungi && <Badge tone="info" title={r.dilindungiAlasan ?? undefined}>{s('protectedBadge')}</Badge>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
