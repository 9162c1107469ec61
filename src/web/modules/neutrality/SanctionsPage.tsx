import './neutrality.css';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ZSanctionList } from '../../../contracts/neutrality';
import { useApi } from '../../api/client';
import { Badge } from '../../components/Badge';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useStrings, type StringKey } from './strings';

type TList = z.infer<typeof ZSanctionList>;
type TSanction = TList['items'][number];
type Filter = 'berjalan' | 'selesai' | 'all';

/** "2025-03" as "Mar 2025" in the page's language. */
function monthLabel(month: string, lang: 'id' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** /netralitas/sanksi: the registry of decided neutrality sanctions, by status, with what each does to TPP. */
export default function SanctionsPage() {
  const s = useStrings();
  const { lang } = useI18n();
  const [filter, setFilter] = useState<Filter>('berjalan');
  const list = useApi<TList>('/neutrality/sanctions', undefined, { status: filter === 'all' ? undefined : filter });
  const counts = list.data?.counts;
  const tpp = (r: TSanction) => {
    if (r.track === 'etik' || !r.tpp) return <span className="muted">{s('sanction.ethics')}</span>;
    if (r.tpp.cutPercent <= 0) return <span className="muted">{s('sanction.tppNone')}</span>;
    return <strong className="ntr-overdue">{s('sanction.tppCut', { pct: r.tpp.cutPercent, from: monthLabel(r.tpp.fromMonth, lang), until: r.tpp.untilMonth ? monthLabel(r.tpp.untilMonth, lang) : s('sanction.open') })}</strong>;
  };
  const columns: Column<TSanction>[] = [
    {
      key: 'who',
      header: s('sanction.who'),
      primary: true,
      render: (r) => (
        <span>
          {r.pegawaiName}
          {r.opdName && <span className="muted small"> · {r.opdName}</span>}
        </span>
      ),
    },
    {
      key: 'what',
      header: s('sanction.what'),
      render: (r) => (
        <span>
          {r.sanction} <span className="muted small">({s(`track.${r.track}` as StringKey)}{r.level ? ` ${s(`level.${r.level}` as StringKey)}` : ''})</span>
        </span>
      ),
    },
    { key: 'tpp', header: s('sanction.tpp'), render: tpp },
    { key: 'period', header: s('sanction.period'), render: (r) => `${formatDate(r.startsOn, lang)} – ${r.endsOn ? formatDate(r.endsOn, lang) : s('sanction.open')}` },
    { key: 'status', header: s('sanction.status'), render: (r) => <Badge tone={r.status === 'berjalan' ? 'warning' : 'neutral'}>{s(`sanction.${r.status}`)}</Badge> },
    {
      key: 'case',
      header: s('sanction.case'),
      hideOnPhone: true,
      render: (r) => (
        <>
          <Link to={`/netralitas/kasus/${r.caseId}`}>{r.caseNumber}</Link> <span className="muted small">SK {r.decisionNumber}</span>
        </>
      ),
    },
  ];
  const tab = (value: Filter, label: string, n?: number) => (
    <button type="button" className={`button${filter === value ? ' button-primary' : ''}`} aria-pressed={filter === value} onClick={() => setFilter(value)}>
      {label}
      {n !== undefined ? ` (${n})` : ''}
    </button>
  );
  return (
    <>
      <PageHeader title={s('sanction.title')} />
      <p className="muted">{s('sanction.intro')}</p>
      <div className="ntr-inline" role="group" aria-label={s('sanction.status')}>
        {tab('berjalan', s('sanction.berjalan'), counts?.berjalan)}
        {tab('selesai', s('sanction.selesai'), counts?.selesai)}
        {tab('all', s('sanction.all'), counts ? counts.berjalan + counts.selesai : undefined)}
      </div>
      <ProblemAlert error={list.error} />
      {list.loading ? <Loading /> : <DataTable caption={s('sanction.title')} columns={columns} rows={list.data?.items ?? []} rowKey={(r) => r.id} empty={<EmptyState title={s('sanction.empty')} />} />}
    </>
  );
}
