import { useState } from 'react';
import { Link } from 'react-router';
import { ZAlignment } from '../../../contracts/budget';
import { useApi } from '../../api/client';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { BudgetTabs, ExportLinks, Kpi, Meter, PeriodPicker, useQueryParams } from './components';
import { pct, rupiahShort, useBudgetText } from './strings';

/** Largest first; the rest on request, so a phone screen stays short. */
const SHORT_LIST = 10;

/** Seed 004: programmes reported against the head's vision and missions, and what links to nothing. */
export default function AlignmentPage() {
  const { s, lang } = useBudgetText();
  const [params, setParams] = useQueryParams();
  const [showAll, setShowAll] = useState(false);
  const tahun = Number(params.get('tahun')) || undefined;
  const { data, error, loading, reload } = useApi(`/budget/alignment${tahun ? `?tahun=${tahun}` : ''}`, ZAlignment);
  if (loading && !data) return <Loading />;
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return null;
  const share = (part: number) => (data.totalPagu > 0 ? (part / data.totalPagu) * 100 : null);
  const years = [data.tahun - 2, data.tahun - 1, data.tahun, data.tahun + 1];
  return (
    <div className="bud-page">
      <PageHeader title={`${s('alignmentTitle')} ${data.tahun}`} />
      <BudgetTabs />
      <div className="bud-toolbar">
        <PeriodPicker tahun={data.tahun} bulan={12} years={years} showMonth={false} onChange={(next) => setParams({ tahun: next.tahun })} />
        <ExportLinks href={(format) => `/api/v1/budget/export/alignment/${format}?tahun=${data.tahun}`} />
      </div>
      <section className="bud-kpis" aria-label={s('alignmentTitle')}>
        <Kpi label={s('aligned')} value={pct(share(data.selaras.pagu), lang)} detail={`${data.selaras.jumlah} / ${data.totalSub} ${s('subActivities').toLowerCase()}`} tone={(share(data.selaras.pagu) ?? 0) >= 90 ? 'good' : 'warn'} />
        <Kpi label={s('priorityLinked')} value={pct(share(data.prioritas.pagu), lang)} detail={rupiahShort(data.prioritas.pagu, lang)} />
        <Kpi label={s('unaligned')} value={String(data.tanpaSasaran.length)} detail={rupiahShort(data.tanpaSasaran.reduce((a, r) => a + r.pagu, 0), lang)} tone={data.tanpaSasaran.length > 0 ? 'warn' : 'good'} />
      </section>
      <section className="bud-card" aria-labelledby="bud-misi">
        <h2 id="bud-misi">{s('byMission')}</h2>
        <div className="bud-bars">
          {data.perMisi.map((m) => (
            <div className="bud-bar-row" key={m.nomor}>
              <span>{`Misi ${m.nomor}: ${m.uraian}`}</span>
              <span className="bud-small">{`${rupiahShort(m.pagu, lang)} · ${pct(share(m.pagu), lang)}`}</span>
              <Meter value={share(m.pagu)} label={`Misi ${m.nomor}`} />
            </div>
          ))}
        </div>
      </section>
      <section className="bud-card" aria-labelledby="bud-unaligned">
        <h2 id="bud-unaligned">{s('unaligned')}</h2>
        {data.tanpaSasaran.length === 0 ? (
          <p>{s('allGood')}</p>
        ) : (
          <div className="bud-table-wrap">
            <table className="bud-table bud-cards">
              <caption className="visually-hidden">{s('unaligned')}</caption>
              <thead>
                <tr>
                  <th scope="col">{s('subActivities')}</th>
                  <th scope="col">OPD</th>
                  <th scope="col" className="num">{s('pagu')}</th>
                </tr>
              </thead>
              <tbody>
                {(showAll ? data.tanpaSasaran : data.tanpaSasaran.slice(0, SHORT_LIST)).map((r) => (
                  <tr key={r.id}>
                    <td className="bud-cell-main">
                      <Link to={`/anggaran/sub/${r.id}`}>{r.nama}</Link>
                      <div className="bud-code">{r.kode}</div>
                    </td>
                    <td data-label="OPD">{r.opdName}</td>
                    <td className="num" data-label={s('pagu')}>{rupiahShort(r.pagu, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.tanpaSasaran.length > SHORT_LIST && (
              <button type="button" className="bud-button bud-button-secondary" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
                {showAll ? s('showFewer') : s('showAll', { count: data.tanpaSasaran.length })}
              </button>
            )}
          </div>
        )}
      </section>
      <div className="bud-grid-2">
        <section className="bud-card" aria-labelledby="bud-sasaran">
          <h2 id="bud-sasaran">{s('targetsWithout')}</h2>
          {data.sasaranTanpaKegiatan.length === 0 ? <p>{s('none')}</p> : <ul className="bud-list">{data.sasaranTanpaKegiatan.map((x) => <li key={x.kode}>{`${x.kode} ${x.uraian}`}</li>)}</ul>}
        </section>
        <section className="bud-card" aria-labelledby="bud-iku-none">
          <h2 id="bud-iku-none">{s('ikuWithoutTarget')}</h2>
          {data.ikuTanpaTarget.length === 0 ? <p>{s('none')}</p> : <ul className="bud-list">{data.ikuTanpaTarget.map((x) => <li key={x.kode}>{`${x.kode} ${x.nama}`}</li>)}</ul>}
        </section>
      </div>
    </div>
  );
}
