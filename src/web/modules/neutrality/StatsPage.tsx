import './neutrality.css';
import { useState } from 'react';
import type { TStats } from '../../../contracts/neutrality';
import { useApi } from '../../api/client';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useStrings, type StringKey } from './strings';

/** /netralitas/statistik: aggregates only, small cells suppressed, no personal data. */
export default function StatsPage() {
  const s = useStrings();
  const [year, setYear] = useState(new Date().getFullYear());
  const stats = useApi<TStats>('/neutrality/stats', undefined, { year });
  const show = (count: number | null, threshold: number) => (count === null ? `< ${threshold}` : String(count));
  const table = (title: StringKey, cells: TStats['byOpd']) => (
    <section className="card">
      <h2 className="card-title">{s(title)}</h2>
      <table className="simple-table">
        <caption className="visually-hidden">{s(title)}</caption>
        <tbody>
          {cells.map((cell) => (
            <tr key={cell.key}>
              <th scope="row">{cell.label}</th>
              <td className="num">{show(cell.count, stats.data?.threshold ?? 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
  return (
    <>
      <PageHeader title={s('stats.title')} />
      <div className="field" style={{ maxWidth: '10rem' }}>
        <label htmlFor="ntr-year">{s('stats.year')}</label>
        <select id="ntr-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[0, 1, 2, 3].map((back) => {
            const y = new Date().getFullYear() - back;
            return (
              <option key={y} value={y}>
                {y}
              </option>
            );
          })}
        </select>
      </div>
      <p className="hint">{s('stats.hint', { n: stats.data?.threshold ?? 3 })}</p>
      <ProblemAlert error={stats.error} />
      {stats.loading && <Loading />}
      {stats.data && (
        <>
          <p className="lead">
            {s('stats.total', { year: stats.data.year })}: <strong>{show(stats.data.total, stats.data.threshold)}</strong>
          </p>
          <div className="ntr-two">
            {table('stats.byStage', stats.data.byStage)}
            {table('stats.byCategory', stats.data.byCategory)}
          </div>
          {table('stats.byOpd', stats.data.byOpd)}
        </>
      )}
    </>
  );
}
