import { useState } from 'react';
import { z } from 'zod';
import { ZDevice, ZDeviceList, ZImportList, ZImportSummary, type TImportSummary } from '../../../contracts/attendance';
import { api, useApi } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { pick } from '../../i18n/translate';
import { formatDateTime, formatNumber } from '../../lib/format';
import './attendance.css';
import { useS } from './strings';

type TDevice = z.infer<typeof ZDevice>;
type TImportItem = z.infer<typeof ZImportList>['items'][number];
const SHOWN_REJECTED = 200;

/** Attendance devices, attlog upload with its summary, and the import history (BKPSDM, admin). */
export default function DevicesPage() {
  const s = useS();
  const { lang } = useI18n();
  const devices = useApi('/attendance/devices', ZDeviceList);
  const imports = useApi('/attendance/imports', ZImportList);
  return (
    <>
      <PageHeader title={s('devicesTitle')} />
      <div className="at-grid2">
        {/* The upload comes first: on a phone it is what this screen is opened for. */}
        <div>
          <UploadForm devices={devices.data?.items ?? []} onDone={() => { devices.reload(); imports.reload(); }} />
        </div>
        <div>
          <section className="at-card" aria-labelledby="at-dev-h">
            <h2 id="at-dev-h">{s('devices')}</h2>
            {devices.error ? <ProblemAlert error={devices.error} onRetry={devices.reload} /> : null}
            {!devices.data ? (devices.error ? null : <Loading />) : (
              <DataTable<TDevice>
                caption={s('devices')}
                rows={devices.data.items}
                rowKey={(d) => d.id}
                empty={<EmptyState title={s('noDevices')} />}
                columns={[
                  { key: 'name', header: s('device'), primary: true, render: (d) => <><strong>{d.name}</strong> <span className="small muted">({d.code})</span></> },
                  { key: 'kind', header: s('kind'), render: (d) => d.kind },
                  { key: 'mapped', header: s('mappedPins'), align: 'end', render: (d) => formatNumber(d.mapped, lang) },
                  { key: 'unmapped', header: s('unmappedPins'), align: 'end', render: (d) => <span className={d.unmappedPins > 0 ? 'at-bad' : undefined}>{formatNumber(d.unmappedPins, lang)}</span> },
                  { key: 'events', header: s('events'), align: 'end', render: (d) => formatNumber(d.events, lang) },
                  { key: 'last', header: s('lastImport'), render: (d) => (d.lastImport ? formatDateTime(d.lastImport, lang) : '–') },
                ]}
              />
            )}
          </section>
          <section className="at-card" aria-labelledby="at-imp-h">
            <h2 id="at-imp-h">{s('imports')}</h2>
            {imports.error ? <ProblemAlert error={imports.error} /> : null}
            {!imports.data ? (imports.error ? null : <Loading />) : (
              <DataTable<TImportItem>
                caption={s('imports')}
                rows={imports.data.items}
                rowKey={(i) => i.id}
                empty={<p className="at-muted">{s('noData')}</p>}
                columns={[
                  { key: 'file', header: s('filename'), primary: true, render: (i) => <span className="at-wrap">{i.filename}</span> },
                  { key: 'device', header: s('device'), render: (i) => i.deviceCode },
                  { key: 'at', header: s('date'), render: (i) => formatDateTime(i.createdAt, lang) },
                  { key: 'read', header: s('read'), align: 'end', render: (i) => formatNumber(i.read, lang) },
                  { key: 'added', header: s('added'), align: 'end', render: (i) => formatNumber(i.added, lang) },
                  { key: 'dup', header: s('duplicates'), align: 'end', hideOnPhone: true, render: (i) => formatNumber(i.duplicates, lang) },
                  { key: 'unm', header: s('unmapped'), align: 'end', render: (i) => formatNumber(i.unmapped, lang) },
                  { key: 'rej', header: s('rejected'), align: 'end', render: (i) => formatNumber(i.rejectedCount, lang) },
                ]}
              />
            )}
          </section>
        </div>
      </div>
    </>
  );
}

function UploadForm({ devices, onDone }: { devices: TDevice[]; onDone: () => void }) {
  const s = useS();
  const { lang } = useI18n();
  const [deviceId, setDeviceId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState<TImportSummary | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const chosen = deviceId || devices[0]?.id || '';
  const submit = async () => {
    if (!chosen || !file) return;
    setBusy(true);
    setError(null);
    setSummary(null);
    setProgress({ sent: 0, total: file.size });
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      // The server imports the file as it arrives, so the bytes sent are the progress of the import itself.
      setSummary(await api.upload(`/attendance/devices/${chosen}/import`, form, ZImportSummary, { onUploadProgress: (sent, total) => setProgress({ sent, total: total || file.size }) }));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.sent / progress.total) * 100)) : 0;
  return (
    <>
      <section className="at-card" aria-labelledby="at-up-h">
        <h2 id="at-up-h">{s('uploadTitle')}</h2>
        <form className="at-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <div className="at-field">
            <label htmlFor="at-up-device">{s('device')}</label>
            <select id="at-up-device" value={chosen} onChange={(e) => setDeviceId(e.target.value)} required>
              {devices.map((d) => <option key={d.id} value={d.id}>{d.name} ({d.code})</option>)}
            </select>
          </div>
          <div className="at-field">
            <label htmlFor="at-up-file">{s('file')}</label>
            <input id="at-up-file" type="file" accept=".dat,.txt,.csv,.xlsx,.log,text/plain,text/csv" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          {error ? <ProblemAlert error={error} /> : null}
          {busy && progress ? (
            <div className="at-progress" role="status">
              <progress max={100} value={percent} aria-label={s('uploading')} />
              <span>{percent >= 100 ? s('uploadFinishing') : s('uploadProgress', { done: formatBytes(progress.sent, lang), total: formatBytes(progress.total, lang), percent: String(percent) })}</span>
            </div>
          ) : null}
          <div>
            <button type="submit" className="at-btn" disabled={busy || !chosen || !file}>{busy ? s('uploading') : s('upload')}</button>
          </div>
        </form>
      </section>
      {summary && <SummaryCard summary={summary} />}
    </>
  );
}

function formatBytes(bytes: number, lang: string): string {
  const number = (n: number, digits: number) => new Intl.NumberFormat(lang === 'en' ? 'en' : 'id', { maximumFractionDigits: digits }).format(n);
  if (bytes >= 1_048_576) return `${number(bytes / 1_048_576, 1)} MB`;
  if (bytes >= 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${bytes} B`;
}

function SummaryCard({ summary }: { summary: TImportSummary }) {
  const s = useS();
  const { lang } = useI18n();
  const shown = summary.rejected.slice(0, SHOWN_REJECTED);
  return (
    <section className="at-card at-result" aria-labelledby="at-sum-h" role="status">
      <h2 id="at-sum-h">{s('summary')}</h2>
      <dl className="at-stats">
        <div><dt>{s('read')}</dt><dd>{formatNumber(summary.read, lang)}</dd></div>
        <div><dt>{s('added')}</dt><dd className="at-ok">{formatNumber(summary.added, lang)}</dd></div>
        <div><dt>{s('duplicates')}</dt><dd>{formatNumber(summary.duplicates, lang)}</dd></div>
        <div><dt>{s('unmapped')}</dt><dd className={summary.unmapped > 0 ? 'at-bad' : undefined}>{formatNumber(summary.unmapped, lang)}</dd></div>
        <div><dt>{s('rejected')}</dt><dd className={summary.rejectedCount > 0 ? 'at-bad' : undefined}>{formatNumber(summary.rejectedCount, lang)}</dd></div>
        <div><dt>{s('recomputed')}</dt><dd>{formatNumber(summary.recomputedDays, lang)}</dd></div>
        <div><dt>{s('casesOpened')}</dt><dd>{formatNumber(summary.casesOpened, lang)}</dd></div>
      </dl>
      {shown.length > 0 && (
        <>
          <h3>{s('rejectedLines')}</h3>
          <DataTable
            caption={s('rejectedLines')}
            rows={shown}
            rowKey={(r) => `${r.line}-${pick('id', r.reason)}`}
            columns={[
              { key: 'line', header: s('line'), primary: true, render: (r) => `${s('line')} ${r.line}` },
              { key: 'reason', header: s('reason'), render: (r) => pick(lang, r.reason) },
            ]}
          />
          {summary.rejectedCount > shown.length && <p className="at-muted">{s('moreRejected', { count: summary.rejectedCount - shown.length })}</p>}
        </>
      )}
    </section>
  );
}
