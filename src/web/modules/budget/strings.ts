/**
 * Texts of the budget screens, Indonesian first. Kept here (not in the shared dictionaries) so the module owns
 * its words; read them with `useBudgetText()`.
 */
import { useI18n } from '../../i18n';
import type { Lang } from '../../i18n/translate';

export const S = {
  navTitle: { id: 'Anggaran & PAD', en: 'Budget & revenue' },
  overviewTitle: { id: 'Realisasi APBD', en: 'Budget realisation' },
  tabOverview: { id: 'Ringkasan', en: 'Overview' },
  tabRevenue: { id: 'Pendapatan (PAD)', en: 'Revenue (PAD)' },
  tabPostpone: { id: 'Penundaan', en: 'Postponement' },
  tabAlignment: { id: 'Keselarasan', en: 'Alignment' },
  tabIku: { id: 'IKU', en: 'Key indicators' },
  tabImport: { id: 'Impor APBD', en: 'Import budget' },
  tabRpjmd: { id: 'Ubah RPJMD', en: 'Edit RPJMD' },
  rpjmdTitle: { id: 'Kaskade RPJMD {start}–{end}', en: 'RPJMD cascade {start}–{end}' },
  rpjmdNewTitle: { id: 'Kaskade RPJMD', en: 'RPJMD cascade' },
  rpjmdHint: {
    id: 'Visi → misi → tujuan → sasaran → IKU. Setiap simpan langsung berlaku dan tercatat di log audit. Kode adalah kunci: mengganti kode sama dengan menghapus lalu menambah.',
    en: 'Vision → missions → goals → targets → IKU. Each save applies at once and is recorded in the audit log. Codes are keys: changing a code removes the node and adds a new one.',
  },
  rpjmdNone: { id: 'RPJMD belum diisi. Mulai dengan periode, visi dan misi pertama.', en: 'No RPJMD yet. Start with the period, the vision and the first mission.' },
  fold: { id: 'Tutup', en: 'Collapse' },
  unfold: { id: 'Buka', en: 'Expand' },
  foldAll: { id: 'Tutup semua', en: 'Collapse all' },
  unfoldAll: { id: 'Buka semua', en: 'Expand all' },
  rpjmdImportTitle: { id: 'Impor kaskade dari berkas', en: 'Import the cascade from a file' },
  rpjmdImportHint: {
    id: 'Satu baris per IKU: No Misi, Kode Tujuan, Kode Sasaran, Kode IKU, satuan, arah (Naik/Turun), Kode OPD, kondisi awal dan kolom "Target 2026" dst. Uraian cukup diisi sekali; sel kosong membiarkan isian lama. Impor hanya menambah dan mengubah, tidak menghapus. Uji coba dulu: tidak ada yang disimpan sampai semua baris benar.',
    en: 'One row per IKU: mission number, goal, target and IKU codes, unit, direction (Naik/Turun), OPD code, baseline and "Target 2026"-style columns. Texts need giving once; empty cells keep what is stored. The import adds and updates, never removes. Try it first: nothing is saved until every row is right.',
  },
  template: { id: 'Template', en: 'Template' },
  rpjmdTree: { id: 'Pohon kaskade RPJMD', en: 'RPJMD cascade tree' },
  visi: { id: 'Visi', en: 'Vision' },
  misi: { id: 'Misi', en: 'Mission' },
  tujuan: { id: 'Tujuan', en: 'Goal' },
  iku: { id: 'IKU', en: 'Key indicator' },
  periodStart: { id: 'Tahun awal', en: 'First year' },
  periodEnd: { id: 'Tahun akhir', en: 'Last year' },
  legalBasis: { id: 'Dasar hukum', en: 'Legal basis' },
  firstMisi: { id: 'Misi 1', en: 'Mission 1' },
  nodeCode: { id: 'Kode', en: 'Code' },
  nodeNumber: { id: 'Nomor', en: 'Number' },
  nodeText: { id: 'Uraian', en: 'Description' },
  ikuName: { id: 'Nama indikator', en: 'Indicator name' },
  unit: { id: 'Satuan', en: 'Unit' },
  direction: { id: 'Arah', en: 'Direction' },
  dirUp: { id: 'Makin tinggi makin baik', en: 'Higher is better' },
  dirDown: { id: 'Makin rendah makin baik', en: 'Lower is better' },
  baseline: { id: 'Kondisi awal', en: 'Baseline' },
  yearTarget: { id: 'Target {tahun}', en: 'Target {tahun}' },
  yearTargets: { id: 'Target tahunan (kosongkan bila belum ada)', en: 'Yearly targets (leave empty if none yet)' },
  noOpd: { id: '— belum ditentukan —', en: '— not assigned —' },
  priorityFlag: { id: 'Prioritas daerah (paling akhir ditunda)', en: 'Regional priority (postponed last)' },
  priorityBadge: { id: 'Prioritas', en: 'Priority' },
  edit: { id: 'Ubah', en: 'Edit' },
  remove: { id: 'Hapus', en: 'Remove' },
  addChild: { id: '+ {what}', en: '+ {what}' },
  cancel: { id: 'Batal', en: 'Cancel' },
  confirmRemove: { id: 'Hapus {what}? Semua turunannya ikut terhapus.', en: 'Remove {what}? Everything under it is removed too.' },
  confirmRemoveLeaf: { id: 'Hapus {what}?', en: 'Remove {what}?' },
  confirmYes: { id: 'Ya, hapus', en: 'Yes, remove' },
  linkedSubs: { id: '{count} sub kegiatan', en: '{count} sub-activities' },
  hasRealisation: { id: 'realisasi {count} TW', en: '{count} quarters reported' },
  removedNode: { id: '{what} dihapus.', en: '{what} removed.' },
  notNumber: { id: 'bukan angka yang sah', en: 'not a valid number' },
  year: { id: 'Tahun', en: 'Year' },
  month: { id: 'Keadaan s.d.', en: 'As of' },
  asOf: { id: 'Keadaan s.d. akhir {month} {year}', en: 'As of the end of {month} {year}' },
  pagu: { id: 'Pagu', en: 'Ceiling (pagu)' },
  realised: { id: 'Realisasi', en: 'Realised' },
  financial: { id: 'Keuangan', en: 'Financial' },
  physical: { id: 'Fisik', en: 'Physical' },
  plan: { id: 'Rencana', en: 'Plan' },
  ofPagu: { id: 'dari pagu', en: 'of ceiling' },
  ofPlan: { id: 'dari rencana', en: 'of plan' },
  deviation: { id: 'Deviasi', en: 'Deviation' },
  deviationPhysical: { id: 'Deviasi fisik', en: 'Physical deviation' },
  deviationHint: { id: 'rencana − realisasi; makin kecil makin baik', en: 'plan − actual; lower is better' },
  points: { id: 'poin', en: 'points' },
  critical: { id: 'Kritis', en: 'Critical' },
  criticalActivities: { id: 'Kegiatan kritis', en: 'Critical activities' },
  criticalRule: {
    id: 'Kritis: rencana fisik ≤ 70 % dan tertinggal lebih dari 10 poin, atau rencana > 70 % dan tertinggal lebih dari 5 poin.',
    en: 'Critical: planned progress ≤ 70 % lagging more than 10 points, or above 70 % lagging more than 5 points.',
  },
  achievement: { id: 'Capaian', en: 'Achievement' },
  achievementHint: { id: 'realisasi terhadap rencana kas', en: 'realisation against the cash plan' },
  rank: { id: 'Peringkat', en: 'Rank' },
  ranking: { id: 'Peringkat OPD', en: 'OPD ranking' },
  rankingHint: { id: 'Diurutkan menurut capaian realisasi terhadap rencana kas s.d. bulan ini.', en: 'Ordered by realisation against the cash plan to date.' },
  sCurve: { id: 'Kurva S: rencana dan realisasi kumulatif', en: 'S-curve: cumulative plan and actual' },
  sCurveSummary: { id: 'Realisasi keuangan {real} % dari pagu, rencana {plan} %. Fisik {realF} %, rencana {planF} %.', en: 'Financial realisation {real} % of ceiling against a plan of {plan} %. Physical {realF} % against {planF} %.' },
  planFinancial: { id: 'Rencana keuangan', en: 'Financial plan' },
  actualFinancial: { id: 'Realisasi keuangan', en: 'Financial actual' },
  planPhysical: { id: 'Rencana fisik', en: 'Physical plan' },
  actualPhysical: { id: 'Realisasi fisik', en: 'Physical actual' },
  exportXlsx: { id: 'Unduh Excel', en: 'Download Excel' },
  exportPdf: { id: 'Unduh PDF', en: 'Download PDF' },
  noData: { id: 'Belum ada data anggaran', en: 'No budget data yet' },
  noDataHint: { id: 'Impor APBD dari berkas SIPD (XLSX/CSV) untuk mulai.', en: 'Import the budget from a SIPD file (XLSX/CSV) to begin.' },
  subActivities: { id: 'Sub kegiatan', en: 'Sub-activities' },
  onlyCritical: { id: 'Hanya yang kritis', en: 'Critical only' },
  postponed: { id: 'Ditunda', en: 'Postponed' },
  protectedBadge: { id: 'Dilindungi', en: 'Protected' },
  location: { id: 'Lokasi', en: 'Location' },
  enterRealisation: { id: 'Isi realisasi', en: 'Enter realisation' },
  monthColumn: { id: 'Bulan', en: 'Month' },
  cashPlan: { id: 'Rencana kas', en: 'Cash plan' },
  sp2d: { id: 'SP2D bulan ini (Rp)', en: 'SP2D this month (Rp)' },
  progress: { id: 'Progres fisik kumulatif (%)', en: 'Cumulative physical progress (%)' },
  sp2dRef: { id: 'Nomor SP2D (opsional)', en: 'SP2D number (optional)' },
  save: { id: 'Simpan', en: 'Save' },
  saved: { id: 'Tersimpan.', en: 'Saved.' },
  back: { id: 'Kembali', en: 'Back' },
  revenueTitle: { id: 'Pendapatan Asli Daerah', en: 'Own-source revenue' },
  target: { id: 'Target', en: 'Target' },
  projection: { id: 'Proyeksi akhir tahun', en: 'Year-end projection' },
  gap: { id: 'Kekurangan terhadap target', en: 'Shortfall against target' },
  surplus: { id: 'Lebih dari target', en: 'Above target' },
  seasonal: { id: 'musiman, dari pola {years}', en: 'seasonal, from the {years} pattern' },
  linear: { id: 'linear (belum ada riwayat)', en: 'linear (no history yet)' },
  cumulativeActual: { id: 'Realisasi kumulatif', en: 'Cumulative actual' },
  targetPath: { id: 'Target (garis lurus)', en: 'Target (straight line)' },
  projectionPath: { id: 'Proyeksi', en: 'Projection' },
  source: { id: 'Sumber', en: 'Source' },
  group: { id: 'Kelompok', en: 'Group' },
  pajak: { id: 'Pajak daerah', en: 'Local taxes' },
  retribusi: { id: 'Retribusi daerah', en: 'Retribution' },
  kekayaan_dipisahkan: { id: 'Kekayaan daerah dipisahkan', en: 'Separated assets' },
  lain_lain: { id: 'Lain-lain PAD yang sah', en: 'Other own revenue' },
  postponeTitle: { id: 'Penundaan kegiatan fisik', en: 'Postponing physical activities' },
  postponeRule: {
    id: 'Bila proyeksi PAD kurang dari target melebihi ambang, Pamong mengusulkan kegiatan fisik yang tidak mendesak dan belum berkontrak untuk ditunda sampai kekurangan tertutup. Bantuan sosial dan program untuk masyarakat miskin tidak pernah diusulkan.',
    en: 'When projected revenue falls short of target by more than the threshold, Pamong proposes non-urgent, uncontracted physical activities until the gap is covered. Social aid and programmes for the poor are never proposed.',
  },
  threshold: { id: 'Ambang', en: 'Threshold' },
  triggered: { id: 'Kekurangan melewati ambang: perlu keputusan', en: 'Shortfall above threshold: a decision is needed' },
  notTriggered: { id: 'Kekurangan di bawah ambang: belum perlu penundaan', en: 'Shortfall below threshold: no postponement needed' },
  propose: { id: 'Susun usulan penundaan', en: 'Draw up a proposal' },
  proposal: { id: 'Usulan', en: 'Proposal' },
  awaiting: { id: 'Menunggu keputusan', en: 'Awaiting decision' },
  approved: { id: 'Disetujui', en: 'Approved' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  covered: { id: 'Tertutup', en: 'Covered' },
  include: { id: 'Tunda', en: 'Postpone' },
  reason: { id: 'Alasan', en: 'Reason' },
  decisionNote: { id: 'Catatan keputusan (wajib)', en: 'Decision note (required)' },
  approve: { id: 'Setujui daftar yang dicentang', en: 'Approve the ticked list' },
  reject: { id: 'Tolak usulan', en: 'Reject the proposal' },
  decidedBy: { id: 'Diputuskan oleh {role} pada {date}', en: 'Decided by {role} on {date}' },
  history: { id: 'Riwayat usulan', en: 'Earlier proposals' },
  selectedTotal: { id: 'Dicentang: Rp {total} dari kekurangan Rp {gap}', en: 'Ticked: Rp {total} of a Rp {gap} gap' },
  previewTitle: { id: 'Yang akan diusulkan sekarang', en: 'What would be proposed now' },
  alignmentTitle: { id: 'Keselarasan dengan visi-misi', en: 'Alignment with the vision and missions' },
  aligned: { id: 'Terkait sasaran RPJMD', en: 'Linked to an RPJMD target' },
  priorityLinked: { id: 'Mendukung sasaran prioritas', en: 'Supporting a priority target' },
  byMission: { id: 'Pagu per misi', en: 'Ceiling by mission' },
  unaligned: { id: 'Sub kegiatan tanpa sasaran RPJMD', en: 'Sub-activities linked to no RPJMD target' },
  targetsWithout: { id: 'Sasaran tanpa kegiatan', en: 'Targets without activities' },
  ikuWithoutTarget: { id: 'IKU tanpa target tahun ini', en: 'Indicators without a target this year' },
  ikuTitle: { id: 'Indikator Kinerja Utama (IKU)', en: 'Key performance indicators (IKU)' },
  quarter: { id: 'TW', en: 'Q' },
  evidence: { id: 'Bukti', en: 'Evidence' },
  owner: { id: 'Penanggung jawab', en: 'Responsible' },
  none: { id: 'Tidak ada', en: 'None' },
  allGood: { id: 'Semua sub kegiatan sudah terkait sasaran RPJMD.', en: 'Every sub-activity is linked to an RPJMD target.' },
  myOpd: { id: 'Anggaran OPD saya', en: 'My OPD budget' },
  sasaran: { id: 'Sasaran', en: 'Target' },
  bandLegend: { id: 'Kategori capaian: ≥ 91 sangat tinggi, 76–90 tinggi, 66–75 sedang, 51–65 rendah, ≤ 50 sangat rendah.', en: 'Achievement bands: ≥ 91 very high, 76–90 high, 66–75 medium, 51–65 low, ≤ 50 very low.' },
  perOpdChart: { id: 'Realisasi keuangan per OPD', en: 'Financial realisation by OPD' },
  status: { id: 'Status', en: 'Status' },
  showAll: { id: 'Tampilkan semua ({count})', en: 'Show all ({count})' },
  showFewer: { id: 'Tampilkan 10 terbesar saja', en: 'Show the 10 largest only' },
  contract: { id: 'Kontrak', en: 'Contract' },
  padEntryTitle: { id: 'Catat realisasi PAD', en: 'Record PAD realisation' },
  padEntryHint: { id: 'Jumlah penerimaan satu sumber dalam satu bulan (bukan kumulatif), dalam rupiah.', en: "One source's receipts in one month (not cumulative), in rupiah." },
  padTargetTitle: { id: 'Ubah target PAD', en: 'Change a PAD target' },
  targetOriginal: { id: 'Target APBD murni (Rp)', en: 'Original budget target (Rp)' },
  targetRevised: { id: 'Target APBD perubahan (Rp, kosongkan bila belum ada)', en: 'Revised budget target (Rp, empty if none yet)' },
  amountRp: { id: 'Jumlah (Rp)', en: 'Amount (Rp)' },
  badNumber: { id: 'Isi angka yang sah, misalnya 1.250.000.', en: 'Enter a valid number, e.g. 1,250,000.' },
  padImportTitle: { id: 'Impor rekap PAD bulanan', en: 'Import the monthly PAD recap' },
  padImportHint: {
    id: 'Satu baris per sumber: Kode Rekening, Tahun, lalu kolom Jan … Des berisi penerimaan bulan itu (bukan kumulatif). Sel kosong tidak mengubah bulan itu. Baris yang salah dilaporkan; baris yang benar tetap disimpan. Template:',
    en: 'One row per source: Kode Rekening, Tahun, then columns Jan … Des with that month’s receipts (not cumulative). An empty cell leaves the month alone. Wrong rows are reported; the right ones are still saved. Template:',
  },
  ikuEntryTitle: { id: 'Catat capaian IKU', en: 'Record an IKU result' },
  ikuValue: { id: 'Nilai capaian', en: 'Value achieved' },
  evidenceText: { id: 'Bukti (uraian singkat: dokumen, laporan, sumber data)', en: 'Evidence (short description: document, report, data source)' },
  evidenceUrl: { id: 'Tautan bukti (opsional)', en: 'Evidence link (optional)' },
  evidenceFile: { id: 'Berkas bukti (PDF atau foto, opsional, maks. 10 MB)', en: 'Evidence file (PDF or photo, optional, max. 10 MB)' },
  evidenceCurrent: { id: 'Berkas bukti saat ini:', en: 'Current evidence file:' },
} as const satisfies Record<string, { id: string; en: string }>;

export type TextKey = keyof typeof S;

export const BAND_TEXT = {
  sangat_tinggi: { id: 'Sangat tinggi', en: 'Very high' },
  tinggi: { id: 'Tinggi', en: 'High' },
  sedang: { id: 'Sedang', en: 'Medium' },
  rendah: { id: 'Rendah', en: 'Low' },
  sangat_rendah: { id: 'Sangat rendah', en: 'Very low' },
} as const;

export const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
export const MONTHS_SHORT: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export function useBudgetText() {
  const { lang } = useI18n();
  const s = (key: TextKey, params?: Record<string, string | number>) => {
    const text = S[key][lang] || S[key].id;
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
  };
  return { s, lang };
}

/** Rupiah for people: "Rp 982,3 M" (miliar), "Rp 1,02 T", full digits below a million. */
export function rupiahShort(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const locale = lang === 'id' ? 'id-ID' : 'en-US';
  const abs = Math.abs(value);
  const unit = (divisor: number, id: string, en: string, digits: number) =>
    `Rp ${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value / divisor)} ${lang === 'id' ? id : en}`;
  if (abs >= 1e12) return unit(1e12, 'T', 'tn', 2);
  if (abs >= 1e9) return unit(1e9, 'M', 'bn', 1);
  if (abs >= 1e6) return unit(1e6, 'jt', 'm', 0);
  return `Rp ${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)}`;
}

export function rupiahFull(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '–';
  return `Rp ${new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 0 }).format(value)}`;
}

export function pct(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} %`;
}
