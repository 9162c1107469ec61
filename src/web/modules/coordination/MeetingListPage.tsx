import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { MEETING_KINDS, ZMeeting, ZMeetingSummary } from '../../../contracts/coordination';
import { z } from 'zod';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useS, type SKey } from './strings';

const ZList = z.object({ items: z.array(ZMeetingSummary) });

/** Meetings, apel and DPRD sessions with their attendance; ?opd=&bulan= come from the attendance metric. */
export default function MeetingListPage() {
  const s = useS();
  const { lang } = useI18n();
  const { can } = useAuth();
  const [params] = useSearchParams();
  const list = useApi('/coordination/meetings', ZList, { opd: params.get('opd') ?? undefined, month: params.get('bulan') ?? undefined });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title={s('meetingsTitle')} actions={can('coordination.meeting.manage') ? <button type="button" className="co-btn" onClick={() => setCreating(!creating)}>{s('newMeeting')}</button> : undefined} />
      {creating && <NewMeeting />}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data ? <Loading /> : (
        <section className="co-card" aria-label={s('meetingsTitle')}>
          {list.data.items.length === 0 ? <p className="co-muted">{s('nothing')}</p> : (
            <ul className="co-list">
              {list.data.items.map((m) => (
                <li key={m.id}>
                  <Link to={`/koordinasi/rapat/${m.id}`}>{m.title}</Link>
                  <div className="co-meta">
                    <span>{s(`kind_${m.kind}` as SKey)}</span>
                    <span>{formatDateTime(m.startsAt, lang)}</span>
                    <span>{m.place}</span>
                    <span>{s('attendanceRate', { rate: m.invited ? `${m.attended}/${m.invited}` : '–' })}</span>
                    {m.directives > 0 && <span>{s('meetingDirectives')}: {m.directives}</span>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

function NewMeeting() {
  const s = useS();
  const navigate = useNavigate();
  const [form, setForm] = useState({ kind: 'rakor', title: '', startsAt: '', place: '', chairName: '', agenda: '' });
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      const created = await api.post('/coordination/meetings', { ...form, startsAt: new Date(form.startsAt).toISOString(), invite: 'all' }, ZMeeting);
      navigate(`/koordinasi/rapat/${created.id}`);
    } catch (err) {
      setError(err);
    }
  };
  const field = (key: keyof typeof form, label: SKey, type = 'text') => (
    <div>
      <label htmlFor={`co-m-${key}`}>{s(label)}</label>
      <input id={`co-m-${key}`} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} required />
    </div>
  );
  return (
    <form className="co-form co-card" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <div>
        <label htmlFor="co-m-kind">{s('filterTag')}</label>
        <select id="co-m-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
          {MEETING_KINDS.map((k) => <option key={k} value={k}>{s(`kind_${k}` as SKey)}</option>)}
        </select>
      </div>
      {field('title', 'title')}
      {field('startsAt', 'startsAt', 'datetime-local')}
      {field('place', 'place')}
      {field('chairName', 'chair')}
      {error ? <ProblemAlert error={error} /> : null}
      <div className="co-actions"><button type="submit" className="co-btn">{s('save')}</button></div>
    </form>
  );
}
