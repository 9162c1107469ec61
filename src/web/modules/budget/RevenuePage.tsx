import { useMemo } from 'react';
import { ZRevenue } from '../../../contracts/budget';
import { useApi } from '../../api/client';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAuth } from '../../app/auth';
import { withPeriod } from './api';
import { ImportPanel } from './ImportPanel';
import { RevenueEntry } from './RevenueEntry';
import { BudgetTabs, Chart, ExportLinks, Kpi, Meter, PeriodPicker, useQueryParams } from './components';
import { MONTHS, MONTHS_SHORT, pct, rupiahShort, useBudgetText } from './strings';

/** PAD: target, realisation month by month, the year-end projection and the gap (BRIEF §4.10). */
export default function RevenuePage() {
  const { s, lang } = useBudgetText();
  const [params, setParams] = useQueryParams();
  const tahun = Number(params.get('tahun')) || undefined;
  const bulan = Number(params.get('bulan')) || undefined;
  const { data, error, loading, reload } = useApi(withPeriod('/budget/revenue', tahun, bulan), ZRevenue);
  const { can } = useAuth();
  const series = useMemo(
    () =>
      data
        ? [
            { name: s('targetPath'), type: 'line' as const, data: data.kurva.map((p) => p.targetLinear), color: '#8a96a3', dashed: true },
            { name: s('cumulativeActual'), type: 'line' as const, data: data.kurva.map((p) => p.realisasiKumulatif), color: '#0b5cad', area: true },
            { name: s('projectionPath'), type: 'line' as const, data: data.kurva.map((p) => p.proyeksiKumulatif), color: '#b3261e', dashed: true },
          ]
        : [],
    [data, s],
  );
  if (loading && !data) return <Loading />;
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return null;
  const total = data.total;
  const method = total.metode === 'musiman' ? s('seasonal', { years: total.tahunPola.join('–') }) : s('linear');
  const short = total.selisih > 0;
  const format = (v: number) => rupiahShort(v, lang).replace('Rp ', '');
  return (
    <div className="bud-page">
      <PageHeader title={`${s('revenueTitle')} ${data.tahun}`} eyebrow={s('asOf', { month: MONTHS[lang][data.bulan - 1] ?? '', year: data.tahun })} />
      <BudgetTabs />
      <div className="bud-toolbar">
        <PeriodPicker tahun={data.tahun} bulan={data.bulan} years={data.tahunTersedia} onChange={(next) => setParams({ tahun: next.tahun, bulan: next.bulan })} />
        <ExportLinks href={(format) => withPeriod(`/api/v1/budget/export/revenue/${format}`, data.tahun, data.bulan)} />
      </div>
      <section className="bud-kpis" aria-label={s('revenueTitle')}>
        <Kpi label={s('target')} value={rupiahShort(total.target, lang)} />
        <Kpi label={s('realised')} value={pct(total.persen, lang)} detail={rupiahShort(total.realisasi, lang)} />
        <Kpi label={s('projection')} value={rupiahShort(total.proyeksi, lang)} detail={method} />
        <Kpi label={short ? s('gap') : s('surplus')} value={rupiahShort(Math.abs(total.selisih), lang)} detail={total.target > 0 ? pct((Math.abs(total.selisih) / total.target) * 100, lang) : undefined} tone={short ? 'bad' : 'good'} />
      </section>
      <section className="bud-card">
        <Chart
          title={`${s('cumulativeActual')} · ${s('targetPath')} · ${s('projectionPath')}`}
          summary={`${s('realised')} ${rupiahShort(total.realisasi, lang)}; ${s('projection').toLowerCase()} ${rupiahShort(total.proyeksi, lang)} (${method}); ${s('target').toLowerCase()} ${rupiahShort(total.target, lang)}.`}
          categories={MONTHS_SHORT[lang].slice()}
          series={series}
          format={format}
          height={300}
          markIndex={data.bulan - 1}
        />
      </section>
      <section className="bud-card" aria-labelledby="bud-groups">
        <h2 id="bud-groups">{s('group')}</h2>
        <div className="bud-bars">
          {data.kelompok.map((k) => (
            <div className="bud-bar-row" key={k.kelompok}>
              <span>{s(k.kelompok)}</span>
              <span className="bud-small">{`${rupiahShort(k.realisasi, lang)} / ${rupiahShort(k.target, lang)} · ${s('projectionPath').toLowerCase()} ${rupiahShort(k.proyeksi, lang)}`}</span>
              <Meter value={k.target > 0 ? (k.realisasi / k.target) * 100 : 0} plan={k.target > 0 ? (k.proyeksi / k.target) * 100 : null} label={s(k.kelompok)} />
            </div>
          ))}
        </div>
      </section>
      <section className="bud-card" aria-labelledby="bud-sources">
        <h2 id="bud-sources">{s('source')}</h2>
        <div className="bud-table-wrap">
          <table className="bud-table bud-cards">
            <caption className="visually-hidden">{s('source')}</caption>
            <thead>
              <tr>
                <th scope="col">{s('source')}</th>
                <th scope="col" className="num">{s('target')}</th>
                <th scope="col" className="num">{s('realised')}</th>
                <th scope="col" className="num">%</th>
                <th scope="col" className="num">{s('projectionPath')}</th>
                <th scope="col" className="num">{s('gap')}</th>
              </tr>
            </thead>
            <tbody>
              {[...data.sumber].sort((a, b) => b.selisih - a.selisih).map((r) => (
                <tr key={r.id} className={r.selisih > r.target * 0.05 ? 'bud-row-critical' : undefined}>
                  <td className="bud-cell-main">
                    {r.nama}
                    <div className="bud-code">{`${r.kode} · ${r.metode === 'musiman' ? s('seasonal', { years: '' }).replace(/,.*$/, '') : 'linear'}`}</div>
                  </td>
                  <td className="num" data-label={s('target')}>{rupiahShort(r.target, lang)}</td>
                  <td className="num" data-label={s('realised')}>{rupiahShort(r.realisasi, lang)}</td>
                  <td className="num" data-label="%">{pct(r.persen, lang)}</td>
                  <td className="num" data-label={s('projectionPath')}>{rupiahShort(r.proyeksi, lang)}</td>
                  <td className="num" data-label={s('gap')}>{rupiahShort(r.selisih, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {can('budget.revenue.write') && (
        <>
          <RevenueEntry key={data.tahun} tahun={data.tahun} sources={data.sumber} onSaved={reload} />
          <section aria-labelledby="bud-pad-import">
            <h2 id="bud-pad-import">{s('padImportTitle')}</h2>
            <p className="bud-hint">
              {s('padImportHint')}{' '}
              <a href="/api/v1/budget/revenue/import/template.csv" download>
                template-realisasi-pad.csv
              </a>
            </p>
            <ImportPanel uploadPath="/budget/revenue/import" allowPartial onImported={reload} />
          </section>
        </>
      )}
    </div>
  );
}
