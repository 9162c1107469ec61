import type { Kysely } from 'kysely';
import type { TRevenue, TRevenueSource } from '../../../contracts/budget';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { BudgetErrors } from './errors';
import { currentYearMonth } from './rollup';
import { financialPercent, projectYearEnd, round2, sum } from './rules';
import type { PadKelompok } from './tables';

const HISTORY_YEARS = 3;

/**
 * PAD = local taxes + retribution + separated-asset returns + other (BRIEF §4.10), realisation against the
 * target (the revised one once adopted, else the original), monthly. Each source is projected to year end
 * (rules.ts projectYearEnd: seasonal from up to three earlier years, linear otherwise); the total projection is
 * the sum of the sources' projections, so a source with a strong season is not diluted by the others.
 */
export async function getRevenue(ctx: Ctx, pemdaId: string, query: { tahun?: number; bulan?: number }): Promise<TRevenue> {
  const db = ctx.db;
  const years = (await db.selectFrom('budget_pad_target').select('tahun').distinct().where('pemda_id', '=', pemdaId).orderBy('tahun', 'desc').execute()).map((r) => r.tahun);
  const now = currentYearMonth();
  const tahun = query.tahun ?? (years.includes(now.year) ? now.year : (years[0] ?? now.year));
  const sources = await db.selectFrom('budget_pad_sumber').selectAll().where('pemda_id', '=', pemdaId).orderBy('kode').execute();
  const targets = new Map((await db.selectFrom('budget_pad_target').selectAll().where('pemda_id', '=', pemdaId).where('tahun', '=', tahun).execute()).map((t) => [t.sumber_id, t]));
  const actuals = await db
    .selectFrom('budget_pad_realisasi')
    .select(['sumber_id', 'tahun', 'bulan', 'jumlah'])
    .where('pemda_id', '=', pemdaId)
    .where('tahun', '>=', tahun - HISTORY_YEARS)
    .where('tahun', '<=', tahun)
    .execute();
  const series = new Map<string, Map<number, (number | null)[]>>();
  let lastReported = 0;
  for (const a of actuals) {
    const perYear = series.get(a.sumber_id) ?? new Map<number, (number | null)[]>();
    const months = perYear.get(a.tahun) ?? Array.from({ length: 12 }, () => null);
    months[a.bulan - 1] = a.jumlah;
    perYear.set(a.tahun, months);
    series.set(a.sumber_id, perYear);
    if (a.tahun === tahun) lastReported = Math.max(lastReported, a.bulan);
  }
  const bulan = query.bulan ?? (lastReported || (tahun < now.year ? 12 : tahun === now.year ? now.month : 1));
  const rows: TRevenueSource[] = [];
  for (const source of sources) {
    const target = targets.get(source.id);
    const perYear = series.get(source.id) ?? new Map<number, (number | null)[]>();
    const monthly = perYear.get(tahun) ?? Array.from({ length: 12 }, () => null);
    const history: Array<{ year: number; monthly: number[] }> = [];
    for (let year = tahun - HISTORY_YEARS; year < tahun; year += 1) {
      const m = perYear.get(year);
      // Only complete years make a seasonal profile.
      if (m && m.every((v) => v !== null)) history.push({ year, monthly: m.map((v) => v ?? 0) });
    }
    const ytdMonthly = monthly.map((v) => v ?? 0);
    const projection = projectYearEnd({ ytdMonthly, asOfMonth: bulan, history });
    const effective = target ? (target.target_perubahan ?? target.target_murni) : 0;
    const realisasi = round2(sum(ytdMonthly.slice(0, bulan)));
    rows.push({
      id: source.id,
      kode: source.kode,
      nama: source.nama,
      kelompok: source.kelompok,
      targetMurni: target?.target_murni ?? 0,
      targetPerubahan: target?.target_perubahan ?? null,
      target: effective,
      bulanan: monthly.map((v, i) => (i < bulan ? v : null)),
      realisasi,
      persen: financialPercent(realisasi, effective),
      proyeksi: projection.value,
      metode: projection.method,
      selisih: round2(effective - projection.value),
    });
  }
  const totalTarget = round2(sum(rows.map((r) => r.target)));
  const totalReal = round2(sum(rows.map((r) => r.realisasi)));
  const totalProj = round2(sum(rows.map((r) => r.proyeksi)));
  const kelompok = (['pajak', 'retribusi', 'kekayaan_dipisahkan', 'lain_lain'] as PadKelompok[]).map((k) => {
    const part = rows.filter((r) => r.kelompok === k);
    return { kelompok: k, target: round2(sum(part.map((r) => r.target))), realisasi: round2(sum(part.map((r) => r.realisasi))), proyeksi: round2(sum(part.map((r) => r.proyeksi))) };
  });
  // The cumulative curve of the whole PAD, and the projected path from the as-of month to December.
  const monthlyTotal = Array.from({ length: 12 }, (_, i) => sum(rows.map((r) => r.bulanan[i] ?? 0)));
  let running = 0;
  const kurva = monthlyTotal.map((value, i) => {
    running += value;
    const bulanKe = i + 1;
    const atAsOf = totalReal;
    const projected = bulanKe < bulan ? null : round2(atAsOf + ((totalProj - atAsOf) * (bulanKe - bulan)) / Math.max(1, 12 - bulan));
    return { bulan: bulanKe, realisasiKumulatif: bulanKe <= bulan ? round2(running) : null, targetLinear: round2((totalTarget * bulanKe) / 12), proyeksiKumulatif: projected };
  });
  const seasonal = rows.some((r) => r.metode === 'musiman');
  const patternYears = [...new Set([...series.values()].flatMap((m) => [...m.keys()]).filter((y) => y < tahun))].sort();
  return {
    tahun,
    bulan,
    tahunTersedia: years,
    sumber: rows,
    kelompok,
    total: { target: totalTarget, realisasi: totalReal, persen: financialPercent(totalReal, totalTarget), proyeksi: totalProj, selisih: round2(totalTarget - totalProj), metode: seasonal ? 'musiman' : 'linear', tahunPola: seasonal ? patternYears : [] },
    kurva,
  };
}

async function loadSource(db: Kysely<DB>, pemdaId: string, sourceId: string) {
  const source = await db.selectFrom('budget_pad_sumber').selectAll().where('pemda_id', '=', pemdaId).where('id', '=', sourceId).executeTakeFirst();
  if (!source) throw new AppError(BudgetErrors.BUDGET_SOURCE_NOT_FOUND);
  return source;
}

/** Monthly PAD realisation of one source (Bapenda's books, entered by admin_pemda). */
export async function recordPadRealisasi(ctx: Ctx, pemdaId: string, input: { sourceId: string; tahun: number; bulan: number; jumlah: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await loadSource(tx.db, pemdaId, input.sourceId);
    const now = currentYearMonth();
    if (input.tahun > now.year || (input.tahun === now.year && input.bulan > now.month)) throw new AppError(BudgetErrors.BUDGET_FUTURE_MONTH, { bulan: input.bulan, tahun: input.tahun });
    const before = await tx.db.selectFrom('budget_pad_realisasi').select('jumlah').where('pemda_id', '=', pemdaId).where('sumber_id', '=', input.sourceId).where('tahun', '=', input.tahun).where('bulan', '=', input.bulan).executeTakeFirst();
    await tx.db
      .insertInto('budget_pad_realisasi')
      .values({ pemda_id: pemdaId, sumber_id: input.sourceId, tahun: input.tahun, bulan: input.bulan, jumlah: input.jumlah })
      .onConflict((oc) => oc.columns(['pemda_id', 'sumber_id', 'tahun', 'bulan']).doUpdateSet({ jumlah: input.jumlah, updated_at: new Date() }))
      .execute();
    await writeAudit(tx, {
      pemdaId,
      action: 'budget.pad.realisasi',
      entityType: 'budget_pad_sumber',
      entityId: input.sourceId,
      before: before ? { tahun: input.tahun, bulan: input.bulan, jumlah: before.jumlah } : null,
      after: { tahun: input.tahun, bulan: input.bulan, jumlah: input.jumlah },
    });
  });
}

/** The year's target of one source: APBD (murni) and, once adopted, the revised APBD (perubahan). */
export async function setPadTarget(ctx: Ctx, pemdaId: string, input: { sourceId: string; tahun: number; targetMurni: number; targetPerubahan: number | null }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await loadSource(tx.db, pemdaId, input.sourceId);
    const before = await tx.db.selectFrom('budget_pad_target').select(['target_murni', 'target_perubahan']).where('pemda_id', '=', pemdaId).where('sumber_id', '=', input.sourceId).where('tahun', '=', input.tahun).executeTakeFirst();
    const values = { target_murni: input.targetMurni, target_perubahan: input.targetPerubahan };
    await tx.db
      .insertInto('budget_pad_target')
      .values({ pemda_id: pemdaId, sumber_id: input.sourceId, tahun: input.tahun, ...values })
      .onConflict((oc) => oc.columns(['pemda_id', 'sumber_id', 'tahun']).doUpdateSet(values))
      .execute();
    await writeAudit(tx, { pemdaId, action: 'budget.pad.target', entityType: 'budget_pad_sumber', entityId: input.sourceId, before: before ? { tahun: input.tahun, ...before } : null, after: { tahun: input.tahun, ...values } });
  });
}

/** A PAD source (kode rekening 4.1.xx.xx of Permendagri 90/2019's chart of accounts); the code is the key. */
export async function upsertPadSource(ctx: Ctx, pemdaId: string, input: { kode: string; nama: string; kelompok: PadKelompok }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db.selectFrom('budget_pad_sumber').select(['id', 'nama', 'kelompok']).where('pemda_id', '=', pemdaId).where('kode', '=', input.kode).executeTakeFirst();
    const row = await tx.db
      .insertInto('budget_pad_sumber')
      .values({ pemda_id: pemdaId, kode: input.kode, nama: input.nama, kelompok: input.kelompok, opd_id: null })
      .onConflict((oc) => oc.columns(['pemda_id', 'kode']).doUpdateSet({ nama: input.nama, kelompok: input.kelompok }))
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!before || before.nama !== input.nama || before.kelompok !== input.kelompok) {
      await writeAudit(tx, { pemdaId, action: 'budget.pad.sumber', entityType: 'budget_pad_sumber', entityId: row.id, before: before ? { nama: before.nama, kelompok: before.kelompok } : null, after: input });
    }
    return row;
  });
}
