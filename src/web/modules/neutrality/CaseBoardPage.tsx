import './neutrality.css';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TCaseSummary } from '../../../contracts/neutrality';
import { CATEGORIES } from '../../../contracts/neutrality';
import { useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { PeriodBanners, useBanners } from './Banners';
import { useStrings, type StringKey } from './strings';

/** /netralitas/kasus: the handlers' board (others see only what they may: decisions due, decided cases). */
export default function CaseBoardPage() {
  const s = useStrings();
  const { lang, pick } = useI18n();
  const { can } = useAuth();
  const [openOnly, setOpenOnly] = useState(true);
  const cases = useApi<{ items: TCaseSummary[] }>('/neutrality/cases', undefined, { open: openOnly ? 'true' : undefined });
  const banners = useBanners();
  const label = (code: string) => pick(CATEGORIES.find((c) => c.code === code)?.label ?? { id: code, en: code });
  const columns: Column<TCaseSummary>[] = [
    { key: 'number', header: s('board.number'), primary: true, render: (c) => <Link to={`/netralitas/kasus/${c.id}`}>{c.number}</Link> },
    { key: 'category', header: s('board.category'), render: (c) => label(c.category) },
    { key: 'stage', header: s('board.stage'), render: (c) => s(`stage.${c.stage}` as StringKey) },
    {
      key: 'due',
      header: s('board.due'),
      render: (c) => (c.stageDueOn ? <span className={c.overdueDays > 0 ? 'ntr-overdue' : undefined}>{formatDate(c.stageDueOn, lang)}{c.overdueDays > 0 ? ` (${s('board.overdue', { days: c.overdueDays })})` : ''}</span> : s('common.none')),
    },
    { key: 'opd', header: s('board.opd'), hideOnPhone: true, render: (c) => c.reportedOpdName ?? s('common.none') },
    { key: 'channel', header: s('board.channel'), hideOnPhone: true, render: (c) => s(`channel.${c.channel}` as StringKey) },
  ];
  return (
    <>
      <PageHeader
        title={s('board.title')}
        actions={
          <div className="ntr-inline">
            {can('neutrality.report.enter') && (
              <Link className="button" to="/netralitas/laporan-baru?staf=1">
                {s('board.staffEntry')}
              </Link>
            )}
            {can('neutrality.sanction.read') && (
              <Link className="button button-ghost" to="/netralitas/sanksi">
                {s('nav.sanctions')}
              </Link>
            )}
            {can('neutrality.stats.read') && (
              <Link className="button button-ghost" to="/netralitas/statistik">
                {s('board.stats')}
              </Link>
            )}
          </div>
        }
      />
      <PeriodBanners banners={banners.data} />
      <label className="checkbox">
        <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {s('board.openOnly')}
      </label>
      <ProblemAlert error={cases.error} />
      {cases.loading ? <Loading /> : <DataTable columns={columns} rows={cases.data?.items ?? []} rowKey={(c) => c.id} caption={s('board.title')} empty={<EmptyState title={s('board.empty')} />} />}
    </>
  );
}
