import { useMemo } from 'react';
import { Link, Navigate } from 'react-router';
import { ZOverview, type TOpdSummary } from '../../../contracts/budget';
import { useApi } from '../../api/client';
import { useAuth, useMe } from '../../app/auth';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { withPeriod } from './api';
import { BandBadge, BudgetTabs, Chart, ExportLinks, Kpi, Meter, PeriodPicker, useQueryParams } from './components';
import { MONTHS, MONTHS_SHORT, pct, rupiahShort, useBudgetText } from './strings';

/** The Pemda overview for the head and the Sekda: where the money stands, who lags, the S-curve, the ranking. */
export default function OverviewPage() {
  const { can } = useAuth();
  const me = useMe();
  if (!can('budget.pemda.read')) return me.opdId ? <Navigate to={`/anggaran/opd/${me.opdId}`} replace /> : <Navigate to="/" replace />;
  return <Overview />;
}

function Overview() {
  const { s, lang } = useBudgetText();
  const [params, setParams] = useQueryParams();
  const tahun = Number(params.get('tahun')) || undefined;
  const bulan = Number(params.get('bulan')) || undefined;
  const { data, error, loading, reload } = useApi(withPeriod('/budget/overview', tahun, bulan), ZOverview);
  const curve = useMemo(() => {
    if (!data) return null;
    return {
      categories: MONTHS_SHORT[lang].slice(),
      series: [
        { name: s('planFinancial'), type: 'line' as const, data: data.kurva.map((p) => p.rencanaKeuangan), color: '#7aa7d6', dashed: true },
        { name: s('actualFinancial'), type: 'line' as const, data: data.kurva.map((p) => p.realisasiKeuangan), color: '#0b5cad', area: true },
        { name: s('planPhysical'), type: 'line' as const, data: data.kurva.map((p) => p.rencanaFisik), color: '#e2a24a', dashed: true },
        { name: s('actualPhysical'), type: 'line' as const, data: data.kurva.map((p) => p.realisasiFisik), color: '#b26a00' },
      ],
    };
  }, [data, lang, s]);
  if (loading && !data) return <Loading />;
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return null;
  const title = `${s('overviewTitle')} ${data.tahun}`;
  const asOf = s('asOf', { month: MONTHS[lang][data.bulan - 1] ?? '', year: data.tahun });
  const total = data.total;
  const attention = data.opd.filter((o) => o.jumlahKritis > 0).sort((a, b) => b.jumlahKritis - a.jumlahKritis || (b.deviasiFisik ?? 0) - (a.deviasiFisik ?? 0));
  const devTone = (total.deviasiFisik ?? 0) > 10 ? 'bad' : (total.deviasiFisik ?? 0) > 5 ? 'warn' : 'good';
  return (
    <div className="bud-page">
      <PageHeader title={title} eyebrow={asOf} />
      <BudgetTabs />
      <div className="bud-toolbar">
        <PeriodPicker tahun={data.tahun} bulan={data.bulan} years={data.tahunTersedia} onChange={(next) => setParams({ tahun: next.tahun, bulan: next.bulan })} />
        <ExportLinks href={(format) => withPeriod(`/api/v1/budget/export/overview/${format}`, data.tahun, data.bulan)} />
      </div>
      {total.jumlahSub === 0 ? (
        <EmptyState title={s('noData')}>{s('noDataHint')}</EmptyState>
      ) : (
        <>
          <section className="bud-kpis" aria-label={s('overviewTitle')}>
            <Kpi label={`${s('realised')} ${s('financial').toLowerCase()}`} value={pct(total.persenKeuangan, lang)} detail={`${rupiahShort(total.realisasiKeuangan, lang)} ${s('ofPagu')} ${rupiahShort(total.pagu, lang)}`} />
            <Kpi label={s('achievement')} value={pct(total.capaian, lang)} detail={<>{s('achievementHint')} · <BandBadge band={total.band} /></>} tone={(total.capaian ?? 0) >= 91 ? 'good' : (total.capaian ?? 0) >= 76 ? 'warn' : 'bad'} />
            <Kpi label={`${s('realised')} ${s('physical').toLowerCase()}`} value={pct(total.realisasiFisik, lang)} detail={`${s('plan')} ${pct(total.rencanaFisik, lang)}`} />
            <Kpi label={s('deviationPhysical')} value={`${pct(total.deviasiFisik, lang).replace(' %', '')} ${s('points')}`} detail={s('deviationHint')} tone={devTone} />
            <Kpi label={s('criticalActivities')} value={String(total.jumlahKritis)} detail={`${attention.length} OPD`} tone={total.jumlahKritis > 0 ? 'bad' : 'good'} />
          </section>
          {attention.length > 0 && (
            <section className="bud-card" aria-labelledby="bud-attention">
              <h2 id="bud-attention">{s('criticalActivities')}</h2>
              <p className="bud-hint">{s('criticalRule')}</p>
              <ul className="bud-list">
                {attention.map((o) => (
                  <li key={o.opdId}>
                    <Link to={`/anggaran/opd/${o.opdId}?tahun=${data.tahun}&bulan=${data.bulan}&kritis=1`}>{o.opdName}</Link>: {o.jumlahKritis} {s('critical').toLowerCase()}, {s('deviationPhysical').toLowerCase()} {pct(o.deviasiFisik, lang).replace(' %', '')} {s('points')}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {curve && (
            <section className="bud-card">
              <Chart
                title={s('sCurve')}
                summary={s('sCurveSummary', { real: pct(total.persenKeuangan, lang), plan: pct(total.persenRencanaKeuangan, lang), realF: pct(total.realisasiFisik, lang), planF: pct(total.rencanaFisik, lang) })}
                categories={curve.categories}
                series={curve.series}
                format={(v) => `${Math.round(v)}%`}
                max={100}
                height={300}
                markIndex={data.bulan - 1}
              />
            </section>
          )}
          <Ranking rows={data.opd} tahun={data.tahun} bulan={data.bulan} />
        </>
      )}
    </div>
  );
}

function Ranking({ rows, tahun, bulan }: { rows: TOpdSummary[]; tahun: number; bulan: number }) {
  const { s, lang } = useBudgetText();
  return (
    <section className="bud-card" aria-labelledby="bud-ranking">
      <h2 id="bud-ranking">{s('ranking')}</h2>
      <p className="bud-hint">{s('rankingHint')} {s('bandLegend')}</p>
      <div className="bud-table-wrap">
        <table className="bud-table bud-cards">
          <caption className="visually-hidden">{s('ranking')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{s('rank')}</th>
              <th scope="col">OPD</th>
              <th scope="col" className="num">{s('pagu')}</th>
              <th scope="col">{`${s('realised')} ${s('financial').toLowerCase()}`}</th>
              <th scope="col">{s('achievement')}</th>
              <th scope="col" className="num">{s('physical')}</th>
              <th scope="col" className="num">{`${s('deviation')} (${s('points')})`}</th>
              <th scope="col" className="num">{s('critical')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.opdId} className={o.jumlahKritis > 0 ? 'bud-row-critical' : undefined}>
                <td className="num bud-hide-phone">{o.rank ?? '–'}</td>
                <td className="bud-cell-main">
                  {o.rank && <span className="bud-phone-only">{`${o.rank}. `}</span>}
                  <Link to={`/anggaran/opd/${o.opdId}?tahun=${tahun}&bulan=${bulan}`}>{o.opdName}</Link>
                </td>
                <td className="num" data-label={s('pagu')}>{rupiahShort(o.pagu, lang)}</td>
                <td data-label={`${s('realised')} ${s('financial').toLowerCase()}`}>
                  {pct(o.persenKeuangan, lang)}
                  <Meter value={o.persenKeuangan} plan={o.persenRencanaKeuangan} label={`${s('plan')} ${pct(o.persenRencanaKeuangan, lang)}`} />
                </td>
                <td data-label={s('achievement')}>
                  {pct(o.capaian, lang)} <BandBadge band={o.band} />
                </td>
                <td className="num" data-label={s('physical')}>{pct(o.realisasiFisik, lang)}</td>
                <td className="num" data-label={`${s('deviation')} (${s('points')})`}>{pct(o.deviasiFisik, lang).replace(' %', '')}</td>
                <td className="num" data-label={s('critical')}>{o.jumlahKritis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
