import { randomBytes } from 'node:crypto';
import type { TenantRole } from '../../src/contracts/roles';
import { buildOpd, buildPemda, buildUser } from '../factories';
import type { TestApp } from '../support/app';

/** A Pemda with the OPDs and accounts the indicator tests need (Kota Pangkal Pinang: real kelurahan codes). */
export async function indicatorWorld(t: TestApp, kode = '19.71') {
  const db = t.database.db;
  const pemda = await buildPemda(db, kode);
  const wilayah = await db.selectFrom('wilayah').select(['kode', 'name', 'level', 'parent_kode']).where('pemda_id', '=', pemda.id).orderBy('kode').execute();
  const kecamatan = wilayah.filter((w) => w.level === 'kecamatan');
  const firstKec = kecamatan[0]?.kode as string;
  const kelurahanOfFirst = wilayah.filter((w) => w.parent_kode === firstKec).map((w) => w.kode);
  const allKelurahan = wilayah.filter((w) => w.level === 'kelurahan' || w.level === 'desa').map((w) => w.kode);
  const dinkes = await buildOpd(db, pemda.id, { code: `DINKES`, name: 'Dinas Kesehatan' });
  const dinsos = await buildOpd(db, pemda.id, { code: `DINSOS`, name: 'Dinas Sosial' });
  const bapperida = await buildOpd(db, pemda.id, { code: `BAPPERIDA`, name: 'Bapperida', kind: 'badan' });
  const kelurahanOpd = await buildOpd(db, pemda.id, { code: `KEL-${kelurahanOfFirst[0]?.replace(/\./g, '')}`, name: 'Kelurahan Satu', kind: 'kelurahan', wilayahKode: kelurahanOfFirst[0] as string });
  await db.insertInto('pemda_setting').values({ pemda_id: pemda.id, key: 'walidata_opd_id', value: JSON.stringify(bapperida.id) }).execute();
  const user = async (role: TenantRole, opdId: string | null = null) => (await buildUser(db, pemda.id, role, { opdId })).cookie;
  const cookies = {
    admin: await user('admin_pemda'),
    dinkes: await user('operator_opd', dinkes.id),
    dinsos: await user('operator_opd', dinsos.id),
    walidata: await user('kepala_opd', bapperida.id),
    kepalaDinsos: await user('kepala_opd', dinsos.id),
    lurah: await user('kepala_opd', kelurahanOpd.id),
    pegawai: await user('pegawai', dinkes.id),
    sekda: await user('sekda'),
  };
  return { pemda, wilayah, firstKec, kelurahanOfFirst, allKelurahan, opd: { dinkes, dinsos, bapperida, kelurahanOpd }, cookies };
}
export type World = Awaited<ReturnType<typeof indicatorWorld>>;

export function stuntingInput(producerOpdId: string, overrides: Record<string, unknown> = {}) {
  return {
    code: 'STUNTING',
    nameId: 'Prevalensi balita stunting',
    nameEn: 'Stunting prevalence',
    definition: 'Persentase balita stunting dari balita yang diukur.',
    unit: '%',
    kind: 'rate',
    factor: 100,
    numeratorCode: 'STUNTING_NUM',
    denominatorCode: 'STUNTING_DEN',
    numeratorLabel: 'Balita stunting',
    denominatorLabel: 'Balita diukur',
    periodicity: 'quarterly',
    lowestLevel: 'kelurahan',
    producerOpdId,
    source: 'e-PPGBM',
    method: 'Pengukuran posyandu',
    minValue: 0,
    maxValue: 100,
    tags: ['stunting'],
    ...overrides,
  };
}

export function populationInput(producerOpdId: string, overrides: Record<string, unknown> = {}) {
  return { ...stuntingInput(producerOpdId), code: 'PENDUDUK', nameId: 'Jumlah penduduk', nameEn: 'Population', unit: 'jiwa', kind: 'count', factor: 1, numeratorCode: null, denominatorCode: null, numeratorLabel: null, denominatorLabel: null, periodicity: 'yearly', minValue: 0, maxValue: null, polarity: 'neutral', ...overrides };
}

export function multipart(filename: string, content: Buffer | string) {
  const boundary = `----pamong${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function auditCount(t: TestApp, pemdaId: string, action?: string): Promise<number> {
  let query = t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId);
  if (action) query = query.where('action', '=', action);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function tableCount(t: TestApp, table: 'indicator' | 'indicator_value' | 'indicator_value_history' | 'intervention' | 'open_dataset' | 'vulnerability_index'): Promise<number> {
  return Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}
