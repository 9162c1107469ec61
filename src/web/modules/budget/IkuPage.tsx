import { z } from 'zod';
import { ZIkuRow } from '../../../contracts/budget';
import { useApi } from '../../api/client';
import { useAuth, useMe } from '../../app/auth';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { BandBadge, BudgetTabs, PeriodPicker, useQueryParams } from './components';
import { IkuEntry } from './IkuEntry';
import { pct, useBudgetText } from './strings';

const ZIkuList = z.object({ tahun: z.number(), items: z.array(ZIkuRow) });

/** IKU: the year's target, each quarter's value with its evidence, and the achievement band. */
export default function IkuPage() {
  const { s, lang } = useBudgetText();
  const [params, setParams] = useQueryParams();
  const tahun = Number(params.get('tahun')) || new Date().getFullYear();
  const opd = params.get('opd');
  const { data, error, loading, reload } = useApi(`/budget/iku?tahun=${tahun}`, ZIkuList);
  const { can } = useAuth();
  const me = useMe();
  if (loading && !data) return <Loading />;
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return null;
  const rows = data.items.filter((r) => !opd || r.opdId === opd);
  const number = (v: number | null | undefined) => (v === null || v === undefined ? '–' : new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 2 }).format(v));
  return (
    <div className="bud-page">
      <PageHeader title={`${s('ikuTitle')} ${data.tahun}`} />
      <BudgetTabs />
      <div className="bud-toolbar">
        <PeriodPicker tahun={tahun} bulan={12} years={[tahun - 1, tahun, tahun + 1]} showMonth={false} onChange={(next) => setParams({ tahun: next.tahun })} />
      </div>
      <p className="bud-hint">{s('bandLegend')}</p>
      <section className="bud-card">
        <div className="bud-table-wrap">
          <table className="bud-table bud-cards">
            <caption className="visually-hidden">{s('ikuTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">IKU</th>
                <th scope="col">{s('owner')}</th>
                <th scope="col" className="num">{s('target')}</th>
                {[1, 2, 3, 4].map((q) => (
                  <th scope="col" className="num" key={q}>{`${s('quarter')}${q}`}</th>
                ))}
                <th scope="col">{s('achievement')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="bud-cell-main">
                    {r.nama}
                    <div className="bud-code">{`${r.kode} · ${r.satuan} · ${r.arah === 'naik' ? '↑' : '↓'} · ${s('sasaran')} ${r.sasaranKode}${r.baseline === null ? '' : ` · ${s('baseline')} ${number(r.baseline)}`}`}</div>
                  </td>
                  <td data-label={s('owner')}>{r.opdName ?? '–'}</td>
                  <td className="num" data-label={s('target')}>{number(r.target)}</td>
                  {r.triwulan.map((q, index) => (
                    <td className="num" key={index} data-label={`${s('quarter')}${index + 1}`} title={q ? `${s('evidence')}: ${q.bukti}` : undefined}>
                      {number(q?.nilai)}
                      {q?.buktiFile && (
                        <a className="bud-evidence" href={q.buktiFile.url} target="_blank" rel="noreferrer" aria-label={`${s('evidence')} ${s('quarter')}${index + 1}: ${q.buktiFile.name}`}>
                          {s('evidence').toLowerCase()}
                        </a>
                      )}
                    </td>
                  ))}
                  <td data-label={s('achievement')}>
                    {pct(r.capaian, lang)} <BandBadge band={r.band} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {can('budget.iku.write') && (
        <IkuEntry key={data.tahun} tahun={data.tahun} rows={me.opdId && !can('budget.plan.manage') ? data.items.filter((r) => r.opdId === me.opdId) : data.items} onSaved={reload} />
      )}
    </div>
  );
}
