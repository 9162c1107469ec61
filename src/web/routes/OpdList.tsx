import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { OPD_KIND_LABELS, OPD_KINDS, type TOpd } from '../../contracts/org';
import { useListApi } from '../api/client';
import { Schemas } from '../api/schemas';
import { useAuth } from '../app/auth';
import { Badge } from '../components/Badge';
import { DataTable, type Column } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { SearchInput } from '../components/SearchInput';
import { Tree } from '../components/Tree';
import { useI18n } from '../i18n';
import { formatNumber } from '../lib/format';
import { buildTree } from '../lib/tree';
import { OpdForm } from './OpdForm';

/** Case- and accent-insensitive match on name, short name and code. */
export function matchesOpd(opd: Pick<TOpd, 'name' | 'shortName' | 'code'>, query: string): boolean {
  const q = query.trim().toLocaleLowerCase('id');
  if (!q) return true;
  return [opd.name, opd.shortName ?? '', opd.code].some((text) => text.toLocaleLowerCase('id').includes(q));
}

function VacancyBadge({ count }: { count: number }) {
  const { t, lang } = useI18n();
  if (count === 0) return <span className="muted">0</span>;
  return <Badge tone="warning">{t('opd.vacantCount', { count: formatNumber(count, lang) })}</Badge>;
}

export default function OpdList() {
  const { t, pick, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'tree' ? 'tree' : 'list';
  const kind = params.get('kind') ?? '';
  const query = params.get('q') ?? '';
  const [creating, setCreating] = useState(false);
  const opds = useListApi('/opd', Schemas.opdList);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const all = useMemo(() => opds.data ?? [], [opds.data]);
  const filtered = useMemo(() => all.filter((o) => (!kind || o.kind === kind) && matchesOpd(o, query)), [all, kind, query]);
  const forest = useMemo(
    () => buildTree(filtered, { id: (o) => o.id, parentId: (o) => o.parentId, compare: (a, b) => a.name.localeCompare(b.name, 'id') }),
    [filtered],
  );
  const kindsPresent = useMemo(() => OPD_KINDS.filter((k) => all.some((o) => o.kind === k)), [all]);

  const columns: Column<TOpd>[] = [
    {
      key: 'name',
      header: t('opd.name'),
      primary: true,
      render: (o) => (
        <span className="cell-stack">
          <Link to={`/opd/${o.id}`}>{o.name}</Link>
          {o.headName && <span className="small muted">{o.headName}</span>}
        </span>
      ),
    },
    { key: 'kind', header: t('opd.kind'), render: (o) => pick(OPD_KIND_LABELS[o.kind]) },
    { key: 'wilayah', header: t('opd.wilayah'), render: (o) => o.wilayahName ?? '–', hideOnPhone: true },
    { key: 'pegawai', header: t('opd.pegawai'), align: 'end', render: (o) => formatNumber(o.pegawaiCount, lang) },
    { key: 'jabatan', header: t('opd.jabatan'), align: 'end', render: (o) => formatNumber(o.jabatanCount, lang) },
    { key: 'vacant', header: t('opd.vacancies'), align: 'end', render: (o) => <VacancyBadge count={o.vacancyCount} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('opdList.title')}
        actions={
          can('org.manage') && !creating ? (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t('opdList.add')}
            </button>
          ) : undefined
        }
      >
        {opds.data && <span>{t('opdList.count', { count: formatNumber(all.length, lang) })}</span>}
      </PageHeader>

      {creating && (
        <OpdForm
          allOpd={all}
          onCancel={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            navigate(`/opd/${saved.id}`);
          }}
        />
      )}

      <div className="toolbar">
        <SearchInput label={t('opdList.search')} placeholder={t('opdList.searchPlaceholder')} value={query} onChange={(v) => setParam('q', v)} />
        <div className="field">
          <label htmlFor="opd-kind">{t('opd.kind')}</label>
          <select id="opd-kind" value={kind} onChange={(e) => setParam('kind', e.target.value)}>
            <option value="">{t('opdList.allKinds')}</option>
            {kindsPresent.map((k) => (
              <option key={k} value={k}>
                {pick(OPD_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="segmented" role="group" aria-label={t('opdList.view')}>
          <button type="button" aria-pressed={view === 'list'} onClick={() => setParam('view', '')}>
            <Icon name="list" size={16} /> {t('opdList.viewList')}
          </button>
          <button type="button" aria-pressed={view === 'tree'} onClick={() => setParam('view', 'tree')}>
            <Icon name="tree" size={16} /> {t('opdList.viewTree')}
          </button>
        </div>
      </div>

      {opds.loading && !opds.data && <Loading />}
      <ProblemAlert error={opds.error} onRetry={opds.reload} />
      {opds.data && filtered.length === 0 && (
        <EmptyState icon="building" title={all.length === 0 ? t('opdList.empty') : t('opdList.noMatch')}>
          {all.length === 0 ? (can('org.import') ? <Link to="/impor">{t('opdList.emptyImport')}</Link> : null) : t('opdList.noMatchHint')}
        </EmptyState>
      )}
      {opds.data && filtered.length > 0 && (
        <p className="muted small" role="status">
          {t('opdList.shown', { count: formatNumber(filtered.length, lang) })}
        </p>
      )}
      {opds.data && filtered.length > 0 && view === 'list' && <DataTable caption={t('opdList.title')} columns={columns} rows={filtered} rowKey={(o) => o.id} />}
      {opds.data && filtered.length > 0 && view === 'tree' && (
        <div className="card">
          <Tree
            key={`${kind}|${query}`}
            nodes={forest}
            label={t('opdList.tree')}
            getKey={(o) => o.id}
            getName={(o) => o.name}
            initiallyOpenDepth={query || kind ? 9 : 1}
            renderLabel={(o) => (
              <span className="tree-opd">
                <Link to={`/opd/${o.id}`}>{o.name}</Link>
                <span className="small muted">{pick(OPD_KIND_LABELS[o.kind])}</span>
                {o.vacancyCount > 0 && <VacancyBadge count={o.vacancyCount} />}
              </span>
            )}
          />
        </div>
      )}
    </>
  );
}
