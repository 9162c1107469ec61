import type { Database } from '../db/connect';
import { copyLine } from '../db/connect';
import { inTransaction, systemCtx, type TxCtx } from '../http/context';
import { MODULES } from '../modules';
import { generateDemoOrg } from '../modules/org/demo/generate';
import { mulberry32 } from '../modules/org/demo/random';
import { createPemdaFromRegistry } from '../modules/org/wilayah';
import { writeAudit } from '../platform/audit';

export const DEMO_KODE = '19.71';

export interface DemoSeedOptions {
  pegawaiCount: number;
  log: (line: string) => void;
}

/**
 * The demo Pemda: Kota Pangkal Pinang with its real kecamatan, kelurahan and boundaries, and a synthetic staff
 * (names, NIPs and heads are invented; the Pemda row is marked synthetic). Each module then adds its own demo
 * history through its `seedDemo`. Deterministic: the same size gives the same data.
 */
export async function seedDemoPemda(database: Database, options: DemoSeedOptions): Promise<{ created: boolean; pemdaId: string; pegawai: number }> {
  const existing = await database.db.selectFrom('pemda').select('id').where('kode_wilayah', '=', DEMO_KODE).executeTakeFirst();
  if (existing) return { created: false, pemdaId: existing.id, pegawai: 0 };
  options.log(`Memuat Pemda demo / loading the demo Pemda (Kota Pangkal Pinang, ${options.pegawaiCount} pegawai)...`);
  const pemdaId = await seedDemoOrganisation(database, options);
  for (const module of MODULES) {
    if (!module.seedDemo) continue;
    const moduleStart = Date.now();
    await module.seedDemo({ db: database.db, database, pemdaId, pegawaiCount: options.pegawaiCount, random: mulberry32(hashName(module.name)), log: options.log });
    options.log(`  ${module.name}: ${((Date.now() - moduleStart) / 1000).toFixed(1)} s`);
  }
  for (const module of MODULES) {
    await module.linkDemo?.({ db: database.db, database, pemdaId, pegawaiCount: options.pegawaiCount, random: mulberry32(hashName(`${module.name}.links`)), log: options.log });
  }
  const pegawai = await database.db.selectFrom('pegawai').select((eb) => eb.fn.countAll().as('n')).where('pemda_id', '=', pemdaId).executeTakeFirstOrThrow();
  return { created: true, pemdaId, pegawai: Number(pegawai.n) };
}

/** Only the organisation of the demo Pemda (regions, OPDs, units, positions, pegawai, holders); benchmarks use it alone. */
export async function seedDemoOrganisation(database: Database, options: DemoSeedOptions): Promise<string> {
  const started = Date.now();
  const org = generateDemoOrg({ pegawaiCount: options.pegawaiCount, seed: 1971 });
  const sys = systemCtx(database.db, 'seed-demo');
  const pemdaId = await inTransaction(sys, (tx) => createPemdaFromRegistry(tx, DEMO_KODE, { synthetic: true }));
  await database.transactionWithCopy(async (trx, copy) => {
    const tx: TxCtx = { ...sys, db: trx };
    await insertHeads(tx, pemdaId);
    await copy(
      'opd',
      ['pemda_id', 'id', 'code', 'name', 'short_name', 'kind', 'parent_id', 'wilayah_kode', 'address', 'sort_order'],
      org.opds.map((o) => copyLine([pemdaId, o.id, o.code, o.name, o.short_name, o.kind, o.parent_id, o.wilayah_kode, o.address, o.sort_order])),
    );
    await copy(
      'opd_unit',
      ['pemda_id', 'id', 'opd_id', 'parent_id', 'code', 'name', 'kind', 'sort_order'],
      org.units.map((u) => copyLine([pemdaId, u.id, u.opd_id, u.parent_id, u.code, u.name, u.kind, u.sort_order])),
    );
    await copy(
      'jabatan',
      ['pemda_id', 'id', 'code', 'name', 'kind', 'kelas_jabatan', 'opd_id', 'unit_id', 'is_opd_head'],
      org.jabatan.map((j) => copyLine([pemdaId, j.id, j.code, j.name, j.kind, j.kelas_jabatan, j.opd_id, j.unit_id, j.is_opd_head])),
    );
    await copy(
      'pegawai',
      ['pemda_id', 'id', 'nip', 'name', 'gelar_depan', 'gelar_belakang', 'status', 'golongan', 'sex', 'birth_date', 'phone', 'email', 'opd_id', 'office', 'synthetic'],
      org.pegawai.map((p) =>
        copyLine([pemdaId, p.id, p.nip, p.name, p.gelar_depan, p.gelar_belakang, p.status, p.golongan, p.sex, p.birth_date, p.phone, p.email, p.opd_id, p.office, true]),
      ),
    );
    await copy(
      'jabatan_holder',
      ['pemda_id', 'id', 'pegawai_id', 'jabatan_id', 'kind', 'start_date', 'end_date', 'sk_number'],
      org.holders.map((h) => copyLine([pemdaId, h.id, h.pegawai_id, h.jabatan_id, h.kind, h.start_date, h.end_date, h.sk_number])),
    );
    await writeAudit(tx, {
      pemdaId,
      action: 'seed.demo',
      entityType: 'pemda',
      entityId: pemdaId,
      detail: { synthetic: true, opd: org.opds.length, units: org.units.length, jabatan: org.jabatan.length, pegawai: org.pegawai.length },
    });
  });
  options.log(`  organisasi: ${org.opds.length} OPD, ${org.jabatan.length} jabatan, ${org.pegawai.length} pegawai (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return pemdaId;
}

/** Each module gets its own random stream, so adding a module never changes another module's demo data. */
function hashName(name: string): number {
  let hash = 2166136261;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/**
 * The heads of the demo city, invented people on the real pattern of Pangkal Pinang: an elected mayor, acting
 * (Pj) mayors appointed by the Minister while the 2024 result was contested, then the mayor elected at the
 * repeat Pilkada of 27 August 2025.
 */
async function insertHeads(tx: TxCtx, pemdaId: string): Promise<void> {
  await tx.db
    .insertInto('pemda_head')
    .values([
      { pemda_id: pemdaId, name: 'H. Rahmat Hidayat, S.E. (demo)', title: 'Wali Kota', status: 'definitif', term_start: '2018-05-22', term_end: '2023-05-22', legal_basis: 'Keputusan Mendagri (contoh data demo)' },
      { pemda_id: pemdaId, name: 'Drs. Bambang Sutrisno, M.Si. (demo)', title: 'Penjabat Wali Kota', status: 'pj', term_start: '2023-05-22', term_end: '2025-02-20', legal_basis: 'Keputusan Mendagri tentang Pengangkatan Penjabat Wali Kota (contoh data demo)' },
      { pemda_id: pemdaId, name: 'Dr. Ir. Sulaiman Effendi, M.T. (demo)', title: 'Penjabat Wali Kota', status: 'pj', term_start: '2025-02-20', term_end: '2025-11-10', legal_basis: 'Keputusan Mendagri tentang Pengangkatan Penjabat Wali Kota (contoh data demo)' },
      { pemda_id: pemdaId, name: 'H. Maulana Akbar, S.H., M.H. (demo)', title: 'Wali Kota', status: 'definitif', term_start: '2025-11-10', term_end: '2030-11-10', legal_basis: 'Hasil Pilkada ulang 27 Agustus 2025; Keputusan Mendagri (contoh data demo)' },
    ])
    .execute();
}
