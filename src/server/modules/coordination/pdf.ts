import { createRequire } from 'node:module';
import PdfPrinter from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { TDirectiveDetail } from '../../../contracts/coordination';
import { ISSUER_ROLE_LABELS } from './common';

/**
 * The printable directive: its signed content, and a QR code pointing to the public verification page /v/<code>,
 * so whoever holds the paper can check that it really comes from the head or the sekda (seed 004).
 * Fonts are pdfmake's bundled Roboto (Apache 2.0), read from its virtual file system: no system fonts needed.
 */
const require = createRequire(import.meta.url);
let printer: PdfPrinter | undefined;

function getPrinter(): PdfPrinter {
  if (!printer) {
    const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
    const font = (name: string) => Buffer.from(vfs[name] ?? '', 'base64');
    printer = new PdfPrinter({
      Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') },
    });
  }
  return printer;
}

const PRIORITY_LABEL: Record<string, string> = { biasa: 'Biasa', penting: 'Penting', segera: 'Segera' };

function wib(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone: timezone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

export interface PdfInput {
  directive: TDirectiveDetail;
  pemdaName: string;
  timezone: string;
  verifyUrl: string;
}

export function directivePdfDefinition({ directive, pemdaName, timezone, verifyUrl }: PdfInput): TDocumentDefinitions {
  const role = ISSUER_ROLE_LABELS[directive.issuerRole]?.id ?? directive.issuerRole;
  const meta: Content = {
    table: {
      widths: [110, '*'],
      body: [
        ['Nomor', directive.number],
        ['Diterbitkan', `${wib(directive.issuedAt, timezone)} oleh ${directive.issuerName} (${role})`],
        ['Prioritas', PRIORITY_LABEL[directive.priority] ?? directive.priority],
        ['Tenggat', directive.dueDate],
        ['Kategori', directive.tags.join(', ') || '-'],
        ...(directive.supersedes ? [['Mengganti', directive.supersedes.number]] : []),
        ...(directive.supersededBy ? [['Telah diganti oleh', directive.supersededBy.number]] : []),
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 12],
  };
  return {
    info: { title: `Arahan ${directive.number}`, author: pemdaName, subject: 'Arahan pimpinan daerah', creator: 'Pamong' },
    pageSize: 'A4',
    pageMargins: [50, 60, 50, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    content: [
      { text: pemdaName.toUpperCase(), style: 'pemda', alignment: 'center' },
      { text: 'ARAHAN PIMPINAN DAERAH', style: 'title', alignment: 'center', margin: [0, 4, 0, 16] },
      meta,
      { text: 'Isi arahan', style: 'heading' },
      { text: directive.fullText, margin: [0, 2, 0, 12] },
      { text: 'Ditujukan kepada', style: 'heading' },
      { ul: directive.assignments.map((a) => a.opdName), margin: [0, 2, 0, 18] },
      {
        columns: [
          { qr: verifyUrl, fit: 120, width: 130 },
          {
            width: '*',
            stack: [
              { text: 'Periksa keaslian arahan ini', bold: true },
              { text: 'Pindai kode QR atau buka alamat di bawah. Abaikan arahan yang mengatasnamakan pimpinan tanpa tanda tangan elektronik yang sah.', fontSize: 9 },
              { text: verifyUrl, fontSize: 9, color: '#0b57d0', margin: [0, 4, 0, 4] },
              { text: `Kode verifikasi: ${directive.code}`, fontSize: 9 },
              { text: `SHA-256 isi: ${directive.verification.contentHash}`, fontSize: 7.5, color: '#444444' },
              { text: `Kunci Ed25519: ${directive.verification.keyId}`, fontSize: 7.5, color: '#444444' },
            ],
          },
        ],
        columnGap: 12,
      },
    ],
    footer: (current: number, total: number) => ({ text: `Pamong · ${directive.number} · halaman ${current} dari ${total}`, alignment: 'center', fontSize: 8, color: '#666666', margin: [0, 20, 0, 0] }),
    styles: {
      pemda: { fontSize: 12, bold: true },
      title: { fontSize: 15, bold: true },
      heading: { fontSize: 11, bold: true, margin: [0, 4, 0, 2] },
    },
  };
}

export function renderDirectivePdf(input: PdfInput): Promise<Buffer> {
  const doc = getPrinter().createPdfKitDocument(directivePdfDefinition(input));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
