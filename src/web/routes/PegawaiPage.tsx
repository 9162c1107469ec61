import { Link, useParams } from 'react-router';
import type { TPegawai } from '../../contracts/org';
import { useApi } from '../api/client';
import { Schemas } from '../api/schemas';
import { Badge } from '../components/Badge';
import { DataTable, type Column } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';
import { formatDate, formatNip, nameWithTitles } from '../lib/format';
import { PEGAWAI_STATUS_KEYS, PEGAWAI_STATUS_TONES } from '../lib/labels';

type HistoryRow = TPegawai['history'][number];

export default function PegawaiPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const pegawai = useApi(`/pegawai/${encodeURIComponent(id)}`, Schemas.pegawai);
  const p = pegawai.data;

  if (pegawai.loading && !p) return <Loading />;
  if (pegawai.error || !p) {
    return (
      <>
        <PageHeader title={t('pegawaiPage.notFound')} />
        <ProblemAlert error={pegawai.error} onRetry={pegawai.reload} />
        <Link to="/pegawai">{t('pegawaiPage.back')}</Link>
      </>
    );
  }

  const historyColumns: Column<HistoryRow>[] = [
    { key: 'jabatan', header: t('pegawaiPage.jabatan'), primary: true, render: (h) => h.jabatanName },
    { key: 'opd', header: t('pegawai.opd'), render: (h) => h.opdName },
    { key: 'kind', header: t('pegawaiPage.kind'), render: (h) => (h.kind === 'definitif' ? t('head.status.definitif') : h.kind.toUpperCase()) },
    {
      key: 'period',
      header: t('pegawaiPage.period'),
      render: (h) => (h.endDate ? `${formatDate(h.startDate, lang)} – ${formatDate(h.endDate, lang)}` : t('opd.since', { date: formatDate(h.startDate, lang) })),
    },
    { key: 'sk', header: t('pegawaiPage.sk'), render: (h) => h.skNumber ?? '–', hideOnPhone: true },
  ];

  const displayName = nameWithTitles(p.name, p.gelarDepan, p.gelarBelakang);
  return (
    <>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/pegawai">{t('pegawaiSearch.title')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`/opd/${p.opdId}`}>{p.opdName}</Link>
      </nav>
      <PageHeader title={displayName} eyebrow={p.jabatanName ?? t('pegawaiPage.noJabatan')}>
        <Badge tone={PEGAWAI_STATUS_TONES[p.status]}>{t(PEGAWAI_STATUS_KEYS[p.status])}</Badge>
        {!p.active && <Badge tone="neutral">{t('pegawaiPage.inactive')}</Badge>}
        {p.synthetic && <Badge tone="warning">{t('layout.synthetic')}</Badge>}
      </PageHeader>

      <dl className="facts">
        <div>
          <dt>{t('pegawai.nip')}</dt>
          <dd className="nip">{p.nip ? formatNip(p.nip) : '–'}</dd>
        </div>
        <div>
          <dt>{t('pegawai.opd')}</dt>
          <dd>
            <Link to={`/opd/${p.opdId}`}>{p.opdName}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('pegawai.golongan')}</dt>
          <dd>{p.golongan ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('pegawaiPage.sex')}</dt>
          <dd>{p.sex === 'L' ? t('pegawaiPage.male') : p.sex === 'P' ? t('pegawaiPage.female') : '–'}</dd>
        </div>
        {p.birthDate && (
          <div>
            <dt>{t('pegawaiPage.birthDate')}</dt>
            <dd>{formatDate(p.birthDate, lang)}</dd>
          </div>
        )}
        {p.office && (
          <div>
            <dt>{t('pegawaiPage.office')}</dt>
            <dd>{p.office}</dd>
          </div>
        )}
        {p.phone && (
          <div>
            <dt>{t('pegawaiPage.phone')}</dt>
            <dd>
              <a href={`tel:${p.phone}`}>{p.phone}</a>
            </dd>
          </div>
        )}
        {p.email && (
          <div>
            <dt>{t('pegawaiPage.email')}</dt>
            <dd>
              <a href={`mailto:${p.email}`}>{p.email}</a>
            </dd>
          </div>
        )}
      </dl>

      <section className="section" aria-labelledby="riwayat-jabatan">
        <h2 id="riwayat-jabatan">{t('pegawaiPage.history')}</h2>
        <DataTable
          caption={t('pegawaiPage.history')}
          columns={historyColumns}
          rows={p.history}
          rowKey={(h) => h.id}
          empty={<EmptyState icon="list" title={t('pegawaiPage.noHistory')} />}
        />
      </section>
    </>
  );
}
