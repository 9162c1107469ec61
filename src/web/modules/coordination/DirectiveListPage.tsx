import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DIRECTIVE_TAGS, ZDirectivePage, type TDirectiveSummary } from '../../../contracts/coordination';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { ProgressBar } from './shared';
import { useS, type SKey } from './strings';

/** Directives with filters; the query string holds them, so metric links (?opd=&dueMonth=) land on the records. */
export default function DirectiveListPage() {
  const s = useS();
  const { lang } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const query = { status: params.get('status') ?? 'all', tag: params.get('tag') ?? undefined, priority: params.get('priority') ?? undefined, opd: params.get('opd') ?? undefined, dueMonth: params.get('dueMonth') ?? undefined, issuedMonth: params.get('issuedMonth') ?? undefined, meeting: params.get('meeting') ?? undefined, q: params.get('q') ?? undefined };
  const page = useApi('/coordination/directives', ZDirectivePage, query);
  const [extra, setExtra] = useState<TDirectiveSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  useEffect(() => {
    setExtra([]);
    setCursor(page.data?.nextCursor ?? null);
  }, [page.data]);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const more = async () => {
    if (!cursor) return;
    const next = await api.get('/coordination/directives', ZDirectivePage, { query: { ...query, cursor } });
    setExtra((list) => [...list, ...next.items]);
    setCursor(next.nextCursor);
  };
  const items = [...(page.data?.items ?? []), ...extra];
  return (
    <>
      <PageHeader title={s('directivesTitle')} actions={can('coordination.directive.issue') ? <Link className="co-btn" to="/koordinasi/arahan/baru">{s('issue')}</Link> : undefined} />
      <form className="co-toolbar" role="search" onSubmit={(e) => { e.preventDefault(); set('q', q.trim()); }}>
        <div>
          <label htmlFor="co-f-status">{s('filterStatus')}</label>
          <select id="co-f-status" value={query.status} onChange={(e) => set('status', e.target.value === 'all' ? '' : e.target.value)}>
            <option value="all">{s('filterAll')}</option>
            <option value="open">{s('filterOpen')}</option>
            <option value="overdue">{s('filterOverdue')}</option>
            <option value="done">{s('filterDone')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="co-f-tag">{s('filterTag')}</label>
          <select id="co-f-tag" value={query.tag ?? ''} onChange={(e) => set('tag', e.target.value)}>
            <option value="">{s('filterAll')}</option>
            {DIRECTIVE_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {tag.replace('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="co-f-priority">{s('filterPriority')}</label>
          <select id="co-f-priority" value={query.priority ?? ''} onChange={(e) => set('priority', e.target.value)}>
            <option value="">{s('filterAll')}</option>
            {(['segera', 'penting', 'biasa'] as const).map((p) => (
              <option key={p} value={p}>
                {s(`priority_${p}` as SKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="co-f-q">{s('search')}</label>
          <input id="co-f-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
      </form>
      {page.error ? <ProblemAlert error={page.error} onRetry={page.reload} /> : null}
      {!page.data && !page.error ? <Loading /> : null}
      {page.data && (
        <section className="co-card" aria-label={s('directivesTitle')}>
          {items.length === 0 ? (
            <p className="co-muted">{s('nothing')}</p>
          ) : (
            <ul className="co-list">
              {items.map((d) => (
                <li key={d.id}>
                  <Link to={`/koordinasi/arahan/${d.id}`}>{d.text}</Link>
                  <div className="co-meta">
                    <span>{d.number}</span>
                    <span>{formatDate(d.issuedAt.slice(0, 10), lang)}</span>
                    <span>{d.issuerName}</span>
                    <span>
                      {s('due')} {formatDate(d.dueDate, lang)}
                    </span>
                    <span>{s('opdCount', { count: d.opdCount })}</span>
                    {d.overdueOpds > 0 && <span className="co-late">{s('overdueCount', { count: d.overdueOpds })}</span>}
                    {d.priority !== 'biasa' && <span>{s(`priority_${d.priority}` as SKey)}</span>}
                    {d.supersededBy && <span>{s('superseded', { number: d.supersededBy.number })}</span>}
                  </div>
                  <ProgressBar counts={d.counts} />
                </li>
              ))}
            </ul>
          )}
          {cursor && (
            <div className="co-actions">
              <button type="button" className="co-btn secondary" onClick={() => void more()}>
                {s('more')}
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}
