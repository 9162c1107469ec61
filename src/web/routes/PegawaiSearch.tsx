import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TPegawaiSummary } from '../../contracts/org';
import { api, useListApi } from '../api/client';
import { Schemas } from '../api/schemas';
import { Badge } from '../components/Badge';
import { DataTable, type Column } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { SearchInput } from '../components/SearchInput';
import { useI18n } from '../i18n';
import { formatNip, formatNumber, normalizeSearchQuery } from '../lib/format';
import { PEGAWAI_STATUS_KEYS, PEGAWAI_STATUS_TONES } from '../lib/labels';

const PAGE_SIZE = 25;

export default function PegawaiSearch() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const opd = params.get('opd') ?? '';
  const normalized = normalizeSearchQuery(query);
  const opds = useListApi('/opd', Schemas.opdList);
  const opdOptions = useMemo(() => [...(opds.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id')), [opds.data]);

  const [items, setItems] = useState<TPegawaiSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api
      .get('/pegawai', Schemas.pegawaiPage, { signal: controller.signal, query: { q: normalized, opd, limit: PAGE_SIZE } })
      .then((page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setLoaded(true);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
  }, [normalized, opd]);

  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api.get('/pegawai', Schemas.pegawaiPage, { query: { q: normalized, opd, limit: PAGE_SIZE, cursor: nextCursor } });
      setItems((previous) => [...previous, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  const columns: Column<TPegawaiSummary>[] = [
    {
      key: 'name',
      header: t('pegawai.name'),
      primary: true,
      render: (p) => (
        <span className="cell-stack">
          <Link to={`/pegawai/${p.id}`}>{p.fullName || p.name}</Link>
          {p.jabatanName && <span className="small muted">{p.jabatanName}</span>}
        </span>
      ),
    },
    { key: 'nip', header: t('pegawai.nip'), render: (p) => (p.nip ? <span className="nip">{formatNip(p.nip)}</span> : '–') },
    { key: 'opd', header: t('pegawai.opd'), render: (p) => <Link to={`/opd/${p.opdId}`}>{p.opdName}</Link> },
    {
      key: 'status',
      header: t('pegawai.status'),
      render: (p) => (
        <span>
          <Badge tone={PEGAWAI_STATUS_TONES[p.status]}>{t(PEGAWAI_STATUS_KEYS[p.status])}</Badge>
          {p.golongan && <span className="small muted"> {p.golongan}</span>}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('pegawaiSearch.title')} />
      <div className="toolbar">
        <SearchInput
          label={t('pegawaiSearch.search')}
          placeholder={t('pegawaiSearch.placeholder')}
          value={query}
          onChange={(v) => setParam('q', v)}
          autoFocus
        />
        <div className="field">
          <label htmlFor="pegawai-opd">{t('pegawai.opd')}</label>
          <select id="pegawai-opd" value={opd} onChange={(e) => setParam('opd', e.target.value)}>
            <option value="">{t('pegawaiSearch.allOpd')}</option>
            {opdOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted small" role="status" aria-live="polite">
        {loading ? t('common.searching') : loaded ? t(nextCursor ? 'pegawaiSearch.shownMore' : 'pegawaiSearch.shown', { count: formatNumber(items.length, lang) }) : ''}
      </p>
      <ProblemAlert error={error} />
      {loading && !loaded && <Loading />}
      {loaded && (
        <div className={loading ? 'is-stale' : undefined}>
          <DataTable
            caption={t('pegawaiSearch.results')}
            columns={columns}
            rows={items}
            rowKey={(p) => p.id}
            empty={
              <EmptyState icon="search" title={t('pegawaiSearch.none')}>
                {query ? t('pegawaiSearch.noneHint', { query }) : null}
              </EmptyState>
            }
          />
        </div>
      )}
      {nextCursor && (
        <div className="load-more">
          <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('action.loadMore')}
          </button>
        </div>
      )}
    </>
  );
}
