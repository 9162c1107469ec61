import { useEffect, useState, type FormEvent } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../contracts/roles';
import { api } from '../api/client';
import { Schemas, type TAuditRow, type TAuditVerify } from '../api/schemas';
import { DataTable, type Column } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';
import { formatDateTime, formatNumber } from '../lib/format';

interface Filters {
  action: string;
  entityType: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { action: '', entityType: '', from: '', to: '' };

/** A short, readable summary of an audit diff: the changed field names. */
export function diffSummary(diff: Record<string, unknown>): string {
  const fields = new Set<string>();
  for (const [key, value] of Object.entries(diff)) {
    if ((key === 'before' || key === 'after') && value && typeof value === 'object') Object.keys(value).forEach((k) => fields.add(k));
    else fields.add(key);
  }
  return [...fields].slice(0, 6).join(', ') + (fields.size > 6 ? ', …' : '');
}

export default function AuditPage() {
  const { t, pick, lang } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<TAuditRow[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [verify, setVerify] = useState<TAuditVerify | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);

  const fetchPage = (cursor: string | undefined, signal?: AbortSignal) =>
    api.get('/audit', Schemas.auditPage, { signal, query: { ...filters, limit: 50, cursor } });

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchPage(undefined, controller.signal)
      .then((page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
  }, [filters]);

  const more = async () => {
    if (!nextCursor) return;
    setLoading(true);
    try {
      const page = await fetchPage(nextCursor);
      setItems((previous) => [...previous, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    setVerifyError(null);
    try {
      setVerify(await api.get('/audit/verify', Schemas.auditVerify));
    } catch (err) {
      setVerifyError(err);
    } finally {
      setVerifying(false);
    }
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft });
  };

  const roleLabel = (role: string | null) => {
    const known = (ROLES as readonly string[]).includes(role ?? '');
    return known ? pick(ROLE_LABELS[role as Role]) : (role ?? '');
  };

  const columns: Column<TAuditRow>[] = [
    { key: 'at', header: t('audit.at'), render: (r) => <span className="nowrap">{formatDateTime(r.at, lang)}</span> },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (r) => (
        <span className="cell-stack">
          <span>{r.actorName ?? (r.actorKind === 'system' ? t('audit.system') : r.actorKind)}</span>
          {r.actorRole && r.actorKind !== 'system' && <span className="small muted">{roleLabel(r.actorRole)}</span>}
        </span>
      ),
    },
    { key: 'action', header: t('audit.action'), primary: true, render: (r) => <code>{r.action}</code> },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (r) => (
        <span className="cell-stack">
          <span>{r.entityType}</span>
          {r.entityId && (
            <span className="small muted mono" title={r.entityId}>
              {r.entityId.length > 12 ? `${r.entityId.slice(0, 8)}…` : r.entityId}
            </span>
          )}
        </span>
      ),
    },
    { key: 'diff', header: t('audit.detail'), render: (r) => <span className="small">{diffSummary(r.diff) || '–'}</span>, hideOnPhone: true },
    { key: 'seq', header: '#', align: 'end', render: (r) => <span className="small muted">{r.seq}</span>, hideOnPhone: true },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        actions={
          <button type="button" className="button" onClick={() => void runVerify()} disabled={verifying}>
            <Icon name="shield" size={18} /> {verifying ? t('audit.verifying') : t('audit.verify')}
          </button>
        }
      >
        <span>{t('audit.intro')}</span>
      </PageHeader>

      <ProblemAlert error={verifyError} />
      {verify && (
        <div className={`alert ${verify.ok ? 'alert-success' : 'alert-danger'}`} role={verify.ok ? 'status' : 'alert'}>
          <Icon name={verify.ok ? 'check' : 'alert'} />
          <div className="alert-body">
            <p className="alert-title">{verify.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}</p>
            <p>{t('audit.verifyRows', { count: formatNumber(verify.rows, lang) })}</p>
            {verify.problems.length > 0 && (
              <ul className="alert-list">
                {verify.problems.slice(0, 20).map((p) => (
                  <li key={`${p.seq}-${p.kind}`}>
                    #{p.seq} · {p.kind}: {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}

      <form className="toolbar filter-bar" onSubmit={apply} aria-label={t('audit.filters')}>
        <div className="field">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <input id="audit-action" placeholder="user." value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-entity">{t('audit.entityType')}</label>
          <input id="audit-entity" placeholder="opd" value={draft.entityType} onChange={(e) => setDraft({ ...draft, entityType: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input id="audit-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input id="audit-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('action.apply')}
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          >
            {t('action.reset')}
          </button>
        </div>
      </form>

      <ProblemAlert error={error} />
      {loading && items.length === 0 && <Loading />}
      {!loading || items.length > 0 ? (
        <DataTable caption={t('audit.title')} columns={columns} rows={items} rowKey={(r) => String(r.seq)} empty={<EmptyState icon="shield" title={t('audit.none')} />} />
      ) : null}
      {nextCursor && (
        <div className="load-more">
          <button type="button" className="button" onClick={() => void more()} disabled={loading}>
            {loading ? t('common.loading') : t('action.loadMore')}
          </button>
        </div>
      )}
    </>
  );
}
