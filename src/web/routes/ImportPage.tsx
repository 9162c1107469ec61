import { useRef, useState, type FormEvent } from 'react';
import type { TImportResult } from '../../contracts/org';
import { api } from '../api/client';
import { Schemas } from '../api/schemas';
import { Badge } from '../components/Badge';
import { DataTable, type Column } from '../components/DataTable';
import { Icon } from '../components/Icon';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';
import { formatNumber } from '../lib/format';

type Kind = 'jabatan' | 'pegawai';
type ImportError = TImportResult['errors'][number];

const MAX_ERRORS_SHOWN = 500;
const PREVIEW_ROWS = 10;

function previewText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Bulk import of positions and employees: download the template, upload, check (dry run: nothing saved, every
 * rejected row listed with its reason), then import. Only with ability org.import.
 */
export default function ImportPage() {
  const { t, pick, lang } = useI18n();
  const [kind, setKind] = useState<Kind>('jabatan');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TImportResult | null>(null);
  const [committed, setCommitted] = useState<TImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const reset = () => {
    setPreview(null);
    setCommitted(null);
    setError(null);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload(`/import/${kind}`, form, Schemas.importResult, { query: { dryRun: dryRun ? 'true' : 'false' } });
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy('check');
    reset();
    try {
      setPreview((await send(true)) ?? null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    setBusy('commit');
    setError(null);
    try {
      const result = (await send(false)) ?? null;
      setCommitted(result);
      setPreview(null);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const errorColumns: Column<ImportError>[] = [
    { key: 'row', header: t('import.row'), primary: true, render: (e) => <span className="nowrap">{t('problem.row', { row: e.row })}</span> },
    { key: 'column', header: t('import.column'), render: (e) => (e.column ? <code>{e.column}</code> : '–') },
    { key: 'reason', header: t('import.reason'), render: (e) => pick(e.reason) },
  ];

  const previewRows = (preview?.preview ?? []).slice(0, PREVIEW_ROWS);
  const previewKeys = [...new Set(previewRows.flatMap((row) => Object.keys(row)))].slice(0, 8);
  const previewColumns: Column<Record<string, unknown>>[] = previewKeys.map((key, index) => ({
    key,
    header: key,
    primary: index === 0,
    render: (row) => previewText(row[key]),
  }));

  // The server imports a file only when every row is valid (IMPORT_HAS_ERRORS otherwise): all or nothing.
  const rejectedRows = new Set((preview?.errors ?? []).map((e) => e.row)).size;
  const canCommit = preview !== null && !preview.fatal && preview.valid > 0 && preview.errors.length === 0;

  return (
    <>
      <PageHeader title={t('import.title')}>
        <span>{t('import.intro')}</span>
      </PageHeader>

      <section className="card" aria-labelledby="impor-langkah1">
        <h2 id="impor-langkah1" className="card-title">
          {t('import.step1')}
        </h2>
        <div className="segmented" role="group" aria-label={t('import.kind')}>
          {(['jabatan', 'pegawai'] as const).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={kind === k}
              onClick={() => {
                setKind(k);
                reset();
              }}
            >
              {k === 'jabatan' ? t('import.kind.jabatan') : t('import.kind.pegawai')}
            </button>
          ))}
        </div>
        <p className="small muted">{kind === 'jabatan' ? t('import.kindHint.jabatan') : t('import.kindHint.pegawai')}</p>
        <div className="button-row">
          <a className="button" href={`/api/v1/import/template/${kind}.xlsx`} download>
            <Icon name="download" size={18} /> {t('import.templateXlsx')}
          </a>
          <a className="button button-ghost" href={`/api/v1/import/template/${kind}.csv`} download>
            <Icon name="download" size={18} /> {t('import.templateCsv')}
          </a>
        </div>
      </section>

      <section className="card" aria-labelledby="impor-langkah2">
        <h2 id="impor-langkah2" className="card-title">
          {t('import.step2')}
        </h2>
        <form className="form" onSubmit={check}>
          <div className="field">
            <label htmlFor="import-file">{t('import.file')}</label>
            <input
              id="import-file"
              ref={fileRef}
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              required
              aria-describedby="import-file-hint"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
            <p className="hint" id="import-file-hint">
              {t('import.fileHint')}
            </p>
          </div>
          <button type="submit" className="button button-primary" disabled={!file || busy !== null}>
            {busy === 'check' ? t('import.checking') : t('import.check')}
          </button>
        </form>
      </section>

      <ProblemAlert error={error} />

      {committed && (
        <div className="alert alert-success" role="status">
          <Icon name="check" />
          <div className="alert-body">
            <p className="alert-title">{t('import.done')}</p>
            <p>
              {t('import.doneCounts', {
                inserted: formatNumber(committed.inserted, lang),
                updated: formatNumber(committed.updated, lang),
                unchanged: formatNumber(committed.unchanged, lang),
              })}
            </p>
          </div>
        </div>
      )}

      {preview && (
        <section className="card" aria-labelledby="impor-hasil">
          <h2 id="impor-hasil" className="card-title">
            {t('import.step3')}
          </h2>
          {preview.fatal && (
            <div className="alert alert-danger" role="alert">
              <Icon name="alert" />
              <div className="alert-body">
                <p>{pick(preview.fatal)}</p>
              </div>
            </div>
          )}
          <ul className="stat-grid stat-grid-compact" aria-label={t('import.summary')}>
            <li className="stat">
              <span className="stat-value">{formatNumber(preview.totalRows, lang)}</span>
              <span className="stat-label">{t('import.total')}</span>
            </li>
            <li className="stat">
              <span className="stat-value">{formatNumber(preview.valid, lang)}</span>
              <span className="stat-label">{t('import.valid')}</span>
            </li>
            <li className="stat">
              <span className="stat-value">{formatNumber(preview.inserted, lang)}</span>
              <span className="stat-label">{t('import.new')}</span>
            </li>
            <li className="stat">
              <span className="stat-value">{formatNumber(preview.updated, lang)}</span>
              <span className="stat-label">{t('import.updated')}</span>
            </li>
            <li className="stat">
              <span className="stat-value">{formatNumber(preview.unchanged, lang)}</span>
              <span className="stat-label">{t('import.unchanged')}</span>
            </li>
            <li className={rejectedRows > 0 ? 'stat stat-danger' : 'stat'}>
              <span className="stat-value">{formatNumber(rejectedRows, lang)}</span>
              <span className="stat-label">{t('import.rejected')}</span>
            </li>
          </ul>

          {preview.errors.length > 0 && (
            <>
              <h3 className="small-heading">
                {t('import.errorsTitle')} <Badge tone="danger">{formatNumber(preview.errors.length, lang)}</Badge>
              </h3>
              <DataTable
                caption={t('import.errorsTitle')}
                columns={errorColumns}
                rows={preview.errors.slice(0, MAX_ERRORS_SHOWN)}
                rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.reason.id}`}
              />
              {preview.errors.length > MAX_ERRORS_SHOWN && <p className="small muted">{t('import.errorsTruncated', { count: MAX_ERRORS_SHOWN })}</p>}
            </>
          )}

          {previewRows.length > 0 && (
            <>
              <h3 className="small-heading">{t('import.previewTitle', { count: previewRows.length })}</h3>
              <DataTable caption={t('import.previewTitle', { count: previewRows.length })} columns={previewColumns} rows={previewRows} rowKey={(row) => JSON.stringify(row)} />
            </>
          )}

          <div className="commit-bar">
            {rejectedRows > 0 && <p className="small">{t('import.fixFirst', { count: formatNumber(rejectedRows, lang) })}</p>}
            {rejectedRows === 0 && !canCommit && <p className="small">{t('import.nothingToCommit')}</p>}
            <button type="button" className="button button-primary" disabled={!canCommit || busy !== null} onClick={() => void commit()}>
              {busy === 'commit' ? t('import.committing') : t('import.commit', { count: formatNumber(preview.valid, lang) })}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
