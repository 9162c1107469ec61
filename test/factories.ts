import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TenantRole } from '../src/contracts/roles';
import type { DB } from '../src/server/db/schema';
import { inTransaction, systemCtx } from '../src/server/http/context';
import { hashPassword } from '../src/server/modules/auth/password';
import { createUserSession } from '../src/server/modules/auth/session';
import { createPemdaFromRegistry } from '../src/server/modules/org/wilayah';

/** Factories: each test builds its own tenant, so nothing is shared and nothing needs truncating. */
const KODE_POOL = ['19.71', '53.71', '61.72', '73.10', '31.71', '32.73', '33.74', '35.78', '12.71', '51.71'];
let pemdaCounter = 0;

export async function buildPemda(db: Kysely<DB>, kode?: string): Promise<{ id: string; kode: string }> {
  for (let attempt = 0; attempt < KODE_POOL.length; attempt += 1) {
    const candidate = kode ?? (KODE_POOL[pemdaCounter++ % KODE_POOL.length] as string);
    const exists = await db.selectFrom('pemda').select('id').where('kode_wilayah', '=', candidate).executeTakeFirst();
    if (exists && !kode) continue;
    const id = await inTransaction(systemCtx(db), (tx) => createPemdaFromRegistry(tx, candidate));
    return { id, kode: candidate };
  }
  throw new Error('KODE_POOL exhausted: use fewer Pemdas per test file');
}

let codeCounter = 0;
const nextCode = (prefix: string) => `${prefix}${(++codeCounter).toString().padStart(4, '0')}`;

export async function buildOpd(
  db: Kysely<DB>,
  pemdaId: string,
  overrides: Partial<{ name: string; kind: string; code: string; parentId: string | null; wilayahKode: string | null }> = {},
): Promise<{ id: string; code: string; name: string }> {
  const code = overrides.code ?? nextCode('OPD');
  const name = overrides.name ?? `Dinas Uji ${code}`;
  const row = await db
    .insertInto('opd')
    .values({ pemda_id: pemdaId, code, name, short_name: null, kind: overrides.kind ?? 'dinas', parent_id: overrides.parentId ?? null, wilayah_kode: overrides.wilayahKode ?? null, address: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code, name };
}

let nipCounter = 0;
/** A valid, unique NIP: born in March 1985 (day varies), appointed 2010-01, male, running sequence. */
export function nextNip(): string {
  nipCounter += 1;
  const day = String(1 + (Math.floor(nipCounter / 999) % 28)).padStart(2, '0');
  const sequence = String((nipCounter % 999) + 1).padStart(3, '0');
  return `198503${day}2010011${sequence}`;
}

export async function buildPegawai(
  db: Kysely<DB>,
  pemdaId: string,
  opdId: string,
  overrides: Partial<{ name: string; nip: string | null; status: 'PNS' | 'PPPK' | 'NON_ASN' }> = {},
): Promise<{ id: string; nip: string | null; name: string }> {
  const status = overrides.status ?? 'PNS';
  const nip = overrides.nip !== undefined ? overrides.nip : status === 'NON_ASN' ? null : nextNip();
  const name = overrides.name ?? `Pegawai ${randomUUID().slice(0, 6)}`;
  const row = await db
    .insertInto('pegawai')
    .values({ pemda_id: pemdaId, nip, name, gelar_depan: null, gelar_belakang: null, status, golongan: status === 'PNS' ? 'III/a' : null, sex: 'L', birth_date: nip ? `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}` : '1985-03-12', phone: '+6281234567890', email: null, opd_id: opdId, office: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, nip, name };
}

export const TEST_PASSWORD = 'Uji-Coba-Pamong-2026';

/** An account with a ready session cookie (stage full), bypassing login so tests of other features stay fast. */
export async function buildUser(
  db: Kysely<DB>,
  pemdaId: string,
  role: TenantRole,
  overrides: Partial<{ opdId: string | null; email: string; pegawaiId: string | null }> = {},
): Promise<{ id: string; email: string; cookie: string }> {
  const email = overrides.email ?? `${role}.${randomUUID().slice(0, 8)}@uji.go.id`;
  const row = await db
    .insertInto('app_user')
    .values({ pemda_id: pemdaId, email, name: `Uji ${role}`, password_hash: await cachedHash(), role, opd_id: overrides.opdId ?? null, pegawai_id: overrides.pegawaiId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cookie = await createUserSession(db, pemdaId, row.id, 'full');
  return { id: row.id, email, cookie };
}

let hashPromise: Promise<string> | undefined;
function cachedHash(): Promise<string> {
  hashPromise ??= hashPassword(TEST_PASSWORD);
  return hashPromise;
}

export async function buildUnit(
  db: Kysely<DB>,
  pemdaId: string,
  opdId: string,
  overrides: Partial<{ name: string; code: string; kind: string; parentId: string | null }> = {},
): Promise<{ id: string; code: string; name: string }> {
  const code = overrides.code ?? nextCode('UNIT');
  const name = overrides.name ?? `Bidang Uji ${code}`;
  const row = await db
    .insertInto('opd_unit')
    .values({ pemda_id: pemdaId, opd_id: opdId, parent_id: overrides.parentId ?? null, code, name, kind: overrides.kind ?? 'bidang' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code, name };
}

export async function buildJabatan(
  db: Kysely<DB>,
  pemdaId: string,
  opdId: string,
  overrides: Partial<{
    name: string;
    code: string;
    kind: 'jpt_pratama' | 'administrator' | 'pengawas' | 'fungsional' | 'pelaksana';
    kelasJabatan: number;
    unitId: string | null;
    isOpdHead: boolean;
  }> = {},
): Promise<{ id: string; code: string; name: string }> {
  const code = overrides.code ?? nextCode('JAB');
  const name = overrides.name ?? `Kepala Seksi Uji ${code}`;
  const row = await db
    .insertInto('jabatan')
    .values({
      pemda_id: pemdaId,
      code,
      name,
      kind: overrides.kind ?? 'pengawas',
      kelas_jabatan: overrides.kelasJabatan ?? 9,
      opd_id: opdId,
      unit_id: overrides.unitId ?? null,
      is_opd_head: overrides.isOpdHead ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code, name };
}

/** Puts a pegawai in a position (definitif from 2024-01-02 unless told otherwise). */
export async function buildHolder(
  db: Kysely<DB>,
  pemdaId: string,
  links: { pegawaiId: string; jabatanId: string },
  overrides: Partial<{ kind: 'definitif' | 'plt' | 'plh'; startDate: string; endDate: string | null }> = {},
): Promise<{ id: string }> {
  return db
    .insertInto('jabatan_holder')
    .values({
      pemda_id: pemdaId,
      pegawai_id: links.pegawaiId,
      jabatan_id: links.jabatanId,
      kind: overrides.kind ?? 'definitif',
      start_date: overrides.startDate ?? '2024-01-02',
      end_date: overrides.endDate ?? null,
      sk_number: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
