import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { TAlignment, TOpdBudget, TOverview, TPostponement, TRevenue } from '../../../contracts/budget';
import type { Lang } from '../../http/errors';
import { BAND_LABELS } from './rules';

/**
 * XLSX and PDF exports of the budget screens. Each report is first reduced to one table (title, subtitle,
 * columns, rows), so the spreadsheet and the printout always carry the same figures. Fonts: pdfmake's bundled
 * Roboto (Apache 2.0) from its virtual file system, as coordination/pdf.ts does.
 */
export interface ReportTable {
  title: string;
  subtitle: string;
  columns: Array<{ header: string; kind: 'text' | 'money' | 'percent' | 'number'; width?: number }>;
  rows: Array<Array<string | number | null>>;
  notes: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const t = (lang: Lang, id: string, en: string) => (lang === 'en' ? en : id);
const bandText = (lang: Lang, band: keyof typeof BAND_LABELS | null) => (band ? BAND_LABELS[band][lang] : '–');

export function overviewTable(o: TOverview, pemdaName: string, lang: Lang): ReportTable {
  return {
    title: t(lang, `Realisasi APBD ${pemdaName} ${o.tahun}`, `Budget realisation ${pemdaName} ${o.tahun}`),
    subtitle: t(lang, `Keadaan s.d. akhir ${MONTHS[o.bulan - 1]} ${o.tahun}`, `As of the end of ${MONTHS[o.bulan - 1]} ${o.tahun}`),
    columns: [
      { header: t(lang, 'Peringkat', 'Rank'), kind: 'number', width: 8 },
      { header: 'OPD', kind: 'text', width: 40 },
      { header: 'Pagu (Rp)', kind: 'money', width: 18 },
      { header: t(lang, 'Realisasi (Rp)', 'Realised (Rp)'), kind: 'money', width: 18 },
      { header: t(lang, '% Keuangan', '% Financial'), kind: 'percent' },
      { header: t(lang, '% Rencana', '% Plan'), kind: 'percent' },
      { header: t(lang, '% Fisik', '% Physical'), kind: 'percent' },
      { header: t(lang, 'Deviasi fisik', 'Physical deviation'), kind: 'percent' },
      { header: t(lang, 'Kritis', 'Critical'), kind: 'number' },
      { header: t(lang, 'Capaian', 'Achievement'), kind: 'text', width: 14 },
    ],
    rows: o.opd.map((r) => [r.rank, r.opdName, r.pagu, r.realisasiKeuangan, r.persenKeuangan, r.persenRencanaKeuangan, r.realisasiFisik, r.deviasiFisik, r.jumlahKritis, bandText(lang, r.band)]),
    notes: [
      t(lang, '% keuangan = realisasi kumulatif / pagu; % fisik = rata-rata progres tertimbang pagu; deviasi = rencana − realisasi (BRIEF §4.10).', '% financial = cumulative realisation / ceiling; % physical = ceiling-weighted progress; deviation = plan − actual.'),
      t(lang, 'Kritis: rencana ≤ 70 % dan tertinggal > 10 poin, atau rencana > 70 % dan tertinggal > 5 poin.', 'Critical: plan ≤ 70 % lagging > 10 points, or plan > 70 % lagging > 5 points.'),
    ],
  };
}

export function opdTable(o: TOpdBudget, lang: Lang): ReportTable {
  return {
    title: `${o.summary.opdName}: ${t(lang, 'realisasi anggaran', 'budget realisation')} ${o.tahun}`,
    subtitle: t(lang, `s.d. ${MONTHS[o.bulan - 1]} ${o.tahun}; realisasi ${o.summary.persenKeuangan ?? 0} %, fisik ${o.summary.realisasiFisik ?? 0} %`, `to ${MONTHS[o.bulan - 1]} ${o.tahun}; financial ${o.summary.persenKeuangan ?? 0} %, physical ${o.summary.realisasiFisik ?? 0} %`),
    columns: [
      { header: t(lang, 'Kode', 'Code'), kind: 'text', width: 20 },
      { header: t(lang, 'Sub kegiatan', 'Sub-activity'), kind: 'text', width: 48 },
      { header: 'Pagu (Rp)', kind: 'money', width: 18 },
      { header: t(lang, 'Realisasi (Rp)', 'Realised (Rp)'), kind: 'money', width: 18 },
      { header: '%', kind: 'percent' },
      { header: t(lang, 'Rencana fisik', 'Planned physical'), kind: 'percent' },
      { header: t(lang, 'Fisik', 'Physical'), kind: 'percent' },
      { header: t(lang, 'Deviasi', 'Deviation'), kind: 'percent' },
      { header: t(lang, 'Status', 'Status'), kind: 'text', width: 14 },
    ],
    rows: o.subKegiatan.map((s) => [s.kode, s.nama, s.paguEfektif, s.realisasiKeuangan, s.persenKeuangan, s.rencanaFisik, s.realisasiFisik, s.deviasiFisik, s.status === 'ditunda' ? t(lang, 'Ditunda', 'Postponed') : s.kritis ? t(lang, 'KRITIS', 'CRITICAL') : '']),
    notes: [],
  };
}

export function revenueTable(r: TRevenue, pemdaName: string, lang: Lang): ReportTable {
  return {
    title: t(lang, `Pendapatan Asli Daerah ${pemdaName} ${r.tahun}`, `Own-source revenue ${pemdaName} ${r.tahun}`),
    subtitle: t(lang, `s.d. ${MONTHS[r.bulan - 1]}; proyeksi akhir tahun Rp ${fmt(r.total.proyeksi)} (${r.total.metode}); selisih terhadap target Rp ${fmt(r.total.selisih)}`, `to ${MONTHS[r.bulan - 1]}; year-end projection Rp ${fmt(r.total.proyeksi)} (${r.total.metode === 'musiman' ? 'seasonal' : 'linear'}); gap to target Rp ${fmt(r.total.selisih)}`),
    columns: [
      { header: t(lang, 'Kode', 'Code'), kind: 'text', width: 14 },
      { header: t(lang, 'Sumber', 'Source'), kind: 'text', width: 44 },
      { header: 'Target (Rp)', kind: 'money', width: 18 },
      { header: t(lang, 'Realisasi (Rp)', 'Realised (Rp)'), kind: 'money', width: 18 },
      { header: '%', kind: 'percent' },
      { header: t(lang, 'Proyeksi (Rp)', 'Projection (Rp)'), kind: 'money', width: 18 },
      { header: t(lang, 'Selisih (Rp)', 'Gap (Rp)'), kind: 'money', width: 18 },
    ],
    rows: r.sumber.map((s) => [s.kode, s.nama, s.target, s.realisasi, s.persen, s.proyeksi, s.selisih]),
    notes: [t(lang, 'Proyeksi musiman: realisasi s.d. bulan ini dibagi porsi rata-rata yang terkumpul s.d. bulan yang sama pada tahun-tahun sebelumnya; tanpa riwayat: linear.', 'Seasonal projection: year-to-date divided by the average share collected by the same month in earlier years; without history: linear.')],
  };
}

export function alignmentTable(a: TAlignment, lang: Lang): ReportTable {
  return {
    title: t(lang, `Keselarasan program dengan visi-misi ${a.tahun}`, `Alignment with the vision and missions ${a.tahun}`),
    subtitle: t(lang, `${a.selaras.jumlah} dari ${a.totalSub} sub kegiatan terkait sasaran RPJMD; berikut yang belum`, `${a.selaras.jumlah} of ${a.totalSub} sub-activities linked to an RPJMD target; these are not`),
    columns: [
      { header: t(lang, 'Kode', 'Code'), kind: 'text', width: 20 },
      { header: t(lang, 'Sub kegiatan', 'Sub-activity'), kind: 'text', width: 48 },
      { header: 'OPD', kind: 'text', width: 36 },
      { header: 'Pagu (Rp)', kind: 'money', width: 18 },
    ],
    rows: a.tanpaSasaran.map((s) => [s.kode, s.nama, s.opdName, s.pagu]),
    notes: a.sasaranTanpaKegiatan.map((s) => t(lang, `Sasaran ${s.kode} tanpa sub kegiatan: ${s.uraian}`, `Target ${s.kode} has no sub-activity: ${s.uraian}`)),
  };
}

export function postponementTable(p: TPostponement, lang: Lang): ReportTable {
  const status = { diusulkan: t(lang, 'menunggu keputusan', 'awaiting decision'), disetujui: t(lang, 'disetujui', 'approved'), ditolak: t(lang, 'ditolak', 'rejected') }[p.status];
  return {
    title: t(lang, `Usulan penundaan kegiatan fisik ${p.tahun}`, `Postponement of physical activities ${p.tahun}`),
    subtitle: t(lang, `Proyeksi PAD Rp ${fmt(p.proyeksiPad)} dari target Rp ${fmt(p.targetPad)}; selisih Rp ${fmt(p.selisih)}; status: ${status}`, `Projected revenue Rp ${fmt(p.proyeksiPad)} of target Rp ${fmt(p.targetPad)}; gap Rp ${fmt(p.selisih)}; status: ${status}`),
    columns: [
      { header: 'No', kind: 'number', width: 6 },
      { header: t(lang, 'Kode', 'Code'), kind: 'text', width: 20 },
      { header: t(lang, 'Sub kegiatan', 'Sub-activity'), kind: 'text', width: 44 },
      { header: 'OPD', kind: 'text', width: 30 },
      { header: t(lang, 'Ditunda (Rp)', 'Postponed (Rp)'), kind: 'money', width: 18 },
      { header: t(lang, 'Alasan', 'Reason'), kind: 'text', width: 50 },
    ],
    rows: p.items.filter((i) => i.termasuk).map((i) => [i.urutan, i.kode, i.nama, i.opdName, i.jumlah, i.alasan[lang]]),
    notes: [
      t(lang, 'Bantuan sosial dan program untuk masyarakat miskin (kemiskinan ekstrem, stunting) tidak pernah diusulkan ditunda.', 'Social aid and programmes for the poor (extreme poverty, stunting) are never proposed.'),
      ...(p.catatanKeputusan ? [t(lang, `Catatan keputusan: ${p.catatanKeputusan}`, `Decision note: ${p.catatanKeputusan}`)] : []),
    ],
  };
}

function fmt(value: number): string {
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(value);
}

export async function tableToXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pamong';
  const sheet = workbook.addWorksheet('Laporan');
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  sheet.addRow([table.subtitle]);
  sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((v) => (v === null ? '' : v)));
  table.columns.forEach((column, index) => {
    const col = sheet.getColumn(index + 1);
    col.width = column.width ?? 12;
    if (column.kind === 'money') col.numFmt = '#,##0';
    if (column.kind === 'percent') col.numFmt = '0.00';
  });
  sheet.addRow([]);
  for (const note of table.notes) sheet.addRow([note]);
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const require = createRequire(import.meta.url);
let printer: PdfPrinter | undefined;
function getPrinter(): PdfPrinter {
  if (!printer) {
    const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
    const font = (name: string) => Buffer.from(vfs[name] ?? '', 'base64');
    printer = new PdfPrinter({ Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') } });
  }
  return printer;
}

export function tableToPdf(table: ReportTable, pemdaName: string): Promise<Buffer> {
  const cell = (value: string | number | null, kind: ReportTable['columns'][number]['kind']) => {
    if (value === null) return { text: '–', alignment: 'right' as const };
    if (typeof value === 'number') return { text: kind === 'money' ? fmt(value) : new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(value), alignment: 'right' as const };
    return { text: value };
  };
  const definition: TDocumentDefinitions = {
    info: { title: table.title, author: pemdaName, creator: 'Pamong' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 40, 30, 40],
    defaultStyle: { fontSize: 8 },
    content: [
      { text: table.title, fontSize: 14, bold: true },
      { text: table.subtitle, margin: [0, 2, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: table.columns.map((c) => (c.kind === 'text' && (c.width ?? 0) > 30 ? '*' : 'auto')),
          body: [table.columns.map((c) => ({ text: c.header, bold: true })), ...table.rows.map((row) => row.map((v, i) => cell(v, table.columns[i]?.kind ?? 'text')))],
        },
        layout: 'lightHorizontalLines',
      },
      ...table.notes.map((note) => ({ text: note, margin: [0, 6, 0, 0] as [number, number, number, number], italics: true })),
    ],
    footer: (page, pages) => ({ text: `${pemdaName} · Pamong · ${page}/${pages}`, alignment: 'center', fontSize: 7, margin: [0, 10, 0, 0] }),
  };
  return new Promise((resolve, reject) => {
    const doc = getPrinter().createPdfKitDocument(definition);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
