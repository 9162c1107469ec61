import { createRequire } from 'node:module';
import PdfPrinter from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { TIkmReport } from '../../../contracts/complaints';

/** The IKM report of a unit and period as a PDF (PermenPANRB 14/2017 reporting), pdfmake with its bundled Roboto. */
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

const num = (value: number | null, digits: number) => (value === null ? '-' : value.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

export function ikmPdfDefinition(report: TIkmReport, pemdaName: string): TDocumentDefinitions {
  const rows: Content[][] = [
    [{ text: 'Kode', bold: true }, { text: 'Unsur pelayanan', bold: true }, { text: 'NRR', bold: true, alignment: 'right' }, { text: 'NRR × 25', bold: true, alignment: 'right' }],
    ...report.elements.map((e) => [e.code.toUpperCase(), e.label.id, { text: num(e.nrr, 3), alignment: 'right' as const }, { text: num(e.converted, 2), alignment: 'right' as const }]),
  ];
  return {
    info: { title: `Laporan IKM ${report.unit.name} ${report.period}` },
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    defaultStyle: { fontSize: 10 },
    content: [
      { text: pemdaName.toUpperCase(), bold: true, alignment: 'center' },
      { text: 'LAPORAN SURVEI KEPUASAN MASYARAKAT (IKM)', bold: true, fontSize: 13, alignment: 'center', margin: [0, 4, 0, 2] },
      { text: `${report.unit.name} — ${report.unit.opdName}`, alignment: 'center' },
      { text: `Periode ${report.period} (${report.from} s.d. ${report.to})`, alignment: 'center', margin: [0, 0, 0, 14] },
      {
        columns: [
          { width: '*', stack: [{ text: 'Nilai IKM (konversi)', color: '#555' }, { text: num(report.converted, 2), fontSize: 26, bold: true }] },
          { width: '*', stack: [{ text: 'Mutu pelayanan', color: '#555' }, { text: report.category ? `${report.category} (${report.categoryLabel?.id ?? ''})` : '-', fontSize: 18, bold: true }] },
          { width: '*', stack: [{ text: 'Responden', color: '#555' }, { text: `${report.respondents} dari minimal ${report.minimumSample}`, fontSize: 12, bold: true }, { text: `${Math.round(report.sampleProgress * 100)}% sampel Krejcie–Morgan` }] },
        ],
        margin: [0, 0, 0, 14],
      },
      { table: { headerRows: 1, widths: [36, '*', 60, 60], body: rows }, layout: 'lightHorizontalLines' },
      { text: `Nilai indeks (rata-rata NRR sembilan unsur): ${num(report.index, 3)}; nilai konversi = indeks × 25.`, margin: [0, 12, 0, 4] },
      { text: 'Kategori: 88,31–100 A Sangat Baik; 76,61–88,30 B Baik; 65,00–76,60 C Kurang Baik; 25,00–64,99 D Tidak Baik.', fontSize: 9 },
      { text: `Dasar: ${report.basis}. Jumlah sampel minimal menurut Krejcie dan Morgan.`, fontSize: 9, color: '#555', margin: [0, 4, 0, 0] },
    ],
  };
}

export function renderIkmPdf(report: TIkmReport, pemdaName: string): Promise<Buffer> {
  const doc = getPrinter().createPdfKitDocument(ikmPdfDefinition(report, pemdaName));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
