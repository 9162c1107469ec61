import { Link } from 'react-router';
import type { TInboxItem } from '../../../contracts/coordination';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { StatusBadge } from './shared';
import { useS } from './strings';

/** A list of (directive, OPD) items: overdue, blocked, waiting for acceptance, or an OPD's own inbox. */
export function InboxItems({ items, showOpd = true, empty, limit, moreHref }: { items: TInboxItem[]; showOpd?: boolean; empty?: string; limit?: number; moreHref?: string }) {
  const s = useS();
  const { lang } = useI18n();
  if (items.length === 0) return <p className="co-muted">{empty ?? s('nothing')}</p>;
  const shown = limit ? items.slice(0, limit) : items;
  return (
    <>
    <ul className="co-list">
      {shown.map((item) => (
        <li key={`${item.directiveId}:${item.opdId}`}>
          <Link to={`/koordinasi/arahan/${item.directiveId}`}>{item.text}</Link>
          <div className="co-meta">
            <StatusBadge status={item.status} />
            {showOpd && <Link to={`/koordinasi/opd/${item.opdId}`}>{item.opdName}</Link>}
            <span>{item.number}</span>
            <span>
              {s('due')} {formatDate(item.dueDate, lang)}
            </span>
            {item.overdueDays > 0 && <span className="co-late">{s('workingDaysLate', { days: item.overdueDays })}</span>}
            {item.priority !== 'biasa' && <span>{s(item.priority === 'segera' ? 'priority_segera' : 'priority_penting')}</span>}
          </div>
          {item.obstacle && (
            <div className="co-small">
              <strong>{s('obstacle')}:</strong> {item.obstacle}
            </div>
          )}
        </li>
      ))}
    </ul>
    {moreHref && shown.length < items.length && (
      <p>
        <Link to={moreHref}>{s('seeAll', { count: items.length })}</Link>
      </p>
    )}
    </>
  );
}
