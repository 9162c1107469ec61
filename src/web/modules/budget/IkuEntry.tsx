import { useState, type FormEvent } from 'react';
import type { TIkuRow } from '../../../contracts/budget';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { parseTypedNumber } from './number';
import { useBudgetText } from './strings';

/**
 * A quarter's IKU value with its evidence, entered by the responsible OPD (or the admin for any IKU). The server
 * checks the OPD again (budget.iku.write, own OPD); the list here only offers the IKU the caller answers for.
 */
export function IkuEntry({ tahun, rows, onSaved }: { tahun: number; rows: TIkuRow[]; onSaved: () => void }) {
  const { s } = useBudgetText();
  const currentQuarter = tahun < new Date().getFullYear() ? 4 : Math.floor(new Date().getMonth() / 3) + 1;
  const [ikuId, setIkuId] = useState(rows[0]?.id ?? '');
  const [triwulan, setTriwulan] = useState(currentQuarter);
  const [value, setValue] = useState('');
  const [bukti, setBukti] = useState('');
  const [buktiUrl, setBuktiUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fill = (id: string, quarter: number) => {
    const q = rows.find((r) => r.id === id)?.triwulan[quarter - 1];
    setValue(q ? String(q.nilai) : '');
    setBukti(q?.bukti ?? '');
    setBuktiUrl(q?.buktiUrl ?? '');
    setMessage(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setMessage(null);
    const nilai = parseTypedNumber(value);
    if (nilai === null) {
      setError(new Error(s('badNumber')));
      return;
    }
    setBusy(true);
    try {
      await api.put(`/budget/iku/${ikuId}/${tahun}/${triwulan}`, { nilai, bukti: bukti.trim(), buktiUrl: buktiUrl.trim() === '' ? null : buktiUrl.trim() });
      if (file) {
        const form = new FormData();
        form.append('file', file);
        await api.upload(`/budget/iku/${ikuId}/${tahun}/${triwulan}/bukti`, form);
        setFile(null);
        setFileKey((k) => k + 1);
      }
      setMessage(s('saved'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (rows.length === 0) return null;
  return (
    <section className="bud-card" aria-labelledby="bud-iku-entry">
      <h2 id="bud-iku-entry">{s('ikuEntryTitle')}</h2>
      <form className="bud-form" onSubmit={submit}>
        <label htmlFor="bud-iku-select">IKU</label>
        <select id="bud-iku-select" value={ikuId} onChange={(e) => { setIkuId(e.target.value); fill(e.target.value, triwulan); }}>
          {rows.map((r) => (
            <option key={r.id} value={r.id}>{`${r.kode} ${r.nama}`}</option>
          ))}
        </select>
        <label htmlFor="bud-iku-quarter">{s('quarter')}</label>
        <select id="bud-iku-quarter" value={triwulan} onChange={(e) => { const q = Number(e.target.value); setTriwulan(q); fill(ikuId, q); }}>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>{`${s('quarter')}${q} ${tahun}`}</option>
          ))}
        </select>
        <label>
          {`${s('ikuValue')} (${rows.find((r) => r.id === ikuId)?.satuan ?? ''})`}
          <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} required />
        </label>
        <label>
          {s('evidenceText')}
          <textarea value={bukti} onChange={(e) => setBukti(e.target.value)} maxLength={500} rows={3} required />
        </label>
        <label>
          {s('evidenceUrl')}
          <input type="url" value={buktiUrl} onChange={(e) => setBuktiUrl(e.target.value)} maxLength={500} placeholder="https://" />
        </label>
        <label>
          {s('evidenceFile')}
          <input key={fileKey} type="file" accept="application/pdf,image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        {(() => {
          const current = rows.find((r) => r.id === ikuId)?.triwulan[triwulan - 1]?.buktiFile;
          return current ? (
            <p className="bud-hint">
              {s('evidenceCurrent')} <a href={current.url} target="_blank" rel="noreferrer">{current.name}</a>
            </p>
          ) : null;
        })()}
        <ProblemAlert error={error} />
        {message && <p role="status">{message}</p>}
        <div className="bud-actions">
          <button className="bud-button" type="submit" disabled={busy || !ikuId}>{s('save')}</button>
        </div>
      </form>
    </section>
  );
}
