import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, useApi } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ZDirectiveDetail } from '../../../contracts/coordination';
import { OpdPicker } from './OpdPicker';
import { useS, type SKey } from './strings';

/** Issue a directive (kepala daerah, sekda or a delegate); ?ganti=<id> issues a correction that supersedes it. */
export default function DirectiveNewPage() {
  const s = useS();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const supersedesId = params.get('ganti');
  const meetingId = params.get('rapat');
  const previous = useApi(supersedesId ? `/coordination/directives/${supersedesId}` : null, ZDirectiveDetail);
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [priority, setPriority] = useState<'biasa' | 'penting' | 'segera'>('penting');
  const [days, setDays] = useState(10);
  const [target, setTarget] = useState<'opds' | 'all' | 'all_kecamatan' | 'all_kelurahan'>('opds');
  const [opdIds, setOpdIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        text,
        tags: tags.split(',').map((t) => t.trim().toLowerCase().replace(/\s+/g, '_')).filter(Boolean),
        priority,
        dueInWorkingDays: days,
        target,
        opdIds: target === 'opds' ? opdIds : [],
        ...(supersedesId ? { supersedesId } : {}),
        ...(meetingId ? { meetingId } : {}),
      };
      const created = await api.post('/coordination/directives', body, ZDirectiveDetail);
      navigate(`/koordinasi/arahan/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={supersedesId ? s('supersede') : s('issue')}>{previous.data ? <span>{s('supersedes', { number: previous.data.number })}</span> : null}</PageHeader>
      <p className="co-muted co-small">{s('signNote')}</p>
      <form className="co-form co-card" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div>
          <label htmlFor="co-n-text">{s('text')}</label>
          <textarea id="co-n-text" value={text} onChange={(e) => setText(e.target.value)} required minLength={5} maxLength={4000} rows={6} />
        </div>
        <div>
          <label htmlFor="co-n-tags">{s('tags')}</label>
          <input id="co-n-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="netralitas, pelayanan_publik" />
        </div>
        <div>
          <label htmlFor="co-n-priority">{s('filterPriority')}</label>
          <select id="co-n-priority" value={priority} onChange={(e) => setPriority(e.target.value as typeof priority)}>
            {(['biasa', 'penting', 'segera'] as const).map((p) => (
              <option key={p} value={p}>
                {s(`priority_${p}` as SKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="co-n-days">{s('dueDays')}</label>
          <input id="co-n-days" type="number" min={0} max={365} value={days} onChange={(e) => setDays(Number(e.target.value))} />
        </div>
        <div>
          <label htmlFor="co-n-target">{s('target')}</label>
          <select id="co-n-target" value={target} onChange={(e) => setTarget(e.target.value as typeof target)}>
            {(['opds', 'all', 'all_kecamatan', 'all_kelurahan'] as const).map((t) => (
              <option key={t} value={t}>
                {s(`target_${t}` as SKey)}
              </option>
            ))}
          </select>
        </div>
        {target === 'opds' && <OpdPicker value={opdIds} onChange={setOpdIds} />}
        {error ? <ProblemAlert error={error} /> : null}
        <div className="co-actions">
          <button type="submit" className="co-btn" disabled={busy}>
            {s('issue')}
          </button>
          <button type="button" className="co-btn secondary" onClick={() => navigate(-1)}>
            {s('cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
