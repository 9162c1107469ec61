/**
 * The page registry: every screen behind sign-in, loaded on demand (one chunk per screen). A module adds its
 * screens here and its menu entry in components/nav.ts. `ability` hides the page from accounts that may not use
 * it (they see "not allowed" instead of a screen full of 403s).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PageDef {
  path: string;
  component: LazyExoticComponent<ComponentType>;
  ability?: string;
}

export const PAGES: PageDef[] = [
  { path: '/', component: lazy(() => import('../routes/Home')) },
  { path: '/opd', component: lazy(() => import('../routes/OpdList')), ability: 'org.read' },
  { path: '/opd/:id', component: lazy(() => import('../routes/OpdPage')), ability: 'org.read' },
  { path: '/pegawai', component: lazy(() => import('../routes/PegawaiSearch')), ability: 'org.read' },
  { path: '/pegawai/:id', component: lazy(() => import('../routes/PegawaiPage')), ability: 'org.read' },
  { path: '/peta', component: lazy(() => import('../routes/MapPage')), ability: 'org.read' },
  { path: '/impor', component: lazy(() => import('../routes/ImportPage')), ability: 'org.import' },
  { path: '/pengguna', component: lazy(() => import('../routes/UsersPage')), ability: 'users.manage' },
  { path: '/audit', component: lazy(() => import('../routes/AuditPage')), ability: 'audit.read' },
  { path: '/pengaturan', component: lazy(() => import('../routes/PemdaSettings')), ability: 'pemda.manage' },
  { path: '/indikator', component: lazy(() => import('../modules/indicators/CataloguePage')), ability: 'indicators.read' },
  { path: '/indikator/impor', component: lazy(() => import('../modules/indicators/ImportValuesPage')), ability: 'indicators.enter' },
  { path: '/indikator/data-terbuka', component: lazy(() => import('../modules/indicators/DatasetsPage')), ability: 'indicators.walidata' },
  { path: '/indikator/:id', component: lazy(() => import('../modules/indicators/IndicatorPage')), ability: 'indicators.read' },
  { path: '/kerentanan', component: lazy(() => import('../modules/indicators/VulnerabilityPage')), ability: 'indicators.read' },
  { path: '/intervensi', component: lazy(() => import('../modules/indicators/InterventionsPage')), ability: 'indicators.read' },
  { path: '/wilayah-saya', component: lazy(() => import('../modules/indicators/MyTerritoryPage')), ability: 'indicators.read' },
  { path: '/wilayah/:kode', component: lazy(() => import('../modules/indicators/TerritoryPage')), ability: 'indicators.read' },
  { path: '/profil', component: lazy(() => import('../routes/ProfilePage')) },
  { path: '/anggaran', component: lazy(() => import('../modules/budget/OverviewPage')), ability: 'budget.read' },
  { path: '/anggaran/opd/:id', component: lazy(() => import('../modules/budget/OpdBudgetPage')), ability: 'budget.read' },
  { path: '/anggaran/sub/:id', component: lazy(() => import('../modules/budget/SubKegiatanPage')), ability: 'budget.read' },
  { path: '/anggaran/pendapatan', component: lazy(() => import('../modules/budget/RevenuePage')), ability: 'budget.pemda.read' },
  { path: '/anggaran/penundaan', component: lazy(() => import('../modules/budget/PostponementPage')), ability: 'budget.pemda.read' },
  { path: '/anggaran/keselarasan', component: lazy(() => import('../modules/budget/AlignmentPage')), ability: 'budget.pemda.read' },
  { path: '/anggaran/iku', component: lazy(() => import('../modules/budget/IkuPage')), ability: 'budget.read' },
  { path: '/anggaran/impor', component: lazy(() => import('../modules/budget/ImportApbdPage')), ability: 'budget.plan.manage' },
  { path: '/anggaran/rpjmd', component: lazy(() => import('../modules/budget/RpjmdPage')), ability: 'budget.plan.manage' },
  { path: '/koordinasi', component: lazy(() => import('../modules/coordination/LeaderInboxPage')), ability: 'coordination.leader' },
  { path: '/koordinasi/pimpinan', component: lazy(() => import('../modules/coordination/LeaderInboxPage')), ability: 'coordination.leader' },
  { path: '/koordinasi/arahan', component: lazy(() => import('../modules/coordination/DirectiveListPage')), ability: 'coordination.read' },
  { path: '/koordinasi/arahan/baru', component: lazy(() => import('../modules/coordination/DirectiveNewPage')), ability: 'coordination.directive.issue' },
  { path: '/koordinasi/arahan/:id', component: lazy(() => import('../modules/coordination/DirectivePage')), ability: 'coordination.read' },
  { path: '/koordinasi/opd-saya', component: lazy(() => import('../modules/coordination/OpdInboxPage')), ability: 'coordination.report.write' },
  { path: '/koordinasi/opd/:id', component: lazy(() => import('../modules/coordination/OpdInboxPage')), ability: 'coordination.read' },
  { path: '/koordinasi/rapat', component: lazy(() => import('../modules/coordination/MeetingListPage')), ability: 'coordination.read' },
  { path: '/koordinasi/rapat/:id', component: lazy(() => import('../modules/coordination/MeetingPage')), ability: 'coordination.read' },
  { path: '/koordinasi/hadir', component: lazy(() => import('../modules/coordination/CheckinPage')), ability: 'coordination.checkin' },
  { path: '/koordinasi/laporan', component: lazy(() => import('../modules/coordination/ReportsPage')), ability: 'coordination.read' },
  { path: '/pengaduan', component: lazy(() => import('../modules/complaints/Queue')), ability: 'complaints.read' },
  { path: '/pengaduan/dasbor', component: lazy(() => import('../modules/complaints/Dashboard')), ability: 'complaints.read' },
  { path: '/pengaduan/pengaturan', component: lazy(() => import('../modules/complaints/AdminPage')), ability: 'complaints.catalogue.manage' },
  { path: '/pengaduan/:id', component: lazy(() => import('../modules/complaints/ComplaintPage')), ability: 'complaints.read' },
  { path: '/ikm', component: lazy(() => import('../modules/complaints/IkmPage')), ability: 'ikm.read' },
  { path: '/netralitas/kasus', component: lazy(() => import('../modules/neutrality/CaseBoardPage')), ability: 'neutrality.case.read' },
  { path: '/netralitas/kasus/:id', component: lazy(() => import('../modules/neutrality/CaseDetailPage')), ability: 'neutrality.case.read' },
  { path: '/netralitas/statistik', component: lazy(() => import('../modules/neutrality/StatsPage')), ability: 'neutrality.stats.read' },
  { path: '/netralitas/ikrar', component: lazy(() => import('../modules/neutrality/PledgePage')), ability: 'neutrality.pledge.sign' },
  { path: '/netralitas/laporan-baru', component: lazy(() => import('../modules/neutrality/InternalReportPage')), ability: 'neutrality.report.internal' },
  { path: '/netralitas/pemilihan', component: lazy(() => import('../modules/neutrality/ElectionsPage')), ability: 'neutrality.read' },
  { path: '/netralitas/kampanye', component: lazy(() => import('../modules/neutrality/CampaignsPage')), ability: 'neutrality.campaign.manage' },
  { path: '/netralitas/sanksi', component: lazy(() => import('../modules/neutrality/SanctionsPage')), ability: 'neutrality.sanction.read' },
  { path: '/kepegawaian/usulan', component: lazy(() => import('../modules/staffing/ProposalsPage')), ability: 'staffing.read' },
  { path: '/absensi', component: lazy(() => import('../modules/attendance/MyAttendancePage')), ability: 'attendance.self' },
  { path: '/absensi/hadir', component: lazy(() => import('../modules/attendance/CheckinPage')), ability: 'attendance.self' },
  { path: '/absensi/rekap', component: lazy(() => import('../modules/attendance/RecapPage')), ability: 'attendance.read' },
  { path: '/absensi/perangkat', component: lazy(() => import('../modules/attendance/DevicesPage')), ability: 'attendance.manage' },
  { path: '/disiplin', component: lazy(() => import('../modules/attendance/CaseListPage')), ability: 'discipline.read' },
  { path: '/disiplin/:id', component: lazy(() => import('../modules/attendance/CasePage')), ability: 'discipline.read' },
  { path: '/tpp', component: lazy(() => import('../modules/attendance/TppPage')), ability: 'tpp.read' },
  { path: '/absensi/cuti', component: lazy(() => import('../modules/attendance/LeavePage')), ability: 'attendance.self' },
  { path: '/absensi/persetujuan', component: lazy(() => import('../modules/attendance/LeaveQueuePage')), ability: 'attendance.leave.decide' },
  { path: '/absensi/kalender', component: lazy(() => import('../modules/attendance/CalendarPage')), ability: 'attendance.manage' },
  { path: '/absensi/jadwal-shift', component: lazy(() => import('../modules/attendance/RosterPage')), ability: 'attendance.roster' },
  { path: '/disiplin/sanksi', component: lazy(() => import('../modules/attendance/SanctionsPage')), ability: 'discipline.read' },
];

/** Screens open to anyone, without signing in (App.tsx renders them before the sign-in gate). */
export const PUBLIC_PAGES: PageDef[] = [
  { path: '/v/:code', component: lazy(() => import('../modules/coordination/VerifyPage')) },
  { path: '/lapor', component: lazy(() => import('../modules/complaints/PublicForm')) },
  { path: '/lapor/:code', component: lazy(() => import('../modules/complaints/Tracking')) },
  { path: '/survei/:unit', component: lazy(() => import('../modules/complaints/Survey')) },
  { path: '/netralitas/lapor', component: lazy(() => import('../modules/neutrality/PublicReportPage')) },
  { path: '/netralitas/tanda-terima', component: lazy(() => import('../modules/neutrality/ReceiptPage')) },
];
