import { useState } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ZUploadedFile, type TAssignment } from '../../../contracts/coordination';
import { useS } from './strings';

/** An OPD reports progress, completion or an obstacle, with photos or PDFs as evidence (uploaded first). */
export function FollowUpForm({ directiveId, assignments, onSent }: { directiveId: string; assignments: TAssignment[]; onSent: () => void }) {
  const s = useS();
  const [opdId, setOpdId] = useState(assignments[0]?.opdId ?? '');
  const [status, setStatus] = useState<'proses' | 'selesai' | 'terkendala'>('proses');
  const [note, setNote] = useState('');
  const [obstacle, setObstacle] = useState('');
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const hashes: string[] = [];
      for (const file of files) {
        const form = new FormData();
        form.append('file', file, file.name);
        hashes.push((await api.upload('/coordination/files', form, ZUploadedFile)).sha256);
      }
      await api.post(`/coordination/directives/${directiveId}/opds/${opdId}/follow-ups`, { status, note, internal, files: hashes, ...(status === 'terkendala' ? { obstacle } : {}) });
      setNote('');
      setObstacle('');
      setFiles([]);
      setDone(true);
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="co-card" aria-labelledby="co-fu-h">
      <h2 id="co-fu-h">{s('followUpTitle')}</h2>
      <form className="co-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        {assignments.length > 1 && (
          <div>
            <label htmlFor="co-fu-opd">{s('forOpd')}</label>
            <select id="co-fu-opd" value={opdId} onChange={(e) => setOpdId(e.target.value)}>
              {assignments.map((a) => (
                <option key={a.opdId} value={a.opdId}>
                  {a.opdName}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="co-fu-status">{s('newStatus')}</label>
          <select id="co-fu-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="proses">{s('status_proses')}</option>
            <option value="selesai">{s('status_selesai')}</option>
            <option value="terkendala">{s('status_terkendala')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="co-fu-note">{s('note')}</label>
          <textarea id="co-fu-note" value={note} onChange={(e) => setNote(e.target.value)} required minLength={3} maxLength={4000} />
        </div>
        {status === 'terkendala' && (
          <div>
            <label htmlFor="co-fu-obstacle">{s('obstacleNeeded')}</label>
            <textarea id="co-fu-obstacle" value={obstacle} onChange={(e) => setObstacle(e.target.value)} required maxLength={2000} />
          </div>
        )}
        <div>
          <label htmlFor="co-fu-files">{s('evidence')}</label>
          <input id="co-fu-files" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" multiple onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 10))} />
        </div>
        <label className="co-check">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          {s('markInternal')}
        </label>
        {error ? <ProblemAlert error={error} /> : null}
        <div className="co-actions">
          <button type="submit" className="co-btn" disabled={busy || !opdId}>
            {s('send')}
          </button>
          {done && <span role="status">{s('sent')}</span>}
        </div>
      </form>
    </section>
  );
}
