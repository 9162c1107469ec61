import { Link, useSearchParams } from 'react-router';
import { CASE_STATUS_VALUES, ZCaseList, type TCase } from '../../../contracts/attendance';
import { useApi } from '../../api/client';
import { Badge, type BadgeTone } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, formatNip, formatNumber } from '../../lib/format';
import './attendance.css';
import { sanctionLabel, useS, type SKey } from './strings';

export const CASE_TONE: Record<TCase['status'], BadgeTone> = { panggilan_1: 'warning', panggilan_2: 'warning', pemeriksaan: 'info', diputus: 'accent', ditutup: 'neutral' };
export const LEVEL_TONE: Record<TCase['level'], BadgeTone> = { ringan: 'info', sedang: 'warning', berat: 'danger' };

/** Discipline cases (PP 94/2021) for BKPSDM, the inspektorat, leaders and heads of OPD. */
export default function CaseListPage() {
  const s = useS();
  const { lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const year = params.get('tahun') ?? '';
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const cases = useApi('/discipline/cases', ZCaseList, { status: status || undefined, year: year || undefined });
  const thisYear = new Date().getFullYear();
  return (
    <>
      <PageHeader title={s('casesTitle')} />
      <p className="at-muted at-small">{s('casesIntro')}</p>
      <div className="at-toolbar">
        <div className="at-field">
          <label htmlFor="at-case-status">{s('status')}</label>
          <select id="at-case-status" value={status} onChange={(e) => setParam('status', e.target.value)}>
            <option value="">{s('all')}</option>
            {CASE_STATUS_VALUES.map((v) => <option key={v} value={v}>{s(`cs_${v}` as SKey)}</option>)}
          </select>
        </div>
        <div className="at-field">
          <label htmlFor="at-case-year">{s('year')}</label>
          <select id="at-case-year" value={year} onChange={(e) => setParam('tahun', e.target.value)}>
            <option value="">{s('all')}</option>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
      </div>
      {cases.error ? <ProblemAlert error={cases.error} onRetry={cases.reload} /> : null}
      {!cases.data ? (cases.error ? null : <Loading />) : (
        <DataTable<TCase>
          caption={s('casesTitle')}
          rows={cases.data.items}
          rowKey={(c) => c.id}
          empty={<EmptyState title={s('noCases')} icon="shield" />}
          columns={[
            { key: 'name', header: s('name'), primary: true, render: (c) => (
              <>
                <Link to={`/disiplin/${c.id}`}>{c.pegawaiName}</Link>
                {c.nip && <div className="small muted">{formatNip(c.nip)}</div>}
                <div className="small muted">{c.opdName}</div>
              </>
            ) },
            { key: 'status', header: s('status'), render: (c) => <Badge tone={CASE_TONE[c.status]}>{s(`cs_${c.status}` as SKey)}</Badge> },
            { key: 'level', header: s('level'), render: (c) => <Badge tone={LEVEL_TONE[c.level]}>{s(`lv_${c.level}` as SKey)}</Badge> },
            { key: 'tk', header: s('daysAtOpen'), align: 'end', render: (c) => s('days', { count: formatNumber(c.daysAtOpen, lang) }) },
            { key: 'opened', header: s('openedOn'), render: (c) => formatDate(c.openedOn, lang) },
            { key: 'summons', header: s('summons2'), hideOnPhone: true, render: (c) => (c.summons2On ? formatDate(c.summons2On, lang) : s('notYet')) },
            { key: 'decision', header: s('decision'), render: (c) => sanctionLabel(s, c.decidedSanction ?? c.proposedSanction) },
          ]}
        />
      )}
    </>
  );
}
