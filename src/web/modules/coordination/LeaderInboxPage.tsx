import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/client';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ZLeaderInbox, type TSilentOpd } from '../../../contracts/coordination';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { InboxItems } from './InboxItems';
import { Card } from './shared';
import { useS } from './strings';

/** The leader's inbox (seed 000): overdue directives, obstacles, completions to accept, silent OPDs. */
export default function LeaderInboxPage() {
  const s = useS();
  const { lang } = useI18n();
  const inbox = useApi('/coordination/inbox', ZLeaderInbox);
  if (inbox.error) return <ProblemAlert error={inbox.error} onRetry={inbox.reload} />;
  if (!inbox.data) return <Loading />;
  const d = inbox.data;
  const tiles = [
    { key: 'overdue', label: s('overdue'), value: d.totals.overdue, tone: 'danger', href: '#co-overdue' },
    { key: 'silent', label: s('silentOpds'), value: d.totals.silentOpds, tone: 'danger', href: '#co-silent' },
    { key: 'obstacles', label: s('obstacles'), value: d.totals.obstacles, tone: 'warn', href: '#co-obstacles' },
    { key: 'awaiting', label: s('awaiting'), value: d.totals.awaitingAcceptance, tone: 'warn', href: '#co-awaiting' },
    { key: 'open', label: s('open'), value: d.totals.open, tone: 'ok', href: '/koordinasi/arahan?status=open' },
  ];
  return (
    <>
      <PageHeader title={s('inboxTitle')} actions={<Link className="co-btn" to="/koordinasi/arahan/baru">{s('issue')}</Link>}>
        <span>{s('today', { date: formatDate(d.today, lang) })}</span>
      </PageHeader>
      <p className="co-muted co-small">{s('inboxIntro')}</p>
      <div className="co-tiles">
        {tiles.map((tile) =>
          tile.href.startsWith('#') ? (
            <a key={tile.key} className={`co-tile ${tile.value > 0 ? tile.tone : 'ok'}`} href={tile.href}>
              <strong>{tile.value}</strong>
              {tile.label}
            </a>
          ) : (
            <Link key={tile.key} className="co-tile ok" to={tile.href}>
              <strong>{tile.value}</strong>
              {tile.label}
            </Link>
          ),
        )}
      </div>
      <div className="co-grid">
        <div>
          <Card id="co-overdue" title={s('overdue')} count={d.totals.overdue} tone="danger">
            <InboxItems items={d.overdue} limit={5} moreHref="/koordinasi/arahan?status=overdue" />
          </Card>
          <Card id="co-obstacles" title={s('obstacles')} count={d.totals.obstacles} tone="warn">
            <InboxItems items={d.obstacles} limit={4} moreHref="/koordinasi/arahan?status=open" />
          </Card>
          <Card id="co-awaiting" title={s('awaiting')} count={d.totals.awaitingAcceptance} tone="warn">
            <InboxItems items={d.awaitingAcceptance} limit={4} moreHref="/koordinasi/arahan?status=open" />
          </Card>
        </div>
        <div>
          <Card id="co-silent" title={s('silentOpds')} count={d.totals.silentOpds} tone="danger">
            <p className="co-small co-muted">{s('silentRule', { days: d.silenceDays })}</p>
            {d.silentOpds.length === 0 ? <p className="co-muted">{s('nothing')}</p> : null}
            <SilentList items={d.silentOpds.filter((o) => o.silent)} />
            {d.silentOpds.some((o) => !o.silent) && (
              <details>
                <summary>{s('overdueOnly', { count: d.silentOpds.filter((o) => !o.silent).length })}</summary>
                <SilentList items={d.silentOpds.filter((o) => !o.silent)} />
              </details>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

/** Silent OPDs, the first few only until asked: on a phone the whole list pushed everything else out of reach. */
const SILENT_SHOWN = 5;

function SilentList({ items }: { items: TSilentOpd[] }) {
  const s = useS();
  const { lang } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? items : items.slice(0, SILENT_SHOWN);
  return (
    <>
    <ul className="co-list">
      {shown.map((opd) => (
        <li key={opd.opdId}>
          <Link to={`/koordinasi/opd/${opd.opdId}`}>{opd.opdName}</Link>
          <div className="co-meta">
            {opd.silent && <span className="co-late">{s('daysSilent', { days: opd.daysSilent })}</span>}
            {opd.overdueCount > 0 && <span>{s('overdueCount', { count: opd.overdueCount })}</span>}
            <span>
              {s('lastActivity')}: {opd.lastActivityAt ? formatDateTime(opd.lastActivityAt, lang) : s('never')}
            </span>
          </div>
        </li>
      ))}
    </ul>
    {items.length > SILENT_SHOWN && (
      <button type="button" className="co-btn secondary" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
        {showAll ? s('showFewer') : s('seeAll', { count: items.length })}
      </button>
    )}
    </>
  );
}
