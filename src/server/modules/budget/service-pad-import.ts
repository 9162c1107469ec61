import type { TBudgetImportResult } from '../../../contracts/budget';
import { inTransaction, type Ctx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { parsePadFile } from './import/pad';
import type { RowError } from './import/parse';
import { currentYearMonth } from './rollup';

/**
 * Bapenda's monthly recap in one file (budget.revenue.write): each month with a value is inserted or replaced;
 * unknown account codes and months not yet ended are row errors. A dry run reports the same counts and saves
 * nothing. Everything else (valid rows) is saved in one transaction with one audit row listing every change.
 */
export async function runPadImport(ctx: Ctx, options: { pemdaId: string; buffer: Buffer; filename: string; dryRun: boolean }): Promise<TBudgetImportResult> {
  const parsed = await parsePadFile(options.buffer, options.filename);
  const base = { dryRun: options.dryRun, totalRows: parsed.totalRows, valid: 0, inserted: 0, updated: 0, unchanged: 0 };
  if (parsed.fatal) return { ...base, errors: [{ row: 0, reason: { id: parsed.fatal.id, en: parsed.fatal.en } }] };
  const errors: RowError[] = [...parsed.errors];
  const now = currentYearMonth();
  return inTransaction(ctx, async (tx) => {
    const sources = new Map((await tx.db.selectFrom('budget_pad_sumber').select(['id', 'kode']).where('pemda_id', '=', options.pemdaId).execute()).map((s) => [s.kode, s.id]));
    const years = [...new Set(parsed.rows.map((r) => r.tahun))];
    const existing = new Map<string, number>();
    if (years.length > 0) {
      for (const r of await tx.db.selectFrom('budget_pad_realisasi').select(['sumber_id', 'tahun', 'bulan', 'jumlah']).where('pemda_id', '=', options.pemdaId).where('tahun', 'in', years).execute()) {
        existing.set(`${r.sumber_id}|${r.tahun}|${r.bulan}`, r.jumlah);
      }
    }
    const writes: Array<{ sumber_id: string; kode: string; tahun: number; bulan: number; jumlah: number; before: number | null }> = [];
    let valid = 0;
    let unchanged = 0;
    for (const row of parsed.rows) {
      const sourceId = sources.get(row.kode);
      if (!sourceId) {
        errors.push({ row: row.row, column: 'Kode Rekening', reason: { id: `sumber PAD ${row.kode} belum terdaftar; tambahkan dulu sumbernya`, en: `revenue source ${row.kode} is not registered; add the source first` } });
        continue;
      }
      const future = row.months.findIndex((v, i) => v !== null && (row.tahun > now.year || (row.tahun === now.year && i + 1 > now.month)));
      if (future >= 0) {
        errors.push({ row: row.row, reason: { id: `bulan ${future + 1} tahun ${row.tahun} belum dapat diisi`, en: `month ${future + 1} of ${row.tahun} cannot be entered yet` } });
        continue;
      }
      valid += 1;
      row.months.forEach((jumlah, i) => {
        if (jumlah === null) return;
        const before = existing.get(`${sourceId}|${row.tahun}|${i + 1}`);
        if (before === jumlah) unchanged += 1;
        else writes.push({ sumber_id: sourceId, kode: row.kode, tahun: row.tahun, bulan: i + 1, jumlah, before: before ?? null });
      });
    }
    const inserted = writes.filter((w) => w.before === null).length;
    const result = { ...base, valid, inserted, updated: writes.length - inserted, unchanged, errors: errors.sort((a, b) => a.row - b.row) };
    if (options.dryRun || writes.length === 0) return result;
    await tx.db
      .insertInto('budget_pad_realisasi')
      .values(writes.map((w) => ({ pemda_id: options.pemdaId, sumber_id: w.sumber_id, tahun: w.tahun, bulan: w.bulan, jumlah: w.jumlah })))
      .onConflict((oc) => oc.columns(['pemda_id', 'sumber_id', 'tahun', 'bulan']).doUpdateSet((eb) => ({ jumlah: eb.ref('excluded.jumlah'), updated_at: new Date() })))
      .execute();
    await writeAudit(tx, {
      pemdaId: options.pemdaId,
      action: 'budget.pad.import',
      entityType: 'budget_pad_realisasi',
      entityId: null,
      detail: { file: options.filename.slice(0, 200), changes: writes.map((w) => ({ kode: w.kode, tahun: w.tahun, bulan: w.bulan, before: w.before, after: w.jumlah })) },
    });
    return result;
  });
}
