import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client';
import { useMe } from '../../app/auth';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ZOpdInbox } from '../../../contracts/coordination';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { InboxItems } from './InboxItems';
import { Card } from './shared';
import { useS } from './strings';

/** An OPD's inbox: its open directives (overdue first), report periods, days of silence. /koordinasi/opd-saya = mine. */
export default function OpdInboxPage() {
  const { id } = useParams();
  const me = useMe();
  const s = useS();
  const { lang } = useI18n();
  const opdId = id ?? me.opdId;
  const inbox = useApi(opdId ? `/coordination/opds/${opdId}/inbox` : null, ZOpdInbox);
  if (!opdId) return <EmptyState icon="building" title={s('noOpd')} />;
  if (inbox.error) return <ProblemAlert error={inbox.error} onRetry={inbox.reload} />;
  if (!inbox.data) return <Loading />;
  const d = inbox.data;
  const period = (p: typeof d.currentPeriod) => (
    <li>
      <strong>{s('reportPeriod', { start: formatDate(p.start, lang), end: formatDate(p.end, lang) })}</strong>
      <div className="co-meta">
        <span className={p.submitted ? '' : p.late ? 'co-late' : ''}>{p.submitted ? s('reportSent') : s('reportMissing')}</span>
        {p.late && <span className="co-late">{s('reportLate')}</span>}
        <span>{s('reportDue', { date: formatDate(p.due, lang) })}</span>
      </div>
    </li>
  );
  return (
    <>
      <PageHeader title={s('opdInboxTitle', { opd: d.opd.name })} actions={<Link className="co-btn" to="/koordinasi/laporan">{s('sendReport')}</Link>}>
        <span>{s('today', { date: formatDate(d.today, lang) })}</span>
        {d.daysSilent >= 7 && <span className="co-late"> · {s('daysSilent', { days: d.daysSilent })}</span>}
      </PageHeader>
      <div className="co-grid">
        <div>
          <Card id="co-open" title={s('open')} count={d.open.length} tone={d.open.some((i) => i.overdueDays > 0) ? 'danger' : undefined}>
            <InboxItems items={d.open} showOpd={false} />
          </Card>
          <Card id="co-closed" title={s('recentlyClosed')}>
            <InboxItems items={d.recentlyClosed} showOpd={false} />
          </Card>
        </div>
        <div>
          <Card id="co-reports" title={s('reportStatus')}>
            <ul className="co-list">
              {period(d.currentPeriod)}
              {period(d.previousPeriod)}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
