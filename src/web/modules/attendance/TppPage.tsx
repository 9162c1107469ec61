import { Fragment, useMemo, useState } from 'react';
import { ZKinerjaImportResult, ZTppComputeResult, ZTppSheet, type TTppRow } from '../../../contracts/attendance';
import { API_BASE, api, useApi, withQuery } from '../../api/client';
import { useAuth, useMe } from '../../app/auth';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { pick } from '../../i18n/translate';
import { formatDateTime, formatNip } from '../../lib/format';
import { TppLines } from './MyAttendancePage';
import { formatPercent, formatRupiah, MonthSwitcher, MoreButton, usePaged, OpdSelect, useMonthParam, useOpdParam } from './shared';
import { useS } from './strings';

const OPD_ROLES = new Set(['kepala_opd', 'operator_opd']);

/** The monthly TPP sheet: one row per pegawai, each opening its breakdown; XLSX for payroll. */
export default function TppPage() {
  const s = useS();
  const { lang } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const pemdaWide = !OPD_ROLES.has(me.role);
  const [month, setMonth] = useMonthParam();
  const [opd, setOpd] = useOpdParam();
  const [filter, setFilter] = useState('');
  const [openRow, setOpenRow] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const query = { opd: pemdaWide ? opd || undefined : undefined };
  const sheet = useApi(`/tpp/${month}`, ZTppSheet, query);
  const data = sheet.data?.month === month ? sheet.data : undefined;
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const digits = q.replace(/\s+/g, '');
    return (data?.items ?? []).filter((r) => !q || r.name.toLowerCase().includes(q) || (/^\d+$/.test(digits) && (r.nip ?? '').includes(digits)));
  }, [data, filter]);
  const paged = usePaged(rows);
  const compute = async () => {
    setBusy(true);
    setActionError(null);
    try {
      await api.post(`/tpp/${month}/compute`, {}, ZTppComputeResult);
      sheet.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };
  const xlsx = `${API_BASE}${withQuery(`/tpp/${month}/xlsx`, query)}`;
  return (
    <>
      <PageHeader
        title={s('tppTitle')}
        actions={
          <>
            <a className="at-btn" href={xlsx} download>{s('exportXlsx')}</a>
            {can('tpp.manage') && <button type="button" className="at-btn secondary" onClick={() => void compute()} disabled={busy}>{busy ? s('computing') : s('compute')}</button>}
          </>
        }
      >
        {data && <span>{data.computedAt ? s('computedAt', { at: formatDateTime(data.computedAt, lang) }) : s('tppNotComputed')}</span>}
      </PageHeader>
      <div className="at-toolbar">
        <MonthSwitcher month={month} onChange={setMonth} />
        {pemdaWide && <OpdSelect value={opd} onChange={setOpd} />}
        <div className="at-field">
          <label htmlFor="at-tpp-filter">{s('filterName')}</label>
          <input id="at-tpp-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      </div>
      {can('tpp.manage') && <KinerjaImport month={month} />}
      <ProblemAlert error={actionError} />
      {sheet.error ? <ProblemAlert error={sheet.error} onRetry={sheet.reload} /> : null}
      {!data ? (sheet.error ? null : <Loading />) : (
        <>
          <dl className="at-stats at-card">
            <div><dt>{s('total')}</dt><dd>{formatRupiah(data.total, lang)}</dd></div>
            <div><dt>{s('pegawai')}</dt><dd>{data.items.length}</dd></div>
          </dl>
          {rows.length === 0 ? <EmptyState title={s('noData')} /> : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{s('tppTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{s('name')}</th>
                    <th scope="col" className="num">{s('basic')}</th>
                    <th scope="col" className="num">{s('kinerja')}</th>
                    <th scope="col" className="num">{s('disiplin')}</th>
                    <th scope="col" className="num">{s('cutPercent')}</th>
                    <th scope="col" className="num">{s('paid')}</th>
                  </tr>
                </thead>
                <tbody>
                  {paged.shown.map((r) => (
                    <Fragment key={r.pegawaiId}>
                      <Row row={r} open={openRow === r.pegawaiId} onToggle={() => setOpenRow(openRow === r.pegawaiId ? null : r.pegawaiId)} showOpd={pemdaWide && !opd} />
                      {openRow === r.pegawaiId && (
                        <tr>
                          <td colSpan={6} data-label={s('breakdown')} id={`at-tpp-${r.pegawaiId}`}>
                            <TppLines row={r} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <MoreButton more={paged.more} onClick={paged.showMore} />
          {data.legalBasis && <p className="at-muted at-small">{s('legalBasis')}: {data.legalBasis}</p>}
        </>
      )}
    </>
  );
}

function Row({ row, open, onToggle, showOpd }: { row: TTppRow; open: boolean; onToggle: () => void; showOpd: boolean }) {
  const s = useS();
  const { lang } = useI18n();
  return (
    <tr>
      <td className="cell-primary" data-label={s('name')}>
        <button type="button" className="linklike" aria-expanded={open} aria-controls={`at-tpp-${row.pegawaiId}`} aria-label={s('showBreakdown', { name: row.name })} onClick={onToggle}>
          {open ? '▾' : '▸'} {row.name}
        </button>
        {row.nip && <div className="small muted">{formatNip(row.nip)}</div>}
        <div className="small muted">{row.kelas !== null ? `${s('kelas')} ${row.kelas}` : ''}{showOpd ? `${row.kelas !== null ? ' · ' : ''}${row.opdName}` : ''}</div>
      </td>
      <td className="num" data-label={s('basic')}>{formatRupiah(row.basic, lang)}</td>
      <td className="num" data-label={s('kinerja')}>{formatPercent(row.kinerjaPercent, lang)}</td>
      <td className="num" data-label={s('disiplin')}>{formatPercent(row.disiplinPercent, lang)}</td>
      <td className="num" data-label={s('cutPercent')}>{formatPercent(row.cutPercent + row.sanctionPercent, lang)}</td>
      <td className="num" data-label={s('paid')}><strong>{formatRupiah(row.paid, lang)}</strong></td>
    </tr>
  );
}

/** Monthly kinerja (SKP predikat or score) for the TPP: CSV upload with the lines refused and why. */
function KinerjaImport({ month }: { month: string }) {
  const s = useS();
  const { lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ read: number; saved: number; rejected: Array<{ line: number; reason: { id: string; en: string } }> } | null>(null);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      setResult(await api.upload(`/tpp/${month}/kinerja`, form, ZKinerjaImportResult));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="at-card">
      <summary className="at-summary">{s('kinerjaTitle')}</summary>
      <p className="at-muted at-small">{s('kinerjaIntro')}</p>
      <form className="at-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="at-field">
          <label htmlFor="at-kin-file">{s('kinerjaFile')}</label>
          <input id="at-kin-file" type="file" accept=".csv,text/csv,text/plain" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <ProblemAlert error={error} />
        <div><button type="submit" className="at-btn" disabled={busy || !file}>{busy ? s('uploading') : s('importKinerja')}</button></div>
      </form>
      {result && (
        <div role="status" style={{ marginTop: '0.75rem' }}>
          <p className={result.rejected.length ? 'at-bad' : 'at-ok'}>{s('kinerjaDone', { saved: result.saved, read: result.read })}</p>
          {result.rejected.length > 0 && (
            <ul className="at-lines at-small">
              {result.rejected.slice(0, 100).map((r) => <li key={r.line}><span>{s('line')} {r.line}</span><span>{pick(lang, r.reason)}</span></li>)}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}
