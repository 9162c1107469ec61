import { useState, type FormEvent } from 'react';
import type { TRevenueSource } from '../../../contracts/budget';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { parseTypedNumber } from './number';
import { MONTHS, rupiahFull, useBudgetText } from './strings';

/**
 * PAD entry for the revenue officer (BAPENDA / BPKAD, role admin_pemda): a month's receipts of one source, and the
 * yearly targets (original and revised budget). Each save reloads the page's figures so the projection moves.
 */
export function RevenueEntry({ tahun, sources, onSaved }: { tahun: number; sources: TRevenueSource[]; onSaved: () => void }) {
  const { s, lang } = useBudgetText();
  const [sourceId, setSourceId] = useState(sources[0]?.id ?? '');
  const source = sources.find((x) => x.id === sourceId);
  const lastMonth = tahun < new Date().getFullYear() ? 12 : new Date().getMonth() + 1;
  const [bulan, setBulan] = useState(lastMonth);
  const [amount, setAmount] = useState(() => sources[0]?.bulanan[lastMonth - 1]?.toString() ?? '');
  const [murni, setMurni] = useState(() => (sources[0] ? String(sources[0].targetMurni) : ''));
  const [perubahan, setPerubahan] = useState(() => (sources[0]?.targetPerubahan == null ? '' : String(sources[0].targetPerubahan)));
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pickSource = (id: string) => {
    setSourceId(id);
    const next = sources.find((x) => x.id === id);
    setAmount(next?.bulanan[bulan - 1]?.toString() ?? '');
    setMurni(next ? String(next.targetMurni) : '');
    setPerubahan(next?.targetPerubahan === null || next?.targetPerubahan === undefined ? '' : String(next.targetPerubahan));
    setMessage(null);
  };
  const run = async (event: FormEvent, send: () => Promise<unknown>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await send();
      setMessage(s('saved'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const saveRealisation = (event: FormEvent) => {
    const jumlah = parseTypedNumber(amount);
    if (jumlah === null) {
      event.preventDefault();
      setMessage(null);
      setError(new Error(s('badNumber')));
      return;
    }
    void run(event, () => api.put(`/budget/revenue/${sourceId}/${tahun}/${bulan}`, { jumlah }));
  };
  const saveTarget = (event: FormEvent) => {
    const targetMurni = parseTypedNumber(murni);
    const targetPerubahan = perubahan.trim() === '' ? null : parseTypedNumber(perubahan);
    if (targetMurni === null || (perubahan.trim() !== '' && targetPerubahan === null)) {
      event.preventDefault();
      setMessage(null);
      setError(new Error(s('badNumber')));
      return;
    }
    void run(event, () => api.put(`/budget/revenue/${sourceId}/${tahun}/target`, { targetMurni, targetPerubahan }));
  };
  if (sources.length === 0) return null;
  return (
    <section className="bud-card" aria-labelledby="bud-pad-entry">
      <h2 id="bud-pad-entry">{s('padEntryTitle')}</h2>
      <p className="bud-hint">{s('padEntryHint')}</p>
      <div className="bud-form">
        <label htmlFor="bud-pad-source">{s('source')}</label>
        <select id="bud-pad-source" value={sourceId} onChange={(e) => pickSource(e.target.value)}>
          {sources.map((x) => (
            <option key={x.id} value={x.id}>{`${x.kode} ${x.nama}`}</option>
          ))}
        </select>
      </div>
      <form className="bud-form" onSubmit={saveRealisation} aria-label={s('padEntryTitle')}>
        <label htmlFor="bud-pad-month">{s('monthColumn')}</label>
        <select id="bud-pad-month" value={bulan} onChange={(e) => { const m = Number(e.target.value); setBulan(m); setAmount(source?.bulanan[m - 1]?.toString() ?? ''); }}>
          {MONTHS[lang].slice(0, lastMonth).map((name, index) => (
            <option key={name} value={index + 1}>{`${name} ${tahun}`}</option>
          ))}
        </select>
        <label>
          {s('amountRp')}
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="1.250.000" />
        </label>
        <div className="bud-actions">
          <button className="bud-button" type="submit" disabled={busy || !sourceId}>{s('save')}</button>
        </div>
      </form>
      <details>
        <summary>{s('padTargetTitle')}{source ? ` · ${rupiahFull(source.target, lang)}` : ''}</summary>
        <form className="bud-form" onSubmit={saveTarget} aria-label={s('padTargetTitle')}>
          <label>
            {s('targetOriginal')}
            <input inputMode="decimal" value={murni} onChange={(e) => setMurni(e.target.value)} />
          </label>
          <label>
            {s('targetRevised')}
            <input inputMode="decimal" value={perubahan} onChange={(e) => setPerubahan(e.target.value)} />
          </label>
          <div className="bud-actions">
            <button className="bud-button bud-button-secondary" type="submit" disabled={busy || !sourceId}>{s('save')}</button>
          </div>
        </form>
      </details>
      <ProblemAlert error={error} />
      {message && <p role="status">{message}</p>}
    </section>
  );
}
