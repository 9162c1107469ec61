import { useState } from 'react';
import { Link } from 'react-router';
import { LEAVE_KIND_VALUES, ZLeave, ZLeaveList, type TLeave } from '../../../contracts/attendance';
import { ZOk } from '../../../contracts/common';
import { API_BASE, api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { LEAVE_STATUS_TONE, leaveKindLabel, spanDays } from './shared';
import { useS, type SKey } from './strings';
import './attendance.css';

/** "Cuti & izin": the pegawai's request form (with an attachment) and their requests with status. */
export default function LeavePage() {
  const s = useS();
  const { can } = useAuth();
  const mine = useApi('/attendance/leave', ZLeaveList, { mine: 'true' });
  const decider = can('attendance.leave.decide');
  const queue = useApi(decider ? '/attendance/leave' : null, ZLeaveList, { status: 'diajukan' });
  const waiting = queue.data?.items.length ?? 0;
  return (
    <>
      <PageHeader title={s('leaveTitle')} actions={<Link className="at-btn secondary" to="/absensi">{s('myTitle')}</Link>} />
      <p className="at-muted at-small">{s('leaveIntro')}</p>
      {decider && waiting > 0 && (
        <div className="at-card at-result" role="status">
          <strong>{s('queueWaiting', { count: waiting })}</strong>{' '}
          <Link to="/absensi/persetujuan">{s('openQueue')}</Link>
        </div>
      )}
      <div className="at-grid2">
        <div>
          <RequestForm onSent={mine.reload} />
        </div>
        <div>
          <section className="at-card" aria-labelledby="at-myleave-h">
            <h2 id="at-myleave-h">{s('myLeave')}</h2>
            {mine.error ? <ProblemAlert error={mine.error} onRetry={mine.reload} /> : null}
            {!mine.data ? (mine.error ? null : <Loading />) : <LeaveList items={mine.data.items} onChanged={mine.reload} />}
          </section>
        </div>
      </div>
    </>
  );
}

function RequestForm({ onSent }: { onSent: () => void }) {
  const s = useS();
  const [kind, setKind] = useState<TLeave['kind']>('cuti_tahunan');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      const created = await api.post('/attendance/leave', { kind, startDate, endDate: endDate || startDate, reason }, ZLeave);
      if (file) {
        const form = new FormData();
        form.append('file', file, file.name);
        await api.upload(`/attendance/leave/${created.id}/attachment`, form, ZOk);
      }
      setSent(true);
      setReason('');
      setFile(null);
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="at-card" aria-labelledby="at-newleave-h">
      <h2 id="at-newleave-h">{s('newLeave')}</h2>
      <form className="at-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="at-field">
          <label htmlFor="at-lv-kind">{s('leaveKind')}</label>
          <select id="at-lv-kind" value={kind} onChange={(e) => setKind(e.target.value as TLeave['kind'])}>
            {LEAVE_KIND_VALUES.map((k) => <option key={k} value={k}>{leaveKindLabel(s, k)}</option>)}
          </select>
        </div>
        <div className="at-toolbar" style={{ marginBottom: 0 }}>
          <div className="at-field">
            <label htmlFor="at-lv-from">{s('startDate')}</label>
            <input id="at-lv-from" type="date" required value={startDate} onChange={(e) => { setStart(e.target.value); if (!endDate || endDate < e.target.value) setEnd(e.target.value); }} />
          </div>
          <div className="at-field">
            <label htmlFor="at-lv-to">{s('endDate')}</label>
            <input id="at-lv-to" type="date" required min={startDate || undefined} value={endDate} onChange={(e) => setEnd(e.target.value)} />
          </div>
        </div>
        <div className="at-field">
          <label htmlFor="at-lv-reason">{s('leaveReason')}</label>
          <textarea id="at-lv-reason" rows={3} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="at-field">
          <label htmlFor="at-lv-file">{s('attachment')}</label>
          <input id="at-lv-file" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        {error ? <ProblemAlert error={error} /> : null}
        {sent && <p className="at-ok" role="status">{s('leaveSent')}</p>}
        <div>
          <button type="submit" className="at-btn" disabled={busy || !startDate || !reason.trim()}>{busy ? s('sending') : s('submitLeave')}</button>
        </div>
      </form>
    </section>
  );
}

export function periodText(l: Pick<TLeave, 'startDate' | 'endDate'>, lang: 'id' | 'en', s: (k: SKey, p?: Record<string, string | number>) => string): string {
  const n = spanDays(l.startDate, l.endDate);
  const range = l.startDate === l.endDate ? formatDate(l.startDate, lang) : `${formatDate(l.startDate, lang)} – ${formatDate(l.endDate, lang)}`;
  return `${range} (${s('days', { count: n })})`;
}

function LeaveList({ items, onChanged }: { items: TLeave[]; onChanged: () => void }) {
  const s = useS();
  const { lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const withdraw = async (l: TLeave) => {
    if (!window.confirm(s('withdrawConfirm'))) return;
    setError(null);
    try {
      await api.post(`/attendance/leave/${l.id}/cancel`, {}, ZLeave);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <ProblemAlert error={error} />
      <DataTable<TLeave>
        caption={s('myLeave')}
        captionHidden
        rows={items}
        rowKey={(l) => l.id}
        empty={<EmptyState title={s('noLeave')} />}
        columns={[
          { key: 'kind', header: s('leaveKind'), primary: true, render: (l) => <strong>{leaveKindLabel(s, l.kind)}</strong> },
          { key: 'period', header: s('period'), render: (l) => periodText(l, lang, s) },
          { key: 'status', header: s('status'), render: (l) => <Badge tone={LEAVE_STATUS_TONE[l.status]}>{s(`ls_${l.status}` as SKey)}</Badge> },
          { key: 'note', header: s('decisionNote'), hideOnPhone: true, render: (l) => l.decisionNote ?? '–' },
          {
            key: 'act',
            header: s('attachmentShort'),
            render: (l) => (
              <span style={{ display: 'inline-flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center' }}>
                {l.hasAttachment && <a href={`${API_BASE}/attendance/leave/${l.id}/attachment`} target="_blank" rel="noreferrer">{s('viewAttachment')}</a>}
                {l.status === 'diajukan' && <button type="button" className="at-btn secondary" onClick={() => void withdraw(l)}>{s('withdraw')}</button>}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
