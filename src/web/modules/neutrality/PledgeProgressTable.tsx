import { useState } from 'react';
import type { TPledgeProgress } from '../../../contracts/neutrality';
import { DataTable } from '../../components/DataTable';
import { useStrings } from './strings';

/** Pledge completion by OPD: a bar, the percentage and the counts (lowest completion first when `sortLow`). */
export function PledgeProgressTable({ progress, sortLow = false, limit }: { progress: TPledgeProgress; sortLow?: boolean; limit?: number }) {
  const s = useStrings();
  const [all, setAll] = useState(false);
  const sorted = sortLow ? [...progress.rows].sort((a, b) => (a.ratio ?? 2) - (b.ratio ?? 2)) : progress.rows;
  const rows = limit && !all ? sorted.slice(0, limit) : sorted;
  return (
    <>
    <DataTable
      caption={s('pledge.progress')}
      rows={rows}
      rowKey={(r) => r.opdId}
      columns={[
        { key: 'opd', header: 'OPD', primary: true, render: (r) => r.opdName },
        {
          key: 'meter',
          header: '%',
          render: (r) => (
            <span className="ntr-inline">
              <span className="ntr-meter" style={{ width: '6rem' }} aria-hidden="true">
                <span style={{ width: `${Math.round((r.ratio ?? 0) * 100)}%` }} />
              </span>
              {r.ratio === null ? '—' : `${Math.round(r.ratio * 100)}%`}
            </span>
          ),
        },
        { key: 'signed', header: s('pledge.signedCol'), align: 'end', render: (r) => r.signed },
        { key: 'total', header: s('pledge.totalCol'), align: 'end', render: (r) => r.total },
      ]}
    />
      {rows.length < sorted.length && (
        <button type="button" className="button" onClick={() => setAll(true)}>
          {s('pledge.showAll', { n: sorted.length })}
        </button>
      )}
    </>
  );
}
