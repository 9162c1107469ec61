import './complaints.css';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { COMPLAINT_STATUS_LABELS, ZComplaintList, type TComplaintItem } from '../../../contracts/complaints';
import { useApi } from '../../api/client';
import { Badge, type BadgeTone } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { useStrings, type StringKey } from './strings';
import { statusTone } from './Tracking';

export function deadlineTone(state: TComplaintItem['deadline']): BadgeTone {
  return state === 'overdue' || state === 'late' ? 'danger' : state === 'due_soon' ? 'warning' : 'success';
}

const FILTERS: Array<{ value: string; label: StringKey }> = [
  { value: 'open', label: 'open' },
  { value: 'overdue', label: 'overdue' },
  { value: 'closed', label: 'closedAll' },
  { value: '', label: 'all' },
];

/** /pengaduan: the OPD queue (own OPD) or every complaint (Pemda-wide roles), with the running SP4N-LAPOR! clock. */
export default function Queue() {
  const s = useStrings();
  const { lang, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open';
  const [q, setQ] = useState(params.get('q') ?? '');
  const area = params.get('kelurahan') ? { key: 'kelurahan', kode: params.get('kelurahan') as string } : params.get('kecamatan') ? { key: 'kecamatan', kode: params.get('kecamatan') as string } : null;
  const list = useApi('/complaints', ZComplaintList, { status: status || undefined, opd: params.get('opd') ?? undefined, month: params.get('month') ?? undefined, q: params.get('q') ?? undefined, kelurahan: params.get('kelurahan') ?? undefined, kecamatan: params.get('kecamatan') ?? undefined, limit: 100 });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={s('queueTitle')} actions={<Link to="/pengaduan/dasbor" className="button">{s('dashboard')}</Link>}>
        <span>{s('queueIntro')}</span>
      </PageHeader>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={s('statusFilter')}>
          {FILTERS.map((f) => (
            <button key={f.value} type="button" aria-pressed={status === f.value} onClick={() => set('status', f.value)}>
              {s(f.label)}
            </button>
          ))}
        </div>
        <form className="field search-field" onSubmit={(e) => { e.preventDefault(); set('q', q.trim()); }}>
          <label htmlFor="cmp-q" className="visually-hidden">{s('search')}</label>
          <input id="cmp-q" type="search" placeholder={s('search')} value={q} onChange={(e) => setQ(e.target.value)} />
        </form>
      </div>
      {area && (
        <p className="small">
          {s(area.key === 'kelurahan' ? 'filterKelurahan' : 'filterKecamatan', { name: params.get('nama') ?? area.kode })}{' '}
          <button type="button" className="button button-small button-ghost" onClick={() => { const next = new URLSearchParams(params); next.delete('kelurahan'); next.delete('kecamatan'); next.delete('nama'); setParams(next, { replace: true }); }}>
            {s('clearAreaFilter')}
          </button>
        </p>
      )}
      {list.loading && !list.data && <Loading />}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.items.length === 0 && <EmptyState title={s('noComplaints')} />}
      {list.data && list.data.items.length > 0 && (
        <>
          <p className="small muted">{s('queueCount', { n: formatNumber(list.data.total, lang) })}</p>
          <div className="table-wrap cmp-table-scroll" role="region" aria-label={s('queueTitle')} tabIndex={0}>
            <table className="data-table cmp-queue-table">
              <colgroup>
                <col className="cmp-col-code" />
                <col />
                <col className="cmp-col-opd" />
                <col className="cmp-col-status" />
                <col className="cmp-col-deadline" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{s('code')}</th>
                  <th scope="col">{s('service')}</th>
                  <th scope="col">{s('opd')}</th>
                  <th scope="col">{s('status')}</th>
                  <th scope="col">{s('deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <td data-label={s('code')}>
                      <span className="cell-stack">
                        <Link to={`/pengaduan/${item.id}`} className="mono">{item.code}</Link>
                        <span className="small muted">{formatDate(item.receivedAt.slice(0, 10), lang)}</span>
                      </span>
                    </td>
                    <td data-label={s('service')}>
                      <span className="cell-stack">
                        <span>{item.serviceName}</span>
                        <span className="small muted cmp-clip" title={item.description}>{item.description}</span>
                      </span>
                    </td>
                    <td data-label={s('opd')}>
                      <span className="cell-stack">
                        <span>{item.opdName}</span>
                        {item.kelurahan && <span className="small muted">{item.kelurahan}</span>}
                      </span>
                    </td>
                    <td data-label={s('status')}><Badge tone={statusTone(item.status)}>{pick(COMPLAINT_STATUS_LABELS[item.status])}</Badge></td>
                    <td data-label={s('deadline')}>
                      <span className="cell-stack">
                        <span><Badge tone={deadlineTone(item.deadline)}>{s(`deadline.${item.deadline}` as StringKey)}</Badge></span>
                        {item.stage !== 'done' && (
                          <span className="small muted">
                            {s(`stage.${item.stage}` as StringKey)} · {formatDate(item.stage === 'verify' ? item.verifyDue : item.stage === 'respond' ? item.respondDue : item.resolveDue, lang)}
                          </span>
                        )}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
