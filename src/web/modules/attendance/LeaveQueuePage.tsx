import { useState } from 'react';
import { ZLeave, ZLeaveList, type TLeave } from '../../../contracts/attendance';
import { API_BASE, api, useApi } from '../../api/client';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { periodText } from './LeavePage';
import { LEAVE_STATUS_TONE, leaveKindLabel } from './shared';
import { useS, type SKey } from './strings';
import './attendance.css';

type Shown = 'diajukan' | 'disetujui' | 'ditolak';

/** The superior's (or BKPSDM's) approval queue: approve, refuse with a reason, or revoke an approval. */
export default function LeaveQueuePage() {
  const s = useS();
  const [status, setStatus] = useState<Shown>('diajukan');
  const list = useApi('/attendance/leave', ZLeaveList, { status });
  return (
    <>
      <PageHeader title={s('queueTitle')} />
      <p className="at-muted at-small">{s('queueIntro')}</p>
      <div className="at-toolbar">
        <div className="at-field" style={{ maxWidth: '20rem' }}>
          <label htmlFor="at-q-status">{s('showStatus')}</label>
          <select id="at-q-status" value={status} onChange={(e) => setStatus(e.target.value as Shown)}>
            {(['diajukan', 'disetujui', 'ditolak'] as const).map((v) => <option key={v} value={v}>{s(`ls_${v}`)}</option>)}
          </select>
        </div>
      </div>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data ? (list.error ? null : <Loading />) : list.data.items.length === 0 ? (
        <EmptyState title={status === 'diajukan' ? s('noQueue') : s('noLeave')} />
      ) : (
        <ul className="at-cards">
          {list.data.items.map((l) => <RequestCard key={l.id} leave={l} onDone={list.reload} />)}
        </ul>
      )}
    </>
  );
}

function RequestCard({ leave, onDone }: { leave: TLeave; onDone: () => void }) {
  const s = useS();
  const { lang } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [needReason, setNeedReason] = useState(false);
  const act = async (kind: 'disetujui' | 'ditolak' | 'cabut') => {
    if (kind !== 'disetujui' && !note.trim()) {
      setNeedReason(true);
      return;
    }
    setNeedReason(false);
    setBusy(true);
    setError(null);
    try {
      const body = note.trim() ? { note: note.trim() } : {};
      if (kind === 'cabut') await api.post(`/attendance/leave/${leave.id}/cancel`, body, ZLeave);
      else await api.post(`/attendance/leave/${leave.id}/decision`, { decision: kind, ...body }, ZLeave);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const noteId = `at-q-note-${leave.id}`;
  return (
    <li className="at-card" aria-labelledby={`at-q-h-${leave.id}`}>
      <h2 id={`at-q-h-${leave.id}`} style={{ fontSize: '1.05rem' }}>{leave.pegawaiName}</h2>
      <dl className="at-dl">
        <dt>{s('leaveKind')}</dt>
        <dd>{leaveKindLabel(s, leave.kind)}</dd>
        <dt>{s('period')}</dt>
        <dd>{periodText(leave, lang, s)}</dd>
        <dt>{s('leaveReason')}</dt>
        <dd>{leave.reason}</dd>
        <dt>{s('status')}</dt>
        <dd><Badge tone={LEAVE_STATUS_TONE[leave.status]}>{s(`ls_${leave.status}` as SKey)}</Badge></dd>
        <dt>{s('requestedOn')}</dt>
        <dd>{formatDateTime(leave.createdAt, lang)}</dd>
        {leave.decisionNote && (
          <>
            <dt>{s('decisionNote')}</dt>
            <dd>{leave.decisionNote}</dd>
          </>
        )}
        <dt>{s('attachmentShort')}</dt>
        <dd>{leave.hasAttachment ? <a href={`${API_BASE}/attendance/leave/${leave.id}/attachment`} target="_blank" rel="noreferrer">{s('viewAttachment')}</a> : '–'}</dd>
      </dl>
      {(leave.status === 'diajukan' || leave.status === 'disetujui') && (
        <form className="at-form" style={{ marginTop: '0.75rem' }} onSubmit={(e) => e.preventDefault()}>
          <div className="at-field">
            <label htmlFor={noteId}>{s('refuseReason')}</label>
            <textarea id={noteId} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={needReason || undefined} aria-describedby={needReason ? `${noteId}-err` : undefined} />
            {needReason && <p id={`${noteId}-err`} className="at-bad" role="alert">{s('reasonRequired')}</p>}
          </div>
          <ProblemAlert error={error} />
          <div className="at-toolbar" style={{ marginBottom: 0 }}>
            {leave.status === 'diajukan' ? (
              <>
                <button type="button" className="at-btn" disabled={busy} onClick={() => void act('disetujui')}>{s('approve')}</button>
                <button type="button" className="at-btn secondary" disabled={busy} onClick={() => void act('ditolak')}>{s('refuse')}</button>
              </>
            ) : (
              <button type="button" className="at-btn secondary" disabled={busy} onClick={() => void act('cabut')}>{s('revoke')}</button>
            )}
          </div>
        </form>
      )}
    </li>
  );
}
