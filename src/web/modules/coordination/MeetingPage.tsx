import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ZCheckinToken, ZMeeting, type TMeeting } from '../../../contracts/coordination';
import type { z } from 'zod';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { Card } from './shared';
import { useS, type SKey } from './strings';

/** A meeting: agenda and minutes, OPD attendance (kekompakan), the QR for check-in, directives it produced. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const s = useS();
  const { lang } = useI18n();
  const { can } = useAuth();
  const meeting = useApi(`/coordination/meetings/${id}`, ZMeeting);
  const [qr, setQr] = useState<z.infer<typeof ZCheckinToken> | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (meeting.error) return <ProblemAlert error={meeting.error} onRetry={meeting.reload} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  const manage = can('coordination.meeting.manage');
  const showQr = async () => {
    setError(null);
    try {
      setQr(await api.post(`/coordination/meetings/${id}/checkin-token`, { validMinutes: 120 }, ZCheckinToken));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <PageHeader title={m.title} eyebrow={<Link to="/koordinasi/rapat">{s('meetingsTitle')}</Link>}>
        <span>
          {s(`kind_${m.kind}` as SKey)} · {formatDateTime(m.startsAt, lang)} · {m.place} · {m.chairName}
        </span>
      </PageHeader>
      {error ? <ProblemAlert error={error} /> : null}
      <div className="co-grid">
        <div>
          <Card id="co-att" title={s('attendance')} count={m.invites.length}>
            {m.attendanceRate !== null && <p>{s('attendanceRate', { rate: `${Math.round(m.attendanceRate * 100)}%` })}</p>}
            {manage ? <AttendanceForm meeting={m} onSaved={meeting.reload} /> : (
              <ul className="co-list">
                {m.invites.map((i) => (
                  <li key={i.opdId}>
                    <strong>{i.opdName}</strong>
                    <div className="co-meta">
                      <span>{s(`att_${i.attendance}` as SKey)}</span>
                      {i.representedBy && <span>{i.representedBy}</span>}
                      {i.absenceReason && <span>{i.absenceReason}</span>}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card id="co-minutes" title={s('minutes')}>
            <p className="co-small"><strong>{s('agenda')}:</strong> {m.agenda}</p>
            <p className="co-pre">{m.minutes || '–'}</p>
          </Card>
        </div>
        <div>
          {manage && (
            <section className="co-card" aria-labelledby="co-qr-h">
              <h2 id="co-qr-h">{s('checkins')}</h2>
              {qr ? (
                <>
                  <div className="co-qr" role="img" aria-label={qr.url} dangerouslySetInnerHTML={{ __html: qr.qrSvg }} />
                  <p className="co-small">{s('qrHelp', { time: formatDateTime(qr.expiresAt, lang) })}</p>
                </>
              ) : (
                <button type="button" className="co-btn" onClick={() => void showQr()}>{s('showQr')}</button>
              )}
              <ul className="co-list co-small">
                {m.checkins.map((c) => <li key={`${c.name}${c.at}`}>{c.name} · {c.opdName ?? '–'} · {formatDateTime(c.at, lang)}</li>)}
              </ul>
            </section>
          )}
          <Card id="co-dirs" title={s('meetingDirectives')} count={m.directives.length}>
            <ul className="co-list">
              {m.directives.map((d) => (
                <li key={d.id}>
                  <Link to={`/koordinasi/arahan/${d.id}`}>{d.number}</Link>
                  <span className="co-small">{d.text}</span>
                </li>
              ))}
            </ul>
            {can('coordination.directive.issue') && <Link className="co-btn secondary" to={`/koordinasi/arahan/baru?rapat=${m.id}`}>{s('issue')}</Link>}
          </Card>
        </div>
      </div>
    </>
  );
}

function AttendanceForm({ meeting, onSaved }: { meeting: TMeeting; onSaved: () => void }) {
  const s = useS();
  const [rows, setRows] = useState(() => meeting.invites.map((i) => ({ opdId: i.opdId, name: i.opdName, attendance: i.attendance === 'unknown' ? '' : i.attendance, representedBy: i.representedBy ?? '', absenceReason: i.absenceReason ?? '' })));
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    const items = rows.filter((r) => r.attendance).map((r) => ({ opdId: r.opdId, attendance: r.attendance, ...(r.attendance === 'represented' ? { representedBy: r.representedBy } : {}), ...(r.attendance === 'absent' ? { absenceReason: r.absenceReason } : {}) }));
    if (items.length === 0) return;
    try {
      await api.put(`/coordination/meetings/${meeting.id}/attendance`, { items });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  const update = (index: number, patch: Partial<(typeof rows)[number]>) => setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {rows.map((r, index) => (
        <div className="co-att" key={r.opdId}>
          <label htmlFor={`co-a-${r.opdId}`}>{r.name}</label>
          <select id={`co-a-${r.opdId}`} value={r.attendance} onChange={(e) => update(index, { attendance: e.target.value })}>
            <option value="">{s('att_unknown')}</option>
            <option value="present">{s('att_present')}</option>
            <option value="represented">{s('att_represented')}</option>
            <option value="absent">{s('att_absent')}</option>
          </select>
          {r.attendance === 'represented' && <input aria-label={`${s('representedBy')} ${r.name}`} placeholder={s('representedBy')} value={r.representedBy} onChange={(e) => update(index, { representedBy: e.target.value })} />}
          {r.attendance === 'absent' && <input aria-label={`${s('absenceReason')} ${r.name}`} placeholder={s('absenceReason')} value={r.absenceReason} onChange={(e) => update(index, { absenceReason: e.target.value })} />}
        </div>
      ))}
      {error ? <ProblemAlert error={error} /> : null}
      <div className="co-actions"><button type="submit" className="co-btn">{s('saveAttendance')}</button></div>
    </form>
  );
}
