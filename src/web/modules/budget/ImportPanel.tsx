import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ZBudgetImportResult, type TBudgetImportResult } from '../../../contracts/budget';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useBudgetText } from './strings';

const T = {
  file: { id: 'Berkas XLSX atau CSV', en: 'XLSX or CSV file' },
  dry: { id: 'Uji coba', en: 'Try it' },
  run: { id: 'Impor sekarang', en: 'Import now' },
  resultDry: { id: 'Uji coba: {total} baris, {inserted} baru, {updated} diubah, {unchanged} tetap, {errors} salah. Belum ada yang disimpan.', en: 'Trial: {total} rows, {inserted} new, {updated} changed, {unchanged} unchanged, {errors} with errors. Nothing saved yet.' },
  resultRun: { id: 'Tersimpan: {inserted} baru, {updated} diubah, {unchanged} tetap.', en: 'Saved: {inserted} new, {updated} changed, {unchanged} unchanged.' },
  row: { id: 'Baris', en: 'Row' },
  column: { id: 'Kolom', en: 'Column' },
  reason: { id: 'Masalah', en: 'Problem' },
} as const;

/**
 * Upload, try, read the errors, import: the shape of every budget import. `allowPartial` lets the import run
 * after a trial with errors (valid rows are saved, the rest reported); otherwise every row must be right first.
 */
export function ImportPanel({ uploadPath, allowPartial = false, doneLink, onImported, children }: { uploadPath: string; allowPartial?: boolean; doneLink?: { to: string; label: string }; onImported?: () => void; children?: ReactNode }) {
  const { lang } = useBudgetText();
  const t = (key: keyof typeof T, params: Record<string, number> = {}) => T[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TBudgetImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const sep = uploadPath.includes('?') ? '&' : '?';
      const next = await api.upload(`${uploadPath}${sep}dryRun=${dryRun}`, form, ZBudgetImportResult);
      setResult(next);
      if (!dryRun) onImported?.();
    } catch (err) {
      setError(err);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };
  const ready = result !== null && result.dryRun && result.valid > 0 && (allowPartial || result.errors.length === 0);
  return (
    <>
      <form className="bud-form bud-card" onSubmit={onSubmit}>
        {children}
        <label>
          {t('file')}
          <input type="file" accept=".xlsx,.csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); }} />
        </label>
        <div className="bud-actions">
          <button type="submit" className="bud-button bud-button-secondary" disabled={!file || busy}>
            {t('dry')}
          </button>
          <button type="button" className="bud-button" disabled={!ready || busy} onClick={() => void send(false)}>
            {t('run')}
          </button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {result && (
        <section className="bud-card" aria-live="polite">
          <p role="status">
            {result.dryRun
              ? t('resultDry', { total: result.totalRows, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, errors: result.errors.length })
              : t('resultRun', { inserted: result.inserted, updated: result.updated, unchanged: result.unchanged })}{' '}
            {!result.dryRun && doneLink && <Link to={doneLink.to}>{doneLink.label}</Link>}
          </p>
          {result.errors.length > 0 && (
            <div className="bud-table-wrap">
              <table className="bud-table bud-cards">
                <caption className="visually-hidden">{t('reason')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">{t('row')}</th>
                    <th scope="col">{t('column')}</th>
                    <th scope="col">{t('reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((e, index) => (
                    <tr key={`${e.row}-${index}`}>
                      <td className="bud-cell-main">{`${t('row')} ${e.row}`}</td>
                      <td data-label={t('column')}>{e.column ?? ''}</td>
                      <td data-label={t('reason')}>{e.reason[lang]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
