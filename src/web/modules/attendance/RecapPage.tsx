import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ZRecap, type TRecapRow } from '../../../contracts/attendance';
import { API_BASE, useApi, withQuery } from '../../api/client';
import { useMe } from '../../app/auth';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatNip, formatNumber } from '../../lib/format';
import { formatPercent, MonthSwitcher, MoreButton, usePaged, OpdSelect, ratePercent, useMonthParam, useOpdParam } from './shared';
import { useS } from './strings';

const OPD_ROLES = new Set(['kepala_opd', 'operator_opd']);

/** Monthly recap per pegawai (and per OPD for Pemda-wide roles) with the XLSX export. */
export default function RecapPage() {
  const s = useS();
  const { lang } = useI18n();
  const me = useMe();
  const pemdaWide = !OPD_ROLES.has(me.role);
  const [month, setMonth] = useMonthParam();
  const [opd, setOpd] = useOpdParam();
  const [filter, setFilter] = useState('');
  const query = { month, opd: pemdaWide ? opd || undefined : undefined };
  const recap = useApi('/attendance/recap', ZRecap, query);
  const data = recap.data?.month === month ? recap.data : undefined;
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase().replace(/\s+/g, ' ');
    const digits = q.replace(/\s+/g, '');
    const items = data?.pegawai ?? [];
    if (!q) return items;
    return items.filter((r) => r.name.toLowerCase().includes(q) || (/^\d+$/.test(digits) && (r.nip ?? '').includes(digits)));
  }, [data, filter]);

  const paged = usePaged(rows);
  const columns: Column<TRecapRow>[] = [
    { key: 'name', header: s('name'), primary: true, render: (r) => (
      <>
        <Link to={`/pegawai/${r.pegawaiId}`}>{r.name}</Link>
        {r.nip && <div className="small muted">{formatNip(r.nip)}</div>}
        {pemdaWide && !opd && <div className="small muted">{r.opdName}</div>}
      </>
    ) },
    { key: 'rate', header: s('rate'), align: 'end', render: (r) => formatPercent(ratePercent(r.attendanceRate), lang) },
    { key: 'hadir', header: `${s('present')}/${s('scheduled')}`, align: 'end', render: (r) => `${formatNumber(r.hadir, lang)}/${formatNumber(r.scheduled, lang)}` },
    { key: 'late', header: s('lateMin'), align: 'end', render: (r) => formatNumber(r.lateMinutes, lang) },
    { key: 'early', header: s('earlyMin'), align: 'end', render: (r) => formatNumber(r.earlyMinutes, lang) },
    { key: 'tk', header: 'TK', align: 'end', render: (r) => <span className={r.tk > 0 ? 'at-bad' : undefined}>{formatNumber(r.tk, lang)}</span> },
    { key: 'excused', header: s('excused'), align: 'end', hideOnPhone: true, render: (r) => formatNumber(r.excused, lang) },
    { key: 'cut', header: s('cutPercent'), align: 'end', hideOnPhone: true, render: (r) => formatPercent(r.cutPercent, lang) },
  ];

  const xlsx = `${API_BASE}${withQuery('/attendance/recap.xlsx', query)}`;
  return (
    <>
      <PageHeader title={s('recapTitle')} actions={<a className="at-btn" href={xlsx} download>{s('exportXlsx')}</a>} />
      <div className="at-toolbar">
        <MonthSwitcher month={month} onChange={setMonth} />
        {pemdaWide && <OpdSelect value={opd} onChange={setOpd} />}
        <div className="at-field">
          <label htmlFor="at-recap-filter">{s('filterName')}</label>
          <input id="at-recap-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      </div>
      {recap.error ? <ProblemAlert error={recap.error} onRetry={recap.reload} /> : null}
      {!data && !recap.error ? <Loading /> : null}
      {data && pemdaWide && !opd && data.opds.length > 0 && (
        <details className="at-card">
          <summary className="at-summary">{s('perOpd')} ({formatNumber(data.opds.length, lang)})</summary>
          <DataTable
            caption={s('perOpd')}
            rows={data.opds}
            rowKey={(r) => r.opdId}
            columns={[
              { key: 'opd', header: s('opd'), primary: true, render: (r) => <button type="button" className="linklike" onClick={() => setOpd(r.opdId)}>{r.opdName}</button> },
              { key: 'n', header: s('pegawai'), align: 'end', render: (r) => formatNumber(r.pegawai, lang) },
              { key: 'rate', header: s('rate'), align: 'end', render: (r) => formatPercent(ratePercent(r.attendanceRate), lang) },
              { key: 'late', header: s('lateMin'), align: 'end', render: (r) => formatNumber(r.lateMinutes, lang) },
              { key: 'early', header: s('earlyMin'), align: 'end', render: (r) => formatNumber(r.earlyMinutes, lang) },
              { key: 'tk', header: 'TK', align: 'end', render: (r) => formatNumber(r.tk, lang) },
            ]}
          />
        </details>
      )}
      {data && (
        <section className="at-card" aria-labelledby="at-peg-h">
          <h2 id="at-peg-h">{s('perPegawai')} ({formatNumber(rows.length, lang)})</h2>
          <DataTable caption={s('perPegawai')} rows={paged.shown} rowKey={(r) => r.pegawaiId} columns={columns} empty={<EmptyState title={s('noData')} />} />
          <MoreButton more={paged.more} onClick={paged.showMore} />
        </section>
      )}
    </>
  );
}
