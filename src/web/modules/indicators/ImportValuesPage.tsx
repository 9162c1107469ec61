import { useRef, useState, type FormEvent } from 'react';
import type { TImportSummary } from '../../../contracts/indicators';
import { api, API_BASE } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { IgnoredTable } from './IgnoredTable';
import { IndSchemas } from './shared';
import { useS } from './strings';

/**
 * Import of values from a CSV/XLSX sheet or a DHIS2 dataValueSet (JSON): check first (dry run, nothing saved,
 * every ignored value with its reason), then import.
 */
export default function ImportValuesPage() {
  const s = useS();
  const { lang } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const [summary, setSummary] = useState<TImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean, event?: FormEvent) => {
    event?.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      if (/\.json$/i.test(file.name)) {
        const body: unknown = JSON.parse(await file.text());
        setSummary(await api.post('/indicator-values/dataValueSets', body, IndSchemas.summary, { query: { dryRun, idScheme: 'code' } }));
      } else {
        const form = new FormData();
        form.append('file', file);
        setSummary(await api.upload('/indicator-values/import', form, IndSchemas.summary, { query: { dryRun } }));
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={s('importTitle')}>
        <span>{s('importIntro')}</span>
      </PageHeader>
      <section className="ind-card" aria-labelledby="ind-import-h">
        <h2 id="ind-import-h">{s('file')}</h2>
        <form onSubmit={(e) => void run(false, e)}>
          <div className="ind-toolbar">
            <div>
              <label htmlFor="ind-file">{s('file')} (.csv, .xlsx, .json)</label>
              <input id="ind-file" ref={fileRef} type="file" accept=".csv,.xlsx,.json,application/json,text/csv" required onChange={() => setSummary(null)} />
            </div>
            <a className="ind-link" href={`${API_BASE}/indicator-values/template.csv`}>
              {s('template')}
            </a>
          </div>
          <div className="ind-actions">
            <button type="button" className="ind-btn ind-secondary" disabled={busy} onClick={() => void run(true)}>
              {s('check')}
            </button>
            <button type="submit" className="ind-btn" disabled={busy}>
              {s('save')}
            </button>
          </div>
        </form>
        {error ? <ProblemAlert error={error} /> : null}
        {summary && (
          <div role="status" data-testid="import-summary">
            <p>
              {summary.dryRun ? `${s('dryRunNote')} ` : ''}
              {s('summary', { imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, ignored: summary.ignored, flagged: summary.flagged })}
            </p>
            <IgnoredTable items={summary.ignoredValues} lang={lang} />
          </div>
        )}
      </section>
    </>
  );
}
