import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema';
import { inTransaction, systemCtx } from '../../src/server/http/context';
import { clearComplaintCaches } from '../../src/server/modules/complaints/cache';
import { upsertService } from '../../src/server/modules/complaints/catalogue';
import { createOpen311Client } from '../../src/server/modules/complaints/open311-keys';
import { buildOpd } from '../factories';

/** A Pemda's complaint set-up for tests: two OPDs, a kelurahan office, three services, an Open311 key. */
export interface ComplaintFixture {
  pemdaId: string;
  kode: string;
  dpupr: { id: string; name: string };
  dlh: { id: string; name: string };
  kelurahanOffice: { id: string; name: string };
  apiKey: string;
  clientId: string;
}

/** Semabung Lama (19.71.01.1004), Kota Pangkal Pinang: a point inside its polygon. */
export const SEMABUNG_LAMA = { kode: '19.71.01.1004', name: 'Semabung Lama', lng: 106.1290182505077, lat: -2.1328088668544924 };

export async function complaintFixture(db: Kysely<DB>, pemda: { id: string; kode: string }): Promise<ComplaintFixture> {
  const dpupr = await buildOpd(db, pemda.id, { name: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
  const dlh = await buildOpd(db, pemda.id, { name: 'Dinas Lingkungan Hidup' });
  const kelurahanOffice = await buildOpd(db, pemda.id, { name: 'Kelurahan Semabung Lama', kind: 'kelurahan', wilayahKode: pemda.kode === '19.71' ? SEMABUNG_LAMA.kode : null });
  const ctx = systemCtx(db, 'test');
  const created = await inTransaction(ctx, async (tx) => {
    await upsertService(tx, pemda.id, {
      code: 'JLN-RUSAK', name: 'Jalan rusak', description: 'Jalan berlubang', group: 'Infrastruktur', keywords: ['jalan', 'lubang'], opdId: dpupr.id, territorial: false, slaClass: 'standar', serviceNotice: 'Ditinjau dalam 3 hari kerja.', active: true,
      attributes: [
        { code: 'TINGKAT', variable: true, datatype: 'singlevaluelist', required: true, datatypeDescription: '', order: 1, description: 'Tingkat kerusakan', values: [{ key: 'ringan', name: 'Ringan' }, { key: 'berat', name: 'Berat' }] },
        { code: 'MASALAH', variable: true, datatype: 'multivaluelist', required: false, datatypeDescription: 'Pilih satu atau lebih', order: 2, description: 'Masalah', values: [{ key: 'lubang', name: 'Lubang' }, { key: 'retak', name: 'Retak' }, { key: 'genangan', name: 'Genangan' }] },
        { code: 'INFO', variable: false, datatype: 'text', required: false, datatypeDescription: '', order: 3, description: 'Foto membantu petugas', values: [] },
      ],
    }, 'create');
    await upsertService(tx, pemda.id, { code: 'SAMPAH', name: 'Sampah', description: 'Sampah tidak diangkut', group: 'Lingkungan', keywords: [], opdId: dlh.id, territorial: false, slaClass: 'standar', serviceNotice: null, active: true, attributes: [] }, 'create');
    await upsertService(tx, pemda.id, { code: 'FASUM', name: 'Fasilitas lingkungan', description: '', group: 'Lingkungan', keywords: ['kelurahan'], opdId: null, territorial: true, slaClass: 'standar', serviceNotice: null, active: true, attributes: [] }, 'create');
    return createOpen311Client(tx, pemda.id, 'Aplikasi Uji');
  });
  clearComplaintCaches();
  return { pemdaId: pemda.id, kode: pemda.kode, dpupr, dlh, kelurahanOffice, apiKey: created.key, clientId: created.id };
}

/** Text of every <name>...</name> element (the serializer writes no attributes). */
export function xmlTexts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>|<${name}/>`, 'g'))].map((m) => m[1] ?? '');
}

/** The element names directly inside each <item> of a list, in order. */
export function xmlChildNames(xml: string, item: string): string[][] {
  return [...xml.matchAll(new RegExp(`<${item}>([\\s\\S]*?)\\n\\s{0,4}</${item}>`, 'g'))].map((m) =>
    [...(m[1] as string).matchAll(/\n {4}<([A-Za-z_]+)(?:\/>|>)/g)].map((c) => c[1] as string),
  );
}

export function form(values: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

export async function countRows(db: Kysely<DB>, pemdaId: string): Promise<string> {
  const complaints = await db.selectFrom('complaint').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).executeTakeFirstOrThrow();
  const events = await db.selectFrom('complaint_event').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).executeTakeFirstOrThrow();
  const audit = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).executeTakeFirstOrThrow();
  return `complaints=${complaints.n};events=${events.n};audit=${audit.n}`;
}

/** A multipart/form-data body for inject. */
export function multipart(fields: Record<string, string>, files: Array<{ name: string; filename: string; data: Buffer; type?: string }> = []) {
  const boundary = '----pamongtest7b1f';
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

