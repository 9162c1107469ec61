/**
 * The navigation registry. A module adds its screen to the menu with one entry here (and its page to
 * app/pages.ts); the menu shows an entry only when the signed-in account has the entry's ability (a policy
 * action name from /auth/me `abilities`), so nobody sees a link that would answer 403.
 */
import type { TLocalized } from '../../contracts/common';
import type { IconName } from './Icon';

export interface NavItem {
  path: string;
  label: TLocalized;
  icon?: IconName;
  /** Policy action required to see the entry. */
  ability?: string;
  /** Menu group; entries keep their array order inside a group. */
  group?: 'main' | 'admin';
}

export const NAV: NavItem[] = [
  { path: '/', label: { id: 'Beranda', en: 'Home' }, icon: 'home' },
  { path: '/koordinasi/pimpinan', label: { id: 'Koordinasi', en: 'Coordination' }, icon: 'flag', ability: 'coordination.leader' },
  { path: '/koordinasi/opd-saya', label: { id: 'Arahan untuk OPD saya', en: 'Directives for my OPD' }, icon: 'check', ability: 'coordination.report.write' },
  { path: '/koordinasi/arahan', label: { id: 'Arahan pimpinan', en: 'Directives' }, icon: 'list', ability: 'coordination.read' },
  { path: '/koordinasi/rapat', label: { id: 'Rapat', en: 'Meetings' }, icon: 'people', ability: 'coordination.read' },
  { path: '/koordinasi/laporan', label: { id: 'Laporan berkala', en: 'Periodic reports' }, icon: 'table', ability: 'coordination.read' },
  { path: '/pengaduan', label: { id: 'Pengaduan masyarakat', en: 'Public complaints' }, icon: 'flag', ability: 'complaints.read' },
  { path: '/ikm', label: { id: 'Survei kepuasan (IKM)', en: 'Satisfaction survey (IKM)' }, icon: 'table', ability: 'ikm.read' },
  { path: '/pengaduan/pengaturan', label: { id: 'Pengaturan pengaduan', en: 'Complaint settings' }, icon: 'settings', ability: 'complaints.catalogue.manage' },
  { path: '/opd', label: { id: 'Perangkat Daerah', en: 'Agencies (OPD)' }, icon: 'building', ability: 'org.read' },
  { path: '/pegawai', label: { id: 'Pegawai', en: 'Employees' }, icon: 'people', ability: 'org.read' },
  { path: '/peta', label: { id: 'Peta wilayah', en: 'Region map' }, icon: 'map', ability: 'org.read' },
  { path: '/anggaran', label: { id: 'Anggaran & PAD', en: 'Budget & revenue' }, icon: 'table', ability: 'budget.read' },
  { path: '/indikator', label: { id: 'Indikator', en: 'Indicators' }, icon: 'list', ability: 'indicators.read' },
  { path: '/kerentanan', label: { id: 'Peta kerentanan', en: 'Vulnerability map' }, icon: 'map', ability: 'indicators.read' },
  { path: '/intervensi', label: { id: 'Intervensi', en: 'Interventions' }, icon: 'flag', ability: 'indicators.read' },
  { path: '/wilayah-saya', label: { id: 'Wilayah saya', en: 'My territory' }, icon: 'home', ability: 'indicators.read' },
  { path: '/indikator/data-terbuka', label: { id: 'Kelola data terbuka', en: 'Manage open data' }, icon: 'upload', ability: 'indicators.walidata' },
  { path: '/impor', label: { id: 'Impor data', en: 'Import data' }, icon: 'upload', ability: 'org.import', group: 'admin' },
  { path: '/pengguna', label: { id: 'Pengguna', en: 'Users' }, icon: 'users', ability: 'users.manage', group: 'admin' },
  { path: '/audit', label: { id: 'Jejak audit', en: 'Audit trail' }, icon: 'shield', ability: 'audit.read', group: 'admin' },
  { path: '/pengaturan', label: { id: 'Pengaturan Pemda', en: 'Pemda settings' }, icon: 'settings', ability: 'pemda.manage', group: 'admin' },
  { path: '/netralitas/kasus', label: { id: 'Kasus netralitas', en: 'Neutrality cases' }, icon: 'shield', ability: 'neutrality.case.read' },
  { path: '/netralitas/ikrar', label: { id: 'Ikrar netralitas', en: 'Neutrality pledge' }, icon: 'shield', ability: 'neutrality.pledge.sign' },
  { path: '/netralitas/pemilihan', label: { id: 'Kalender pemilihan', en: 'Election calendar' }, icon: 'list', ability: 'neutrality.stats.read' },
  { path: '/netralitas/kampanye', label: { id: 'Kampanye ikrar', en: 'Pledge campaigns' }, icon: 'check', ability: 'neutrality.campaign.manage' },
  { path: '/netralitas/sanksi', label: { id: 'Registri sanksi netralitas', en: 'Neutrality sanctions' }, icon: 'table', ability: 'neutrality.sanction.read' },
  { path: '/kepegawaian/usulan', label: { id: 'Pengisian jabatan', en: 'Filling posts' }, icon: 'people', ability: 'staffing.read' },
  { path: '/absensi', label: { id: 'Absensi saya', en: 'My attendance' }, icon: 'check', ability: 'attendance.self', group: 'main' },
  { path: '/absensi/rekap', label: { id: 'Rekap absensi', en: 'Attendance recap' }, icon: 'table', ability: 'attendance.read', group: 'main' },
  { path: '/absensi/perangkat', label: { id: 'Mesin absensi', en: 'Attendance devices' }, icon: 'upload', ability: 'attendance.manage', group: 'main' },
  { path: '/disiplin', label: { id: 'Kasus disiplin', en: 'Discipline cases' }, icon: 'shield', ability: 'discipline.read', group: 'main' },
  { path: '/tpp', label: { id: 'Lembar TPP', en: 'TPP sheet' }, icon: 'table', ability: 'tpp.read', group: 'main' },
  { path: '/absensi/cuti', label: { id: 'Cuti & izin', en: 'Leave & permits' }, icon: 'list', ability: 'attendance.self', group: 'main' },
  { path: '/absensi/persetujuan', label: { id: 'Persetujuan cuti', en: 'Leave approvals' }, icon: 'check', ability: 'attendance.leave.decide', group: 'main' },
  { path: '/absensi/jadwal-shift', label: { id: 'Jadwal shift', en: 'Shift roster' }, icon: 'table', ability: 'attendance.roster', group: 'main' },
  { path: '/absensi/kalender', label: { id: 'Kalender kerja', en: 'Work calendar' }, icon: 'settings', ability: 'attendance.manage', group: 'main' },
  { path: '/disiplin/sanksi', label: { id: 'Register hukuman', en: 'Sanction registry' }, icon: 'shield', ability: 'discipline.read', group: 'main' },
];

/** Menu sections, in display order; an entry's section comes from its `group` or, failing that, its path. */
export const NAV_SECTIONS = [
  { key: 'home', label: null },
  { key: 'coordination', label: { id: 'Koordinasi', en: 'Coordination' } },
  { key: 'people', label: { id: 'Kepegawaian', en: 'Staff' } },
  { key: 'service', label: { id: 'Layanan publik', en: 'Public service' } },
  { key: 'development', label: { id: 'Pembangunan & wilayah', en: 'Development & regions' } },
  { key: 'admin', label: { id: 'Administrasi', en: 'Administration' } },
] as const satisfies ReadonlyArray<{ key: string; label: TLocalized | null }>;
export type NavSectionKey = (typeof NAV_SECTIONS)[number]['key'];

const SECTION_BY_PREFIX: Array<[string, NavSectionKey]> = [
  ['/koordinasi', 'coordination'],
  ['/opd', 'people'],
  ['/pegawai', 'people'],
  ['/absensi', 'people'],
  ['/disiplin', 'people'],
  ['/tpp', 'people'],
  ['/kepegawaian', 'people'],
  ['/netralitas', 'people'],
  ['/pengaduan', 'service'],
  ['/ikm', 'service'],
  ['/anggaran', 'development'],
  ['/indikator', 'development'],
  ['/kerentanan', 'development'],
  ['/intervensi', 'development'],
  ['/wilayah', 'development'],
  ['/peta', 'development'],
];

export function sectionOf(item: NavItem): NavSectionKey {
  if (item.group === 'admin') return 'admin';
  if (item.path === '/') return 'home';
  const match = SECTION_BY_PREFIX.find(([prefix]) => item.path === prefix || item.path.startsWith(`${prefix}/`) || item.path.startsWith(`${prefix}-`));
  return match ? match[1] : 'home';
}

/** Entries the account may see, in registry order. */
export function visibleNav(items: readonly NavItem[], abilities: readonly string[]): NavItem[] {
  const held = new Set(abilities);
  return items.filter((item) => !item.ability || held.has(item.ability));
}

/** Whether `pathname` is inside the entry (the home entry only matches exactly). */
export function isActive(item: NavItem, pathname: string): boolean {
  if (item.path === '/') return pathname === '/';
  return pathname === item.path || pathname.startsWith(`${item.path}/`);
}
