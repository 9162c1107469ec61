import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TBudgetImportResult } from '../../../../contracts/budget';
import { copyLine, type CopyFn, type Database } from '../../../db/connect';
import type { Ctx, TxCtx } from '../../../http/context';
import { AppError } from '../../../http/errors';
import { writeAudit } from '../../../platform/audit';
import { BudgetErrors } from '../errors';
import { refreshRollup } from '../rollup';
import { parseBudgetFile, type BudgetImportRow, type RowError } from './parse';

/**
 * APBD import in the house style (org/import/service.ts): parse to rows and row errors, check references, then
 * ONE transaction that COPYs into temporary staging tables and applies set-based upserts. Any row error refuses
 * the whole file (nothing is saved); a dry run is the same transaction rolled back, so its counts are exact; a
 * re-import of the same file changes nothing and writes no audit row.
 */
class DryRunRollback extends Error {
  constructor(readonly counts: Counts) {
    super('dry run');
  }
}
interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}
interface Checked extends BudgetImportRow {
  opdId: string;
  unitId: string | null;
  sasaranId: string | null;
}

export async function runBudgetImport(ctx: Ctx, database: Database, options: { pemdaId: string; buffer: Buffer; filename: string; dryRun: boolean }): Promise<TBudgetImportResult> {
  const parsed = await parseBudgetFile(options.buffer, options.filename);
  if (parsed.fatal) throw new AppError(BudgetErrors.BUDGET_IMPORT_UNREADABLE, { reason: { id: parsed.fatal.id, en: parsed.fatal.en } });
  const checked = await check(ctx, options.pemdaId, parsed.rows);
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.row - b.row);
  if (!options.dryRun && errors.length > 0) {
    throw new AppError(
      BudgetErrors.BUDGET_IMPORT_HAS_ERRORS,
      { count: errors.length },
      errors.slice(0, 200).map((e) => ({ row: e.row, path: e.column ?? '', message: ctx.lang === 'en' ? e.reason.en : e.reason.id })),
    );
  }
  let counts: Counts;
  try {
    counts = await database.transactionWithCopy(async (trx, copy) => {
      const tx: TxCtx = { ...ctx, db: trx };
      const written = await write(tx, copy, options.pemdaId, checked.rows, parsed.present);
      if (options.dryRun) throw new DryRunRollback(written);
      if (written.inserted + written.updated > 0) {
        await writeAudit(tx, { pemdaId: options.pemdaId, action: 'budget.import.apbd', entityType: 'budget_sub_kegiatan', detail: { file: options.filename, rows: checked.rows.length, ...written } });
      }
      return written;
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    counts = error.counts;
  }
  return {
    dryRun: options.dryRun,
    totalRows: parsed.totalRows,
    valid: checked.rows.length,
    ...counts,
    errors: errors.map((e) => ({ row: e.row, ...(e.column ? { column: e.column } : {}), reason: e.reason })),
  };
}

async function check(ctx: Ctx, pemdaId: string, rows: BudgetImportRow[]): Promise<{ rows: Checked[]; errors: RowError[] }> {
  const [opds, units, wilayah, sasaran] = await Promise.all([
    ctx.db.selectFrom('opd').select(['id', 'code']).where('pemda_id', '=', pemdaId).execute(),
    ctx.db.selectFrom('opd_unit').select(['id', 'code', 'opd_id']).where('pemda_id', '=', pemdaId).execute(),
    ctx.db.selectFrom('wilayah').select(['kode', 'level']).where('pemda_id', '=', pemdaId).execute(),
    ctx.db.selectFrom('budget_sasaran').select(['id', 'kode']).where('pemda_id', '=', pemdaId).execute(),
  ]);
  const opdBy = new Map(opds.map((o) => [o.code.toUpperCase(), o.id]));
  const unitBy = new Map(units.map((u) => [u.code.toUpperCase(), u]));
  const wilayahBy = new Map(wilayah.map((w) => [w.kode, w.level]));
  const sasaranBy = new Map(sasaran.map((s) => [s.kode, s.id]));
  const errors: RowError[] = [];
  const ok: Checked[] = [];
  for (const row of rows) {
    const e = (column: string, id: string, en: string) => errors.push({ row: row.row, column, reason: { id, en } });
    const opdId = opdBy.get(row.opdCode);
    if (!opdId) {
      e('Kode OPD', `kode OPD ${row.opdCode} tidak ada di Pemda ini`, `OPD code ${row.opdCode} does not exist in this Pemda`);
      continue;
    }
    let unitId: string | null = null;
    if (row.unitCode) {
      const unit = unitBy.get(row.unitCode);
      if (!unit || unit.opd_id !== opdId) {
        e('Kode Unit', `kode unit ${row.unitCode} tidak ada di OPD ${row.opdCode}`, `unit code ${row.unitCode} does not exist in OPD ${row.opdCode}`);
        continue;
      }
      unitId = unit.id;
    }
    if (row.wilayahKode) {
      const level = wilayahBy.get(row.wilayahKode);
      if (level !== 'kelurahan' && level !== 'desa') {
        e('Kode Kelurahan', `kelurahan ${row.wilayahKode} tidak ada di Pemda ini`, `kelurahan ${row.wilayahKode} is not in this Pemda`);
        continue;
      }
    }
    let sasaranId: string | null = null;
    if (row.sasaranKode) {
      sasaranId = sasaranBy.get(row.sasaranKode) ?? null;
      if (!sasaranId) {
        e('Kode Sasaran', `sasaran ${row.sasaranKode} tidak ada di RPJMD`, `target ${row.sasaranKode} does not exist in the RPJMD`);
        continue;
      }
    }
    ok.push({ ...row, opdId, unitId, sasaranId });
  }
  return { rows: ok, errors };
}

const SUB_STAGE = ['tahun', 'opd_id', 'program_kode', 'program_nama', 'kegiatan_kode', 'kegiatan_nama', 'kode', 'nama', 'pagu', 'pagu_perubahan', 'wilayah_kode', 'unit_id', 'sasaran_id', 'jenis', 'mendesak', 'dilindungi', 'dilindungi_alasan', 'status_kontrak', 'new_id'] as const;
const MONTH_STAGE = ['tahun', 'opd_id', 'kode', 'bulan', 'rk', 'rf', 'xk', 'xf'] as const;

/** Optional classification columns absent from the file are left as they are on existing rows. */
const OPTIONAL_SET: Record<string, string> = {
  paguPerubahan: 'pagu_perubahan = st.pagu_perubahan',
  wilayahKode: 'wilayah_kode = st.wilayah_kode',
  unitCode: 'unit_id = st.unit_id',
  sasaranKode: 'sasaran_id = st.sasaran_id',
  jenis: "jenis = coalesce(st.jenis, 'non_fisik')",
  mendesak: 'mendesak = coalesce(st.mendesak, false)',
  statusKontrak: "status_kontrak = coalesce(st.status_kontrak, 'belum')",
};
const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);

async function write(tx: TxCtx, copy: CopyFn, pemdaId: string, rows: Checked[], present: Set<string>): Promise<Counts> {
  const db = tx.db;
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  await sql`CREATE TEMP TABLE stage_budget_sub (tahun int, opd_id uuid, program_kode text, program_nama text, kegiatan_kode text, kegiatan_nama text, kode text, nama text,
    pagu numeric, pagu_perubahan numeric, wilayah_kode text, unit_id uuid, sasaran_id uuid, jenis text, mendesak boolean, dilindungi boolean, dilindungi_alasan text,
    status_kontrak text, new_id uuid, sub_id uuid) ON COMMIT DROP`.execute(db);
  await sql`CREATE TEMP TABLE stage_budget_month (tahun int, opd_id uuid, kode text, bulan int, rk numeric, rf numeric, xk numeric, xf numeric) ON COMMIT DROP`.execute(db);
  await copy('stage_budget_sub', SUB_STAGE, rows.map((r) => copyLine([r.tahun, r.opdId, r.programKode, r.programNama, r.kegiatanKode, r.kegiatanNama, r.kode, r.nama, r.pagu, r.paguPerubahan, r.wilayahKode, r.unitId, r.sasaranId, r.jenis, r.mendesak, r.dilindungi, r.dilindungiAlasan, r.statusKontrak, randomUUID()])));
  const monthLines: string[] = [];
  const hasPlan = present.has('kas') || present.has('fisik');
  const hasReal = present.has('realisasi') || present.has('progres');
  if (hasPlan || hasReal) {
    for (const r of rows) {
      for (let m = 0; m < 12; m += 1) {
        monthLines.push(copyLine([r.tahun, r.opdId, r.kode, m + 1, r.months.kas?.[m] ?? null, r.months.fisik?.[m] ?? null, r.months.realisasi?.[m] ?? null, r.months.progres?.[m] ?? null]));
      }
    }
    await copy('stage_budget_month', MONTH_STAGE, monthLines);
  }
  await sql`
    INSERT INTO budget_program (pemda_id, tahun, opd_id, kode, nama)
    SELECT DISTINCT ON (tahun, opd_id, program_kode) ${pemdaId}::uuid, tahun, opd_id, program_kode, program_nama FROM stage_budget_sub
    ON CONFLICT (pemda_id, tahun, opd_id, kode) DO UPDATE SET nama = EXCLUDED.nama WHERE budget_program.nama IS DISTINCT FROM EXCLUDED.nama`.execute(db);
  await sql`
    INSERT INTO budget_kegiatan (pemda_id, program_id, kode, nama)
    SELECT DISTINCT ON (p.id, st.kegiatan_kode) ${pemdaId}::uuid, p.id, st.kegiatan_kode, st.kegiatan_nama
    FROM stage_budget_sub st JOIN budget_program p ON p.pemda_id = ${pemdaId} AND p.tahun = st.tahun AND p.opd_id = st.opd_id AND p.kode = st.program_kode
    ON CONFLICT (pemda_id, program_id, kode) DO UPDATE SET nama = EXCLUDED.nama WHERE budget_kegiatan.nama IS DISTINCT FROM EXCLUDED.nama`.execute(db);
  await sql`
    UPDATE stage_budget_sub st SET sub_id = s.id FROM budget_sub_kegiatan s
    WHERE s.pemda_id = ${pemdaId} AND s.tahun = st.tahun AND s.opd_id = st.opd_id AND s.kode = st.kode`.execute(db);
  const kegiatanOf = sql`(SELECT k.id FROM budget_kegiatan k JOIN budget_program p ON p.pemda_id = k.pemda_id AND p.id = k.program_id
      WHERE k.pemda_id = ${pemdaId} AND p.tahun = st.tahun AND p.opd_id = st.opd_id AND p.kode = st.program_kode AND k.kode = st.kegiatan_kode)`;
  const optional = Object.entries(OPTIONAL_SET).filter(([key]) => present.has(key)).map(([, set]) => set);
  const dilindungiSet = present.has('dilindungi') ? 'coalesce(st.dilindungi, false)' : 's.dilindungi OR coalesce(st.dilindungi, false)';
  const setList = ['kegiatan_id = k.kegiatan_id', 'nama = st.nama', 'pagu = st.pagu', ...optional, `dilindungi = ${dilindungiSet}`, `dilindungi_alasan = CASE WHEN ${dilindungiSet} THEN coalesce(st.dilindungi_alasan, s.dilindungi_alasan) ELSE NULL END`];
  const compared = ['kegiatan_id', 'nama', 'pagu', ...optional.map((s) => s.split(' = ')[0]), 'dilindungi', 'dilindungi_alasan'];
  const changedSubs = await sql<{ id: string }>`
    WITH k AS (SELECT st.sub_id, ${kegiatanOf} AS kegiatan_id FROM stage_budget_sub st WHERE st.sub_id IS NOT NULL),
    target AS (SELECT s.id, ${sql.raw(setList.map((x) => x.replace(/^(\w+) = /, '')).map((expr, i) => `${expr} AS c${i}`).join(', '))}
      FROM budget_sub_kegiatan s JOIN stage_budget_sub st ON st.sub_id = s.id JOIN k ON k.sub_id = s.id WHERE s.pemda_id = ${pemdaId})
    UPDATE budget_sub_kegiatan s SET ${sql.raw(compared.map((column, i) => `${column} = target.c${i}`).join(', '))}, updated_at = now()
    FROM target WHERE s.pemda_id = ${pemdaId} AND s.id = target.id
      AND (${sql.raw(compared.map((c) => `s.${c}`).join(', '))}) IS DISTINCT FROM (${sql.raw(compared.map((_, i) => `target.c${i}`).join(', '))})
    RETURNING s.id`.execute(db);
  const inserted = await sql`
    INSERT INTO budget_sub_kegiatan (pemda_id, id, tahun, opd_id, kegiatan_id, kode, nama, pagu, pagu_perubahan, wilayah_kode, unit_id, sasaran_id, jenis, mendesak, dilindungi, dilindungi_alasan, status_kontrak)
    SELECT ${pemdaId}::uuid, st.new_id, st.tahun, st.opd_id, ${kegiatanOf}, st.kode, st.nama, st.pagu, st.pagu_perubahan, st.wilayah_kode, st.unit_id, st.sasaran_id,
      coalesce(st.jenis, 'non_fisik'), coalesce(st.mendesak, false), coalesce(st.dilindungi, false), st.dilindungi_alasan, coalesce(st.status_kontrak, 'belum')
    FROM stage_budget_sub st WHERE st.sub_id IS NULL`.execute(db);
  await sql`UPDATE stage_budget_sub SET sub_id = new_id WHERE sub_id IS NULL`.execute(db);
  const changed = new Set(changedSubs.rows.map((r) => r.id));
  if (hasPlan || hasReal) {
    // Plan columns replace the plan; empty realisation cells keep what operators entered.
    const months = await sql<{ sub_kegiatan_id: string }>`
      INSERT INTO budget_bulanan AS b (pemda_id, sub_kegiatan_id, bulan, rencana_keuangan, rencana_fisik, realisasi_keuangan, realisasi_fisik)
      SELECT ${pemdaId}::uuid, st.sub_id, m.bulan, coalesce(m.rk, 0), coalesce(m.rf, 0), m.xk, m.xf
      FROM stage_budget_month m JOIN stage_budget_sub st ON st.tahun = m.tahun AND st.opd_id = m.opd_id AND st.kode = m.kode
      ON CONFLICT (pemda_id, sub_kegiatan_id, bulan) DO UPDATE SET
        rencana_keuangan = ${sql.raw(present.has('kas') ? 'EXCLUDED.rencana_keuangan' : 'b.rencana_keuangan')},
        rencana_fisik = ${sql.raw(present.has('fisik') ? 'EXCLUDED.rencana_fisik' : 'b.rencana_fisik')},
        realisasi_keuangan = coalesce(EXCLUDED.realisasi_keuangan, b.realisasi_keuangan),
        realisasi_fisik = coalesce(EXCLUDED.realisasi_fisik, b.realisasi_fisik),
        updated_at = now()
      WHERE (b.rencana_keuangan, b.rencana_fisik, b.realisasi_keuangan, b.realisasi_fisik) IS DISTINCT FROM
        (${sql.raw(present.has('kas') ? 'EXCLUDED.rencana_keuangan' : 'b.rencana_keuangan')}, ${sql.raw(present.has('fisik') ? 'EXCLUDED.rencana_fisik' : 'b.rencana_fisik')},
         coalesce(EXCLUDED.realisasi_keuangan, b.realisasi_keuangan), coalesce(EXCLUDED.realisasi_fisik, b.realisasi_fisik))
      RETURNING b.sub_kegiatan_id`.execute(db);
    for (const row of months.rows) changed.add(row.sub_kegiatan_id);
  }
  const insertedCount = affected(inserted);
  const newIds = await sql<{ new_id: string }>`SELECT new_id FROM stage_budget_sub WHERE sub_id = new_id`.execute(db);
  for (const row of newIds.rows) changed.delete(row.new_id);
  const years = new Map<number, Set<string>>();
  for (const r of rows) {
    const set = years.get(r.tahun) ?? new Set<string>();
    set.add(r.opdId);
    years.set(r.tahun, set);
  }
  for (const [tahun, opdIds] of years) await refreshRollup(db, pemdaId, tahun, [...opdIds]);
  return { inserted: insertedCount, updated: changed.size, unchanged: rows.length - insertedCount - changed.size };
}
