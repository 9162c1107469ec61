import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { TImportResult } from '../../../../contracts/org';
import { copyLine, type CopyFn, type Database } from '../../../db/connect';
import type { DB } from '../../../db/schema';
import type { Ctx, TxCtx } from '../../../http/context';
import { AppError } from '../../../http/errors';
import { writeAudit } from '../../../platform/audit';
import { OrgErrors } from '../errors';
import type { ImportKind } from './layout';
import { parseImportFile, type JabatanImportRow, type PegawaiImportRow, type RowError } from './parse';

/**
 * Import of positions and pegawai (errors as data, as Actual Budget's importers): parse the file into rows and
 * row errors, check every reference against the database, then write everything in ONE transaction: COPY into a
 * temporary staging table on the transaction's own connection, then set-based INSERT/UPDATE. A dry run is the
 * very same transaction rolled back, so its counts are exactly what a real run would do. Re-importing the same
 * file updates nothing (rows are compared with IS DISTINCT FROM) and writes no audit row.
 */
export type ImportPhase = 'parse' | 'check' | 'write';
export interface ImportOptions {
  pemdaId: string;
  kind: ImportKind;
  buffer: Buffer;
  filename: string;
  dryRun: boolean;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

class DryRunRollback extends Error {
  constructor(readonly counts: WriteCounts) {
    super('dry run');
  }
}

interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const PREVIEW_ROWS = 20;

export async function runImport(ctx: Ctx, database: Database, options: ImportOptions): Promise<TImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress('parse', 0, 1);
  const parsed = await parseImportFile(options.buffer, options.filename, options.kind);
  progress('parse', 1, 1);
  if (parsed.fatal) {
    throw new AppError(OrgErrors.IMPORT_FILE_UNREADABLE, { reason: { id: parsed.fatal.id, en: parsed.fatal.en } });
  }
  progress('check', 0, parsed.rows.length);
  const checked =
    options.kind === 'jabatan'
      ? await checkJabatan(ctx, options.pemdaId, parsed.rows as JabatanImportRow[])
      : await checkPegawai(ctx, options.pemdaId, parsed.rows as PegawaiImportRow[]);
  progress('check', parsed.rows.length, parsed.rows.length);
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.row - b.row);
  const base = {
    kind: options.kind,
    dryRun: options.dryRun,
    totalRows: parsed.totalRows,
    valid: parsed.rows.length - checked.errors.length,
    errors: errors.map((e) => ({ row: e.row, ...(e.column ? { column: e.column } : {}), reason: { id: e.reason.id, en: e.reason.en } })),
    fatal: null,
    preview: parsed.rows.slice(0, PREVIEW_ROWS).map(({ row, ...rest }) => ({ row, ...rest })),
  };
  if (!options.dryRun && errors.length > 0) {
    throw new AppError(
      OrgErrors.IMPORT_HAS_ERRORS,
      { count: errors.length },
      errors.slice(0, 200).map((e) => ({ row: e.row, path: e.column ?? '', message: ctx.lang === 'en' ? e.reason.en : e.reason.id })),
    );
  }
  const validRows = checked.rows;
  let counts: WriteCounts;
  try {
    counts = await database.transactionWithCopy(async (trx, copy) => {
      progress('write', 0, validRows.length);
      const tx: TxCtx = { ...ctx, db: trx };
      const written =
        options.kind === 'jabatan'
          ? await writeJabatan(tx, copy, options.pemdaId, validRows as CheckedJabatan[])
          : await writePegawai(tx, copy, options.pemdaId, validRows as CheckedPegawai[]);
      progress('write', validRows.length, validRows.length);
      if (options.dryRun) throw new DryRunRollback(written);
      if (written.inserted + written.updated > 0) {
        await writeAudit(tx, {
          pemdaId: options.pemdaId,
          action: `import.${options.kind}`,
          entityType: options.kind,
          entityId: null,
          detail: { file: options.filename, rows: validRows.length, inserted: written.inserted, updated: written.updated },
        });
      }
      return written;
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    counts = error.counts;
  }
  return { ...base, ...counts };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks against the database: errors as data with the row number.

interface CheckedJabatan extends JabatanImportRow {
  opdId: string;
  unitId: string | null;
}
interface CheckedPegawai extends PegawaiImportRow {
  opdId: string;
  jabatanId: string | null;
}

const err = (row: number, column: string, id: string, en: string): RowError => ({ row, column, reason: { id, en } });

async function opdCodes(ctx: Ctx, pemdaId: string): Promise<Map<string, string>> {
  const rows = await ctx.db.selectFrom('opd').select(['id', 'code']).where('pemda_id', '=', pemdaId).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function checkJabatan(ctx: Ctx, pemdaId: string, rows: JabatanImportRow[]) {
  const opds = await opdCodes(ctx, pemdaId);
  const units = new Map(
    (await ctx.db.selectFrom('opd_unit').select(['id', 'code', 'opd_id']).where('pemda_id', '=', pemdaId).execute()).map((u) => [u.code, u]),
  );
  const errors: RowError[] = [];
  const ok: CheckedJabatan[] = [];
  for (const row of rows) {
    const opdId = opds.get(row.opdCode);
    if (!opdId) {
      errors.push(err(row.row, 'Kode OPD', `kode OPD ${row.opdCode} tidak ada di Pemda ini`, `OPD code ${row.opdCode} does not exist in this Pemda`));
      continue;
    }
    let unitId: string | null = null;
    if (row.unitCode) {
      const unit = units.get(row.unitCode);
      if (!unit || unit.opd_id !== opdId) {
        errors.push(err(row.row, 'Kode Unit', `kode unit ${row.unitCode} tidak ada di OPD ${row.opdCode}`, `unit code ${row.unitCode} does not exist in OPD ${row.opdCode}`));
        continue;
      }
      unitId = unit.id;
    }
    ok.push({ ...row, opdId, unitId });
  }
  return { rows: ok, errors };
}

async function checkPegawai(ctx: Ctx, pemdaId: string, rows: PegawaiImportRow[]) {
  const opds = await opdCodes(ctx, pemdaId);
  const codes = [...new Set(rows.map((r) => r.jabatanCode).filter((c): c is string => !!c))];
  // Positions named in the file, with their active definitif holder (to refuse taking an occupied seat).
  const jabatan = new Map<string, { id: string; holderNip: string | null }>();
  for (let i = 0; i < codes.length; i += 5000) {
    const found = await ctx.db
      .selectFrom('jabatan as j')
      .leftJoin('jabatan_holder as h', (join) =>
        join.onRef('h.pemda_id', '=', 'j.pemda_id').onRef('h.jabatan_id', '=', 'j.id').on('h.end_date', 'is', null).on('h.kind', '=', 'definitif'),
      )
      .leftJoin('pegawai as p', (join) => join.onRef('p.pemda_id', '=', 'h.pemda_id').onRef('p.id', '=', 'h.pegawai_id'))
      .select(['j.id', 'j.code', 'p.nip as holderNip'])
      .where('j.pemda_id', '=', pemdaId)
      .where('j.code', 'in', codes.slice(i, i + 5000))
      .execute();
    for (const f of found) jabatan.set(f.code, { id: f.id, holderNip: f.holderNip });
  }
  const fileNips = new Set(rows.map((r) => r.nip).filter((n): n is string => !!n));
  const seatTaken = new Map<string, number>();
  const errors: RowError[] = [];
  const ok: CheckedPegawai[] = [];
  for (const row of rows) {
    const opdId = opds.get(row.opdCode);
    if (!opdId) {
      errors.push(err(row.row, 'Kode OPD', `kode OPD ${row.opdCode} tidak ada di Pemda ini`, `OPD code ${row.opdCode} does not exist in this Pemda`));
      continue;
    }
    let jabatanId: string | null = null;
    if (row.jabatanCode) {
      const seat = jabatan.get(row.jabatanCode);
      if (!seat) {
        errors.push(err(row.row, 'Kode Jabatan', `kode jabatan ${row.jabatanCode} tidak ada; impor jabatan dulu`, `position code ${row.jabatanCode} does not exist; import positions first`));
        continue;
      }
      const earlier = seatTaken.get(row.jabatanCode);
      if (earlier !== undefined) {
        errors.push(err(row.row, 'Kode Jabatan', `jabatan ${row.jabatanCode} sudah diisi pegawai di baris ${earlier}`, `position ${row.jabatanCode} is already given to the employee on row ${earlier}`));
        continue;
      }
      // Held by someone else who is not moved by this file: the seat is not free.
      if (seat.holderNip && seat.holderNip !== row.nip && !fileNips.has(seat.holderNip)) {
        errors.push(err(row.row, 'Kode Jabatan', `jabatan ${row.jabatanCode} masih dijabat NIP ${seat.holderNip}`, `position ${row.jabatanCode} is still held by NIP ${seat.holderNip}`));
        continue;
      }
      seatTaken.set(row.jabatanCode, row.row);
      jabatanId = seat.id;
    }
    ok.push({ ...row, opdId, jabatanId });
  }
  return { rows: ok, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// Writes: COPY into a temp table on the transaction's connection, then set-based statements.

const affected = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

async function writeJabatan(tx: TxCtx, copy: CopyFn, pemdaId: string, rows: CheckedJabatan[]): Promise<WriteCounts> {
  const trx = tx.db;
  await sql`CREATE TEMP TABLE stage_jabatan (code text, name text, kind text, kelas int, opd_id uuid, unit_id uuid, is_head boolean) ON COMMIT DROP`.execute(trx);
  await copy('stage_jabatan', ['code', 'name', 'kind', 'kelas', 'opd_id', 'unit_id', 'is_head'], rows.map((r) => copyLine([r.code, r.name, r.kind, r.kelasJabatan, r.opdId, r.unitId, r.isOpdHead])));
  const updated = await sql`
    UPDATE jabatan j SET name = s.name, kind = s.kind, kelas_jabatan = s.kelas, opd_id = s.opd_id, unit_id = s.unit_id, is_opd_head = s.is_head, updated_at = now()
    FROM stage_jabatan s
    WHERE j.pemda_id = ${pemdaId} AND j.code = s.code
      AND (j.name, j.kind, j.kelas_jabatan, j.opd_id, j.unit_id, j.is_opd_head) IS DISTINCT FROM (s.name, s.kind, s.kelas, s.opd_id, s.unit_id, s.is_head)`.execute(trx);
  const inserted = await sql`
    INSERT INTO jabatan (pemda_id, code, name, kind, kelas_jabatan, opd_id, unit_id, is_opd_head)
    SELECT ${pemdaId}, s.code, s.name, s.kind, s.kelas, s.opd_id, s.unit_id, s.is_head FROM stage_jabatan s
    WHERE NOT EXISTS (SELECT 1 FROM jabatan j WHERE j.pemda_id = ${pemdaId} AND j.code = s.code)`.execute(trx);
  const counts = { inserted: affected(inserted), updated: affected(updated) };
  return { ...counts, unchanged: rows.length - counts.inserted - counts.updated };
}

const PEGAWAI_STAGE = ['nip', 'name', 'gelar_depan', 'gelar_belakang', 'status', 'golongan', 'sex', 'birth_date', 'phone', 'email', 'opd_id', 'office', 'jabatan_id', 'tmt', 'new_id'] as const;

async function writePegawai(tx: TxCtx, copy: CopyFn, pemdaId: string, rows: CheckedPegawai[]): Promise<WriteCounts> {
  const trx: Transaction<DB> = tx.db;
  await sql`CREATE TEMP TABLE stage_pegawai (
      nip text, name text, gelar_depan text, gelar_belakang text, status text, golongan text, sex text, birth_date date,
      phone text, email text, opd_id uuid, office text, jabatan_id uuid, tmt date, new_id uuid, existing_id uuid) ON COMMIT DROP`.execute(trx);
  await copy(
    'stage_pegawai',
    PEGAWAI_STAGE,
    rows.map((r) =>
      copyLine([r.nip, r.name, r.gelarDepan, r.gelarBelakang, r.status, r.golongan, r.sex, r.birthDate, r.phone, r.email, r.opdId, r.office, r.jabatanId, r.tmtJabatan, randomUUID()]),
    ),
  );
  // Match existing pegawai: by NIP; non-ASN without NIP by OPD, name and birth date.
  await sql`UPDATE stage_pegawai s SET existing_id = p.id FROM pegawai p WHERE p.pemda_id = ${pemdaId} AND s.nip IS NOT NULL AND p.nip = s.nip`.execute(trx);
  await sql`UPDATE stage_pegawai s SET existing_id = p.id FROM pegawai p
            WHERE p.pemda_id = ${pemdaId} AND s.nip IS NULL AND p.nip IS NULL AND p.opd_id = s.opd_id
              AND lower(p.name) = lower(s.name) AND p.birth_date IS NOT DISTINCT FROM s.birth_date`.execute(trx);
  const updated = await sql`
    UPDATE pegawai p SET name = s.name, gelar_depan = s.gelar_depan, gelar_belakang = s.gelar_belakang, status = s.status,
      golongan = s.golongan, sex = s.sex, birth_date = s.birth_date, phone = s.phone, email = s.email, opd_id = s.opd_id,
      office = s.office, active = true, updated_at = now()
    FROM stage_pegawai s
    WHERE p.pemda_id = ${pemdaId} AND p.id = s.existing_id
      AND (p.name, p.gelar_depan, p.gelar_belakang, p.status, p.golongan, p.sex, p.birth_date, p.phone, p.email, p.opd_id, p.office, p.active)
          IS DISTINCT FROM (s.name, s.gelar_depan, s.gelar_belakang, s.status, s.golongan, s.sex, s.birth_date, s.phone, s.email, s.opd_id, s.office, true)`.execute(trx);
  const inserted = await sql`
    INSERT INTO pegawai (pemda_id, id, nip, name, gelar_depan, gelar_belakang, status, golongan, sex, birth_date, phone, email, opd_id, office)
    SELECT ${pemdaId}, s.new_id, s.nip, s.name, s.gelar_depan, s.gelar_belakang, s.status, s.golongan, s.sex, s.birth_date, s.phone, s.email, s.opd_id, s.office
    FROM stage_pegawai s WHERE s.existing_id IS NULL`.execute(trx);
  await sql`UPDATE stage_pegawai SET existing_id = new_id WHERE existing_id IS NULL`.execute(trx);
  // Positions: a row naming a position the pegawai does not hold yet ends their current definitif holding the
  // day before the TMT and opens the new one. Holding the same position already changes nothing.
  const moving = sql`
    SELECT s.existing_id AS pegawai_id, s.jabatan_id, s.tmt FROM stage_pegawai s
    WHERE s.jabatan_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM jabatan_holder h WHERE h.pemda_id = ${pemdaId} AND h.pegawai_id = s.existing_id
        AND h.jabatan_id = s.jabatan_id AND h.end_date IS NULL AND h.kind = 'definitif')`;
  const ended = await sql`
    UPDATE jabatan_holder h SET end_date = GREATEST(h.start_date, m.tmt - 1)
    FROM (${moving}) m
    WHERE h.pemda_id = ${pemdaId} AND h.end_date IS NULL AND h.kind = 'definitif'
      AND (h.pegawai_id = m.pegawai_id OR h.jabatan_id = m.jabatan_id)`.execute(trx);
  const opened = await sql`
    INSERT INTO jabatan_holder (pemda_id, pegawai_id, jabatan_id, kind, start_date)
    SELECT ${pemdaId}, m.pegawai_id, m.jabatan_id, 'definitif', m.tmt FROM (${moving}) m`.execute(trx);
  const insertedCount = affected(inserted);
  // A pegawai whose only change is a new position counts as updated.
  const positionOnly = Math.max(0, affected(opened) - insertedCount);
  const updatedCount = Math.min(rows.length - insertedCount, affected(updated) + (affected(ended) > 0 || positionOnly > 0 ? positionOnly : 0));
  return { inserted: insertedCount, updated: updatedCount, unchanged: rows.length - insertedCount - updatedCount };
}
