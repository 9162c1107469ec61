import { useState } from 'react';
import { Link } from 'react-router';
import { ZSanctionList, type TSanctionItem } from '../../../contracts/attendance-screens';
import { useApi } from '../../api/client';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import type { Lang } from '../../i18n/translate';
import { formatNip } from '../../lib/format';
import { LEVEL_TONE } from './CaseListPage';
import { formatPercent } from './shared';
import { sanctionLabel, useS, type SKey } from './strings';
import './attendance.css';

function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The month before `end` (the last month cut), as YYYY-MM. */
function lastMonth(end: string): string {
  const [y, m] = end.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Sanction registry (PP 94/2021): decided sanctions with their TPP effect and how long they last. */
export default function SanctionsPage() {
  const s = useS();
  const { lang } = useI18n();
  const [activeOnly, setActiveOnly] = useState(true);
  const list = useApi('/discipline/sanctions', ZSanctionList, { active: activeOnly ? 'true' : 'false' });
  return (
    <>
      <PageHeader title={s('sanctionsTitle')} actions={<Link className="at-btn secondary" to="/disiplin">{s('casesTitle')}</Link>} />
      <p className="at-muted at-small">{s('sanctionsIntro')}</p>
      <div className="at-toolbar">
        <label className="at-radio" htmlFor="at-s-active">
          <input id="at-s-active" type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} />
          {s('activeOnly')}
        </label>
      </div>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data ? (list.error ? null : <Loading />) : (
        <DataTable<TSanctionItem>
          caption={s('sanctionsTitle')}
          captionHidden
          rows={list.data.items}
          rowKey={(r) => r.id}
          empty={<EmptyState title={s('noSanctions')} />}
          columns={[
            { key: 'name', header: s('name'), primary: true, render: (r) => <><strong>{r.pegawaiName}</strong>{r.nip && <div className="small muted">{formatNip(r.nip)}</div>}<div className="small muted">{r.opdName}</div></> },
            { key: 'sanction', header: s('sanction'), render: (r) => <>{sanctionLabel(s, r.sanction)} <Badge tone={LEVEL_TONE[r.level as keyof typeof LEVEL_TONE] ?? 'neutral'}>{s(`lv_${r.level}` as SKey)}</Badge></> },
            { key: 'tpp', header: s('tppEffect'), render: (r) => (r.tppCutPercent > 0 && r.months > 0 ? s('cutFor', { percent: formatPercent(r.tppCutPercent, lang), months: r.months }) : s('noTppEffect')) },
            { key: 'duration', header: s('duration'), render: (r) => (r.endMonth ? s('untilMonth', { from: monthLabel(r.startMonth, lang), to: monthLabel(lastMonth(r.endMonth), lang) }) : monthLabel(r.startMonth, lang)) },
            { key: 'active', header: s('status'), render: (r) => (r.active ? <Badge tone="danger">{s('activeNow')}</Badge> : <Badge tone="neutral">{s('ended')}</Badge>) },
            { key: 'decision', header: s('decisionNumber'), hideOnPhone: true, render: (r) => <>{r.decisionNumber}{r.caseId && <div><Link to={`/disiplin/${r.caseId}`}>{s('openCase')}</Link></div>}</> },
          ]}
        />
      )}
    </>
  );
}
