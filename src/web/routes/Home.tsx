import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TPemda } from '../../contracts/org';
import type { TFlag } from '../../contracts/system';
import { useApi } from '../api/client';
import { Schemas } from '../api/schemas';
import { useAuth, useMe } from '../app/auth';
import { Badge } from '../components/Badge';
import { EmptyState } from '../components/EmptyState';
import { Icon, type IconName } from '../components/Icon';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { WilayahMap } from '../components/WilayahMap';
import { useI18n } from '../i18n';
import { formatDate, formatDateRange, formatNumber } from '../lib/format';
import { HEAD_STATUS_KEYS, HEAD_STATUS_TONES, internalPath, SEVERITY_KEYS, SEVERITY_TONES } from '../lib/labels';
import type { MessageKey } from '../i18n/translate';

function HeadCard({ pemda }: { pemda: TPemda }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const head = pemda.head;
  return (
    <section className="card head-card" aria-labelledby="kepala-daerah">
      <h2 id="kepala-daerah" className="card-title">
        {t('home.head')}
      </h2>
      {head ? (
        <>
          <p className="head-name">{head.name}</p>
          <p className="head-meta">
            <span>{head.title}</span>
            <Badge tone={HEAD_STATUS_TONES[head.status]}>{t(HEAD_STATUS_KEYS[head.status])}</Badge>
          </p>
          <p className="small">
            {t('home.term')}: {formatDateRange(head.termStart, head.termEnd, lang)}
          </p>
          {head.legalBasis && <p className="small muted">{head.legalBasis}</p>}
        </>
      ) : (
        <p className="muted">
          {t('home.noHead')} {can('pemda.manage') && <Link to="/pengaturan">{t('home.addHead')}</Link>}
        </p>
      )}
    </section>
  );
}

const COUNTS: Array<{ key: keyof TPemda['counts']; label: MessageKey; icon: IconName; to: string }> = [
  { key: 'opd', label: 'home.count.opd', icon: 'building', to: '/opd' },
  { key: 'pegawai', label: 'home.count.pegawai', icon: 'people', to: '/pegawai' },
  { key: 'jabatan', label: 'home.count.jabatan', icon: 'list', to: '/opd' },
  { key: 'vacancies', label: 'home.count.vacancies', icon: 'alert', to: '/opd' },
  { key: 'kecamatan', label: 'home.count.kecamatan', icon: 'map', to: '/peta?level=kecamatan' },
  { key: 'kelurahan', label: 'home.count.kelurahan', icon: 'map', to: '/peta?level=kelurahan' },
];

function Counts({ pemda }: { pemda: TPemda }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="ringkasan">
      <h2 id="ringkasan" className="visually-hidden">
        {t('home.summary')}
      </h2>
      <ul className="stat-grid">
        {COUNTS.map((item) => (
          <li key={item.key}>
            <Link to={item.to} className={`stat${item.key === 'vacancies' && pemda.counts.vacancies > 0 ? ' stat-warn' : ''}`}>
              <Icon name={item.icon} size={20} />
              <span className="stat-value">{formatNumber(pemda.counts[item.key], lang)}</span>
              <span className="stat-label">{t(item.label)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Flags grouped by their domain (the part of `kind` before the dot), worst severity first, each group showing its
 * first few: the demo has ~100 flags, mostly per-OPD complaint deadlines, and a flat list buried the rare
 * critical one on a phone.
 */
const GROUP_LABELS: Record<string, { id: string; en: string }> = {
  coordination: { id: 'Arahan & tindak lanjut', en: 'Directives & follow-up' },
  complaints: { id: 'Pengaduan masyarakat', en: 'Public complaints' },
  discipline: { id: 'Disiplin pegawai', en: 'Staff discipline' },
  attendance: { id: 'Kehadiran', en: 'Attendance' },
  budget: { id: 'Anggaran & pendapatan', en: 'Budget & revenue' },
  indicators: { id: 'Data & intervensi', en: 'Data & interventions' },
  neutrality: { id: 'Netralitas ASN', en: 'ASN neutrality' },
  staffing: { id: 'Kepegawaian', en: 'Staffing' },
};
const SEVERITY_RANK: Record<TFlag['severity'], number> = { critical: 0, warning: 1, info: 2 };
const GROUP_SHOWN = 3;

interface FlagGroup {
  key: string;
  flags: TFlag[];
  worst: TFlag['severity'];
}

function groupFlags(flags: readonly TFlag[]): FlagGroup[] {
  const groups = new Map<string, TFlag[]>();
  for (const flag of flags) {
    const key = flag.kind.split('.')[0] ?? flag.kind;
    groups.set(key, [...(groups.get(key) ?? []), flag]);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const sorted = [...list].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.since.localeCompare(b.since));
      return { key, flags: sorted, worst: sorted[0]?.severity ?? 'info' };
    })
    .sort((a, b) => SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst] || b.flags.length - a.flags.length);
}

function FlagItem({ flag }: { flag: TFlag }) {
  const { t, lang, pick } = useI18n();
  const to = internalPath(flag.link);
  const title = pick(flag.title);
  return (
    <li className={`flag flag-${flag.severity}`}>
      <span className="flag-meta">
        <Badge tone={SEVERITY_TONES[flag.severity]}>{t(SEVERITY_KEYS[flag.severity])}</Badge>
        <span className="small muted">{t('flags.since', { date: formatDate(flag.since, lang) })}</span>
      </span>
      <span className="flag-title">{to ? <Link to={to}>{title}</Link> : title}</span>
    </li>
  );
}

function FlagGroupCard({ group }: { group: FlagGroup }) {
  const { t, lang, pick } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? group.flags : group.flags.slice(0, GROUP_SHOWN);
  const bySeverity = (['critical', 'warning', 'info'] as const).map((sev) => [sev, group.flags.filter((f) => f.severity === sev).length] as const).filter(([, n]) => n > 0);
  const headingId = `flag-group-${group.key}`;
  return (
    <section className="flag-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="flag-group-title">
        <span>{pick(GROUP_LABELS[group.key] ?? { id: group.key, en: group.key })}</span>
        <span className="flag-group-counts">
          {bySeverity.map(([sev, n]) => (
            <Badge key={sev} tone={SEVERITY_TONES[sev]}>
              {`${formatNumber(n, lang)} ${t(SEVERITY_KEYS[sev]).toLowerCase()}`}
            </Badge>
          ))}
        </span>
      </h3>
      <ul className="flag-list">
        {shown.map((flag, index) => (
          <FlagItem key={`${flag.kind}-${flag.opdId ?? ''}-${index}`} flag={flag} />
        ))}
      </ul>
      {group.flags.length > GROUP_SHOWN && (
        <button type="button" className="button button-small button-ghost" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
          {showAll ? t('flags.showFewer') : t('flags.showAll', { count: formatNumber(group.flags.length, lang) })}
        </button>
      )}
    </section>
  );
}

function FlagList() {
  const { t, lang } = useI18n();
  const flags = useApi('/flags', Schemas.flags);
  const all = flags.data?.flags ?? [];
  let body;
  if (flags.loading && !flags.data) body = <Loading />;
  else if (flags.error) body = <ProblemAlert error={flags.error} onRetry={flags.reload} />;
  else if (!flags.data || flags.data.flags.length === 0)
    body = (
      <EmptyState icon="check" title={t('flags.none')}>
        {t('flags.noneHint')}
      </EmptyState>
    );
  else body = groupFlags(all).map((group) => <FlagGroupCard key={group.key} group={group} />);
  return (
    <section className="card" aria-labelledby="tanda-bahaya">
      <h2 id="tanda-bahaya" className="card-title">
        <Icon name="flag" size={18} /> {t('flags.title')}
        {all.length > 0 && <Badge tone="danger">{formatNumber(all.length, lang)}</Badge>}
      </h2>
      {body}
    </section>
  );
}

export default function Home() {
  const { t } = useI18n();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const pemda = useApi('/pemda', Schemas.pemda);

  return (
    <>
      <PageHeader title={pemda.data?.name ?? me.pemda?.name ?? t('home.title')} eyebrow={t('home.eyebrow')}>
        {pemda.data && (
          <span>
            {pemda.data.provinceName} · {t('home.kode')} {pemda.data.kodeWilayah}
          </span>
        )}
        {pemda.data?.synthetic && <Badge tone="warning">{t('layout.synthetic')}</Badge>}
      </PageHeader>
      <p className="lead">{t('home.greeting', { name: me.name })}</p>
      {pemda.loading && !pemda.data && <Loading />}
      <ProblemAlert error={pemda.error} onRetry={pemda.reload} />
      {pemda.data && (
        <>
          <Counts pemda={pemda.data} />
          <div className="grid-2">
            <div>
              <HeadCard pemda={pemda.data} />
              <section className="card" aria-labelledby="peta-ringkas">
                <div className="card-head">
                  <h2 id="peta-ringkas" className="card-title">
                    {t('home.map')}
                  </h2>
                  <Link to="/peta" className="small">
                    {t('home.mapOpen')}
                  </Link>
                </div>
                <WilayahMap level="kecamatan" height={300} onSelect={(kode) => navigate(`/peta?level=kecamatan&kode=${encodeURIComponent(kode)}`)} />
              </section>
            </div>
            {can('flags.read') ? (
              <FlagList />
            ) : (
              <section className="card" aria-labelledby="akses-cepat">
                <h2 id="akses-cepat" className="card-title">
                  {t('home.quick')}
                </h2>
                <ul className="link-list">
                  <li>
                    <Link to="/pegawai">{t('home.quickSearch')}</Link>
                  </li>
                  {me.opdId && (
                    <li>
                      <Link to={`/opd/${me.opdId}`}>{me.opdName ?? t('home.myOpd')}</Link>
                    </li>
                  )}
                </ul>
              </section>
            )}
          </div>
        </>
      )}
    </>
  );
}
