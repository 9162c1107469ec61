import type { TBudgetImportResult, TRpjmdEditable } from '../../../contracts/budget';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { BudgetErrors } from './errors';
import type { RowError } from './import/parse';
import { parseRpjmdFile } from './import/rpjmd';
import { codesOfOtherRpjmd, getRpjmdEditable, putRpjmd } from './service-rpjmd';

type Misi = TRpjmdEditable['misi'][number];
type Tujuan = Misi['tujuan'][number];
type Sasaran = Tujuan['sasaran'][number];
type Iku = Sasaran['iku'][number];

/**
 * Bapperida's cascade spreadsheet merged into the RPJMD in force (budget.plan.manage): nodes are added or updated
 * by code, never removed (removal is done on the screen, where what is in use is refused). A dry run reports the
 * counts and row errors and saves nothing; the import saves only when every row is right, through the same save
 * as the screen (one audit row listing each changed node, the file name with it). The cascade is read, merged and
 * saved in one transaction holding the RPJMD row, so a screen save made meanwhile waits and is never overwritten.
 */
export async function runRpjmdImport(ctx: Ctx, options: { pemdaId: string; buffer: Buffer; filename: string; dryRun: boolean; tahun?: number }): Promise<TBudgetImportResult> {
  const parsed = await parseRpjmdFile(options.buffer, options.filename);
  if (parsed.fatal) throw new AppError(BudgetErrors.BUDGET_IMPORT_UNREADABLE, { reason: { id: parsed.fatal.id, en: parsed.fatal.en } });
  return inTransaction(ctx, (tx) => mergeAndSave(tx, options, parsed));
}

async function mergeAndSave(ctx: Ctx, options: { pemdaId: string; filename: string; dryRun: boolean; tahun?: number }, parsed: Awaited<ReturnType<typeof parseRpjmdFile>>): Promise<TBudgetImportResult> {
  const cascade = await getRpjmdEditable(ctx, options.pemdaId, options.tahun, { lock: !options.dryRun });
  if (!cascade.exists) throw new AppError(BudgetErrors.BUDGET_RPJMD_IMPORT_NEEDS_HEAD);
  // Sasaran and IKU codes are unique per Pemda: one another period's RPJMD holds is refused at its row.
  const elsewhere = await codesOfOtherRpjmd(ctx.db, options.pemdaId, cascade.periodStart, { sasaran: [...new Set(parsed.rows.map((r) => r.sasaranKode))], iku: parsed.rows.flatMap((r) => (r.iku ? [r.iku.kode] : [])) });
  const opdCodes = new Set(cascade.opds.map((o) => o.code));
  const errors: RowError[] = [...parsed.errors];
  const sasaranParent = new Map<string, { tujuan: Tujuan; misi: Misi }>();
  const ikuParent = new Map<string, Sasaran>();
  for (const m of cascade.misi) for (const t of m.tujuan) for (const s of t.sasaran) {
    sasaranParent.set(s.kode, { tujuan: t, misi: m });
    for (const i of s.iku) ikuParent.set(i.kode, s);
  }
  const fileSasaranTujuan = new Map<string, { key: string; row: number }>();
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  let valid = 0;
  for (const row of parsed.rows) {
    const fail = (column: string, id: string, en: string) => errors.push({ row: row.row, column, reason: { id, en } });
    const before = errors.length;
    const misi = cascade.misi.find((m) => m.nomor === row.misiNomor);
    if (!misi && !row.misi) fail('Misi', `misi ${row.misiNomor} belum ada; isi uraiannya`, `mission ${row.misiNomor} does not exist yet; give its text`);
    const tujuan = misi?.tujuan.find((t) => t.kode === row.tujuanKode);
    if (!tujuan && !row.tujuan) fail('Tujuan', `tujuan ${row.tujuanKode} belum ada di misi ${row.misiNomor}; isi uraiannya`, `goal ${row.tujuanKode} does not exist under mission ${row.misiNomor} yet; give its text`);
    const sasaranAt = sasaranParent.get(row.sasaranKode);
    if (!sasaranAt && !row.sasaran) fail('Sasaran', `sasaran ${row.sasaranKode} belum ada; isi uraiannya`, `target ${row.sasaranKode} does not exist yet; give its text`);
    const sasaranPeriod = elsewhere.get(`sasaran:${row.sasaranKode}`);
    if (sasaranPeriod) fail('Kode Sasaran', `kode sasaran ${row.sasaranKode} sudah dipakai RPJMD ${sasaranPeriod}; gunakan kode lain`, `target code ${row.sasaranKode} is already used by the RPJMD ${sasaranPeriod}; use another code`);
    const ikuPeriod = row.iku ? elsewhere.get(`iku:${row.iku.kode}`) : undefined;
    if (row.iku && ikuPeriod) fail('Kode IKU', `kode IKU ${row.iku.kode} sudah dipakai RPJMD ${ikuPeriod}; gunakan kode lain`, `IKU code ${row.iku.kode} is already used by the RPJMD ${ikuPeriod}; use another code`);
    const tujuanKey = `${row.misiNomor}/${row.tujuanKode}`;
    const earlier = fileSasaranTujuan.get(row.sasaranKode);
    if (earlier && earlier.key !== tujuanKey) fail('Kode Tujuan', `sasaran ${row.sasaranKode} sudah ditaruh di tujuan ${earlier.key} pada baris ${earlier.row}`, `target ${row.sasaranKode} is placed under goal ${earlier.key} on row ${earlier.row}`);
    const ikuBefore = row.iku ? ikuParent.get(row.iku.kode)?.iku.find((i) => i.kode === row.iku?.kode) : undefined;
    if (row.iku) {
      const missing = [!ikuBefore && !row.iku.nama && 'IKU', !ikuBefore && !row.iku.satuan && 'Satuan', !ikuBefore && !row.iku.arah && 'Arah'].filter((x): x is string => Boolean(x));
      if (missing.length > 0) fail(missing.join(', '), `IKU ${row.iku.kode} baru: isi ${missing.join(', ')}`, `new IKU ${row.iku.kode}: fill in ${missing.join(', ')}`);
      if (row.iku.opdCode && !opdCodes.has(row.iku.opdCode)) fail('Kode OPD', `kode OPD ${row.iku.opdCode} tidak ada di Pemda ini`, `OPD code ${row.iku.opdCode} does not exist in this Pemda`);
      for (const year of Object.keys(row.iku.target)) {
        if (Number(year) < cascade.periodStart || Number(year) > cascade.periodEnd) fail(`Target ${year}`, `tahun ${year} di luar periode RPJMD ${cascade.periodStart}–${cascade.periodEnd}`, `year ${year} is outside the RPJMD period ${cascade.periodStart}–${cascade.periodEnd}`);
      }
    }
    if (errors.length > before) continue;
    valid += 1;
    fileSasaranTujuan.set(row.sasaranKode, { key: tujuanKey, row: row.row });

    const snapshot = () => JSON.stringify([misi, tujuan, sasaranAt?.tujuan.sasaran.find((s) => s.kode === row.sasaranKode), ikuBefore].map((n) => (n ? { ...n, tujuan: undefined, sasaran: undefined, iku: undefined } : null)));
    const was = snapshot();
    const isNew = row.iku ? !ikuBefore : !sasaranAt;

    const m: Misi = misi ?? { nomor: row.misiNomor, uraian: row.misi ?? '', tujuan: [] };
    if (!misi) cascade.misi.push(m);
    if (row.misi) m.uraian = row.misi;
    let t: Tujuan | undefined = m.tujuan.find((x) => x.kode === row.tujuanKode);
    if (!t) {
      t = { kode: row.tujuanKode, uraian: row.tujuan ?? '', sasaran: [] };
      m.tujuan.push(t);
    }
    if (row.tujuan) t.uraian = row.tujuan;
    let s: Sasaran | undefined = sasaranAt?.tujuan.sasaran.find((x) => x.kode === row.sasaranKode);
    if (s && sasaranAt && sasaranAt.tujuan !== t) {
      // Moved to another goal.
      sasaranAt.tujuan.sasaran = sasaranAt.tujuan.sasaran.filter((x) => x !== s);
      t.sasaran.push(s);
    }
    if (!s) {
      s = { kode: row.sasaranKode, uraian: row.sasaran ?? '', prioritas: false, jumlahSub: 0, iku: [] };
      t.sasaran.push(s);
    }
    sasaranParent.set(s.kode, { tujuan: t, misi: m });
    if (row.sasaran) s.uraian = row.sasaran;
    if (row.prioritas !== null) s.prioritas = row.prioritas;
    if (row.iku) {
      const file = row.iku;
      const owner = ikuParent.get(file.kode);
      let i: Iku | undefined = owner?.iku.find((x) => x.kode === file.kode);
      if (i && owner && owner !== s) {
        owner.iku = owner.iku.filter((x) => x !== i);
        s.iku.push(i);
      }
      if (!i) {
        i = { kode: file.kode, nama: file.nama ?? '', satuan: file.satuan ?? '', arah: file.arah ?? 'naik', opdCode: null, baseline: null, target: {}, jumlahRealisasi: 0 };
        s.iku.push(i);
      }
      ikuParent.set(i.kode, s);
      if (file.nama) i.nama = file.nama;
      if (file.satuan) i.satuan = file.satuan;
      if (file.arah) i.arah = file.arah;
      if (file.opdCode) i.opdCode = file.opdCode;
      if (file.baseline !== null) i.baseline = file.baseline;
      i.target = { ...i.target, ...file.target };
    }
    if (isNew) inserted += 1;
    else if (snapshot() !== was || (sasaranAt && sasaranAt.tujuan !== t)) updated += 1;
    else unchanged += 1;
  }
  errors.sort((a, b) => a.row - b.row);
  const result = { dryRun: options.dryRun, totalRows: parsed.totalRows, valid, inserted, updated, unchanged, errors };
  if (options.dryRun) return result;
  if (errors.length > 0) {
    throw new AppError(
      BudgetErrors.BUDGET_IMPORT_HAS_ERRORS,
      { count: errors.length },
      errors.slice(0, 200).map((e) => ({ row: e.row, path: e.column ?? '', message: ctx.lang === 'en' ? e.reason.en : e.reason.id })),
    );
  }
  if (inserted + updated > 0) {
    await putRpjmd(
      ctx,
      options.pemdaId,
      {
        expectedVersion: cascade.version,
        periodStart: cascade.periodStart,
        periodEnd: cascade.periodEnd,
        visi: cascade.visi,
        legalBasis: cascade.legalBasis,
        misi: cascade.misi.map((mm) => ({ nomor: mm.nomor, uraian: mm.uraian, tujuan: mm.tujuan.map((tt) => ({ kode: tt.kode, uraian: tt.uraian, sasaran: tt.sasaran.map((ss) => ({ kode: ss.kode, uraian: ss.uraian, prioritas: ss.prioritas, iku: ss.iku.map((ii) => ({ kode: ii.kode, nama: ii.nama, satuan: ii.satuan, arah: ii.arah, opdCode: ii.opdCode, baseline: ii.baseline, target: ii.target })) })) })) })),
      },
      { file: options.filename },
    );
  }
  return result;
}
