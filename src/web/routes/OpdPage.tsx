import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { JABATAN_KIND_LABELS, JABATAN_KINDS, OPD_KIND_LABELS, type TJabatan, type TOpd } from '../../contracts/org';
import { useApi, useListApi } from '../api/client';
import { Schemas } from '../api/schemas';
import { useAuth } from '../app/auth';
import { Badge } from '../components/Badge';
import { DataTable, type Column } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { SearchInput } from '../components/SearchInput';
import { Tree } from '../components/Tree';
import { useI18n } from '../i18n';
import { formatDate, formatNip, formatNumber, normalizeSearchQuery } from '../lib/format';
import { buildTree } from '../lib/tree';
import { OpdForm } from './OpdForm';

const KIND_ORDER = new Map(JABATAN_KINDS.map((kind, index) => [kind, index]));
/** Big OPDs (a dinas kesehatan, a hospital) have hundreds of positions: show the first ones, the rest on demand. */
const JABATAN_PAGE = 50;

/** Position name, code or holder's name/NIP contains the query (case-insensitive). */
export function matchesJabatan(jabatan: TJabatan, query: string): boolean {
  const q = normalizeSearchQuery(query).toLocaleLowerCase('id');
  if (!q) return true;
  const holder = jabatan.holder;
  return [jabatan.name, jabatan.code, holder?.pegawaiName ?? '', holder?.nip ?? ''].some((text) => text.toLocaleLowerCase('id').includes(q));
}

/** Head of the OPD first, then by echelon (JPT, administrator, pengawas, fungsional, pelaksana), then by name. */
export function sortJabatan(list: readonly TJabatan[]): TJabatan[] {
  return [...list].sort(
    (a, b) =>
      Number(b.isOpdHead) - Number(a.isOpdHead) ||
      (KIND_ORDER.get(a.kind) ?? 9) - (KIND_ORDER.get(b.kind) ?? 9) ||
      b.kelasJabatan - a.kelasJabatan ||
      a.name.localeCompare(b.name, 'id'),
  );
}

function Holder({ jabatan }: { jabatan: TJabatan }) {
  const { t, lang } = useI18n();
  const holder = jabatan.holder;
  if (!holder || jabatan.vacant) {
    return (
      <span className="cell-stack">
        <Badge tone="warning">{t('opd.vacant')}</Badge>
        {holder && (
          <span className="small muted">
            {holder.kind.toUpperCase()}: <Link to={`/pegawai/${holder.pegawaiId}`}>{holder.pegawaiName}</Link>
          </span>
        )}
      </span>
    );
  }
  return (
    <span className="cell-stack">
      <span>
        <Link to={`/pegawai/${holder.pegawaiId}`}>{holder.pegawaiName}</Link>{' '}
        {holder.kind !== 'definitif' && <Badge tone="info">{holder.kind.toUpperCase()}</Badge>}
      </span>
      {holder.nip && <span className="small muted nip">{formatNip(holder.nip)}</span>}
      <span className="small muted">{t('opd.since', { date: formatDate(holder.startDate, lang) })}</span>
    </span>
  );
}

export default function OpdPage() {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const { can } = useAuth();
  const detail = useApi(`/opd/${encodeURIComponent(id)}`, Schemas.opdDetail);
  const [onlyVacant, setOnlyVacant] = useState(false);
  const [jabatanQuery, setJabatanQuery] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [editing, setEditing] = useState(false);
  const allOpd = useListApi(editing ? '/opd' : null, Schemas.opdList);

  const data = detail.data;
  const unitName = useMemo(() => new Map((data?.units ?? []).map((u) => [u.id, u.name])), [data]);
  const jabatanPerUnit = useMemo(() => {
    const counts = new Map<string, { total: number; vacant: number }>();
    for (const j of data?.jabatan ?? []) {
      if (!j.unitId) continue;
      const entry = counts.get(j.unitId) ?? { total: 0, vacant: 0 };
      entry.total += 1;
      if (j.vacant) entry.vacant += 1;
      counts.set(j.unitId, entry);
    }
    return counts;
  }, [data]);
  const unitForest = useMemo(() => buildTree(data?.units ?? [], { id: (u) => u.id, parentId: (u) => u.parentId }), [data]);
  const jabatan = useMemo(
    () => sortJabatan((data?.jabatan ?? []).filter((j) => (!onlyVacant || j.vacant) && matchesJabatan(j, jabatanQuery))),
    [data, onlyVacant, jabatanQuery],
  );
  const shownJabatan = showAll ? jabatan : jabatan.slice(0, JABATAN_PAGE);

  if (detail.loading && !data) return <Loading />;
  if (detail.error || !data) {
    return (
      <>
        <PageHeader title={t('opdPage.notFound')} />
        <ProblemAlert error={detail.error} onRetry={detail.reload} />
        <Link to="/opd">{t('opdPage.back')}</Link>
      </>
    );
  }

  const { opd, parent, children } = data;
  const vacancies = data.jabatan.filter((j) => j.vacant).length;

  const jabatanColumns: Column<TJabatan>[] = [
    {
      key: 'name',
      header: t('opd.jabatanName'),
      primary: true,
      render: (j) => (
        <span className="cell-stack">
          <span>
            {j.name} {j.isOpdHead && <Badge tone="accent">{t('opd.head')}</Badge>}
          </span>
          <span className="small muted">{j.code}</span>
        </span>
      ),
    },
    {
      key: 'kind',
      header: t('opd.jabatanKind'),
      render: (j) => (
        <span className="cell-stack">
          <span>{pick(JABATAN_KIND_LABELS[j.kind])}</span>
          <span className="small muted">{t('opd.kelas', { kelas: j.kelasJabatan })}</span>
        </span>
      ),
    },
    { key: 'unit', header: t('opd.unit'), render: (j) => (j.unitId ? (unitName.get(j.unitId) ?? '–') : '–'), hideOnPhone: true },
    { key: 'holder', header: t('opd.holder'), render: (j) => <Holder jabatan={j} /> },
  ];

  const childColumns: Column<TOpd>[] = [
    { key: 'name', header: t('opd.name'), primary: true, render: (o) => <Link to={`/opd/${o.id}`}>{o.name}</Link> },
    { key: 'head', header: t('opd.headName'), render: (o) => o.headName ?? '–' },
    { key: 'pegawai', header: t('opd.pegawai'), align: 'end', render: (o) => formatNumber(o.pegawaiCount, lang) },
    {
      key: 'vacant',
      header: t('opd.vacancies'),
      align: 'end',
      render: (o) => (o.vacancyCount > 0 ? <Badge tone="warning">{formatNumber(o.vacancyCount, lang)}</Badge> : '0'),
    },
  ];

  return (
    <>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/opd">{t('opdList.title')}</Link>
        {parent && (
          <>
            <span aria-hidden="true"> / </span>
            <Link to={`/opd/${parent.id}`}>{parent.name}</Link>
          </>
        )}
      </nav>
      <PageHeader
        title={opd.name}
        eyebrow={
          <>
            {pick(OPD_KIND_LABELS[opd.kind])} · <code>{opd.code}</code>
          </>
        }
        actions={
          can('org.manage') && !editing ? (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('action.edit')}
            </button>
          ) : undefined
        }
      >
        {!opd.active && <Badge tone="neutral">{t('opd.inactive')}</Badge>}
      </PageHeader>

      {editing && allOpd.data && (
        <OpdForm
          opd={opd}
          allOpd={allOpd.data}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            detail.reload();
          }}
        />
      )}
      {editing && allOpd.loading && <Loading />}

      <dl className="facts">
        <div>
          <dt>{t('opd.headName')}</dt>
          <dd>{opd.headName ?? <Badge tone="warning">{t('opd.vacant')}</Badge>}</dd>
        </div>
        {parent && (
          <div>
            <dt>{t('opd.parent')}</dt>
            <dd>
              <Link to={`/opd/${parent.id}`}>{parent.name}</Link>
            </dd>
          </div>
        )}
        {opd.wilayahName && (
          <div>
            <dt>{t('opd.wilayah')}</dt>
            <dd>
              {opd.wilayahName} <span className="muted">({opd.wilayahKode})</span>
            </dd>
          </div>
        )}
        {opd.address && (
          <div>
            <dt>{t('opd.address')}</dt>
            <dd>{opd.address}</dd>
          </div>
        )}
      </dl>

      <ul className="stat-grid stat-grid-3">
        <li className="stat">
          <span className="stat-value">{formatNumber(opd.pegawaiCount, lang)}</span>
          <span className="stat-label">{t('opd.pegawai')}</span>
        </li>
        <li className="stat">
          <span className="stat-value">{formatNumber(data.jabatan.length, lang)}</span>
          <span className="stat-label">{t('opd.jabatan')}</span>
        </li>
        <li className={vacancies > 0 ? 'stat stat-warn' : 'stat'}>
          <span className="stat-value">{formatNumber(vacancies, lang)}</span>
          <span className="stat-label">{t('opd.vacancies')}</span>
        </li>
      </ul>

      {children.length > 0 && (
        <section className="section" aria-labelledby="opd-children">
          <h2 id="opd-children">{opd.kind === 'kecamatan' ? t('opdPage.kelurahan') : t('opdPage.children')}</h2>
          <DataTable caption={t('opdPage.children')} columns={childColumns} rows={children} rowKey={(o) => o.id} />
        </section>
      )}

      <section className="section" aria-labelledby="opd-units">
        <h2 id="opd-units">{t('opdPage.units')}</h2>
        {data.units.length === 0 ? (
          <EmptyState icon="tree" title={t('opdPage.noUnits')} />
        ) : (
          <div className="card">
            <Tree
              nodes={unitForest}
              label={t('opdPage.units')}
              getKey={(u) => u.id}
              getName={(u) => u.name}
              initiallyOpenDepth={2}
              renderLabel={(u) => {
                const counts = jabatanPerUnit.get(u.id);
                return (
                  <span className="tree-opd">
                    <span>{u.name}</span>
                    {counts && <span className="small muted">{t('opdPage.unitJabatan', { count: counts.total })}</span>}
                    {counts && counts.vacant > 0 && <Badge tone="warning">{t('opd.vacantCount', { count: counts.vacant })}</Badge>}
                  </span>
                );
              }}
            />
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="opd-jabatan">
        <h2 id="opd-jabatan">{t('opdPage.jabatan')}</h2>
        <div className="toolbar">
          <SearchInput label={t('opdPage.jabatanSearch')} placeholder={t('opdPage.jabatanSearchPlaceholder')} value={jabatanQuery} onChange={setJabatanQuery} />
          <label className="checkbox">
            <input type="checkbox" checked={onlyVacant} onChange={(e) => setOnlyVacant(e.target.checked)} />
            {t('opdPage.onlyVacant', { count: vacancies })}
          </label>
        </div>
        <p className="muted small" role="status">
          {t('opdPage.jabatanShown', { shown: formatNumber(shownJabatan.length, lang), total: formatNumber(jabatan.length, lang) })}
        </p>
        <DataTable
          caption={t('opdPage.jabatan')}
          columns={jabatanColumns}
          rows={shownJabatan}
          rowKey={(j) => j.id}
          rowClassName={(j) => (j.vacant ? 'row-vacant' : undefined)}
          empty={<EmptyState icon="list" title={onlyVacant ? t('opdPage.noVacancies') : t('opdPage.noJabatan')} />}
        />
        {!showAll && jabatan.length > JABATAN_PAGE && (
          <div className="load-more">
            <button type="button" className="button" onClick={() => setShowAll(true)}>
              {t('opdPage.showAllJabatan', { count: formatNumber(jabatan.length, lang) })}
            </button>
          </div>
        )}
      </section>
    </>
  );
}
