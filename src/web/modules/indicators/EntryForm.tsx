import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { TImportSummary, TIndicator } from '../../../contracts/indicators';
import { api, useApi, useListApi } from '../../api/client';
import { Schemas } from '../../api/schemas';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { IgnoredTable } from './IgnoredTable';
import { IndSchemas } from './shared';
import { useS } from './strings';

interface Row {
  value: string;
  numerator: string;
  denominator: string;
}

const num = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

/** The producing OPD's entry form: one row per wilayah of the indicator's level, checked then saved. */
export function EntryForm({ indicator, period: initialPeriod, onSaved }: { indicator: TIndicator; period: string | undefined; onSaved: () => void }) {
  const s = useS();
  const { lang } = useI18n();
  const wilayah = useListApi('/wilayah', Schemas.wilayahList);
  const [period, setPeriod] = useState(initialPeriod ?? '');
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [summary, setSummary] = useState<TImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const isRate = indicator.kind === 'rate';
  const regions = useMemo(
    () =>
      (wilayah.data ?? [])
        .filter((w) => (indicator.lowestLevel === 'kelurahan' ? w.level === 'kelurahan' || w.level === 'desa' : w.level === indicator.lowestLevel))
        .sort((a, b) => a.name.localeCompare(b.name, 'id')),
    [wilayah.data, indicator.lowestLevel],
  );
  // The stored values of the period fill the form, so a correction starts from what is there.
  const stored = useApi(initialPeriod ? `/indicators/${indicator.id}/values` : null, IndSchemas.values, { period: initialPeriod });
  useEffect(() => {
    if (!stored.data) return;
    const text = (v: number | null) => (v === null ? '' : String(v));
    setRows(Object.fromEntries(stored.data.items.map((v) => [v.wilayahKode, { value: text(v.value), numerator: text(v.numerator), denominator: text(v.denominator) }])));
  }, [stored.data]);

  const submit = async (dryRun: boolean, event?: FormEvent) => {
    event?.preventDefault();
    setError(null);
    setBusy(true);
    const values = Object.entries(rows)
      .filter(([, r]) => r.value.trim() || r.numerator.trim() || r.denominator.trim())
      .map(([kode, r]) => ({ wilayahKode: kode, period, value: isRate ? null : num(r.value), numerator: isRate ? num(r.numerator) : null, denominator: isRate ? num(r.denominator) : null }));
    try {
      const result = await api.post(`/indicators/${indicator.id}/values`, { values }, IndSchemas.summary, { query: { dryRun } });
      setSummary(result);
      if (!dryRun) onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const update = (kode: string, field: keyof Row, text: string) => setRows((prev) => ({ ...prev, [kode]: { value: '', numerator: '', denominator: '', ...prev[kode], [field]: text } }));

  return (
    <section className="ind-card" aria-labelledby="ind-entry-h">
      <h2 id="ind-entry-h">{s('entryTitle')}</h2>
      <p className="ind-small ind-muted">{s('entryHint')}</p>
      <form onSubmit={(e) => void submit(false, e)}>
        <div className="ind-toolbar">
          <div>
            <label htmlFor="ind-entry-period">{s('period')}</label>
            <input id="ind-entry-period" value={period} onChange={(e) => setPeriod(e.target.value)} placeholder={indicator.periodicity === 'monthly' ? '2026-10' : indicator.periodicity === 'quarterly' ? '2026-Q3' : '2026'} required />
          </div>
        </div>
        <div className="ind-table-wrap" style={{ maxHeight: 360, overflowY: 'auto' }} role="region" tabIndex={0} aria-label={s('entryTitle')}>
          <table className="ind-table">
            <caption className="visually-hidden">{s('entryTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{s('orgUnit')}</th>
                {isRate ? (
                  <>
                    <th scope="col">{indicator.numeratorLabel ?? s('numerator')}</th>
                    <th scope="col">{indicator.denominatorLabel ?? s('denominator')}</th>
                  </>
                ) : (
                  <th scope="col">{s('value')}</th>
                )}
              </tr>
            </thead>
            <tbody>
              {regions.map((w) => (
                <tr key={w.kode}>
                  <th scope="row">{w.name}</th>
                  {isRate ? (
                    <>
                      <td>
                        <input inputMode="decimal" aria-label={`${s('numerator')} ${w.name}`} value={rows[w.kode]?.numerator ?? ''} onChange={(e) => update(w.kode, 'numerator', e.target.value)} />
                      </td>
                      <td>
                        <input inputMode="decimal" aria-label={`${s('denominator')} ${w.name}`} value={rows[w.kode]?.denominator ?? ''} onChange={(e) => update(w.kode, 'denominator', e.target.value)} />
                      </td>
                    </>
                  ) : (
                    <td>
                      <input inputMode="decimal" aria-label={`${s('value')} ${w.name}`} value={rows[w.kode]?.value ?? ''} onChange={(e) => update(w.kode, 'value', e.target.value)} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="ind-actions">
          <button type="button" className="ind-btn ind-secondary" disabled={busy} onClick={() => void submit(true)}>
            {s('check')}
          </button>
          <button type="submit" className="ind-btn" disabled={busy}>
            {s('save')}
          </button>
        </div>
      </form>
      {error ? <ProblemAlert error={error} /> : null}
      {summary && (
        <div role="status">
          <p>
            {summary.dryRun ? `${s('dryRunNote')} ` : ''}
            {s('summary', { imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, ignored: summary.ignored, flagged: summary.flagged })}
          </p>
          <IgnoredTable items={summary.ignoredValues} lang={lang} />
        </div>
      )}
    </section>
  );
}
