import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ZBudgetImportResult, type TBudgetImportResult } from '../../../contracts/budget';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { BudgetTabs } from './components';
import { useBudgetText } from './strings';

const T = {
  title: { id: 'Impor APBD dari SIPD', en: 'Import the budget from SIPD' },
  intro: {
    id: 'Satu baris per sub kegiatan: kode nomenklatur, pagu, lokasi, anggaran kas dan rencana fisik per bulan, dan bila ada realisasinya. Uji coba dulu: tidak ada yang disimpan sampai semua baris benar. Mengunggah berkas yang sama lagi tidak mengubah apa pun.',
    en: 'One row per sub-activity: nomenclature codes, ceiling, location, monthly cash and physical plan, and realisation if any. Try it first: nothing is saved until every row is right. Uploading the same file again changes nothing.',
  },
  file: { id: 'Berkas XLSX atau CSV', en: 'XLSX or CSV file' },
  template: { id: 'Template', en: 'Template' },
  dry: { id: 'Uji coba', en: 'Try it' },
  run: { id: 'Impor sekarang', en: 'Import now' },
  resultDry: { id: 'Uji coba: {total} baris, {inserted} baru, {updated} diubah, {unchanged} tetap, {errors} salah. Belum ada yang disimpan.', en: 'Trial: {total} rows, {inserted} new, {updated} changed, {unchanged} unchanged, {errors} with errors. Nothing saved yet.' },
  resultRun: { id: 'Tersimpan: {inserted} baru, {updated} diubah, {unchanged} tetap.', en: 'Saved: {inserted} new, {updated} changed, {unchanged} unchanged.' },
  row: { id: 'Baris', en: 'Row' },
  column: { id: 'Kolom', en: 'Column' },
  reason: { id: 'Masalah', en: 'Problem' },
  docs: { id: 'Penjelasan kolom: docs/budget-import.md', en: 'Column reference: docs/budget-import.md' },
  overview: { id: 'Lihat realisasi', en: 'See realisation' },
} as const;

/** Upload the APBD (structure, plan, realisation) the way the org import works: try, read the errors, import. */
export default function ImportApbdPage() {
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
      setResult(await api.upload(`/budget/import?dryRun=${dryRun}`, form, ZBudgetImportResult));
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
  const clean = result !== null && result.dryRun && result.errors.length === 0 && result.valid > 0;
  return (
    <div className="bud-page">
      <PageHeader title={t('title')} />
      <BudgetTabs />
      <p className="bud-hint">{t('intro')}</p>
      <p className="bud-small">
        {`${t('template')}: `}
        <a href="/api/v1/budget/import/template/apbd.xlsx" download>
          apbd.xlsx
        </a>
        {' · '}
        <a href="/api/v1/budget/import/template/apbd.csv" download>
          apbd.csv
        </a>
        {` · ${t('docs')}`}
      </p>
      <form className="bud-form bud-card" onSubmit={onSubmit}>
        <label>
          {t('file')}
          <input type="file" accept=".xlsx,.csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); }} />
        </label>
        <div className="bud-actions">
          <button type="submit" className="bud-button bud-button-secondary" disabled={!file || busy}>
            {t('dry')}
          </button>
          <button type="button" className="bud-button" disabled={!clean || busy} onClick={() => void send(false)}>
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
            {!result.dryRun && <Link to="/anggaran">{t('overview')}</Link>}
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
    </div>
  );
}
