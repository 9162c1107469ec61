import type { TAlignment, TIkuRow, TRpjmd } from '../../../contracts/budget';
import { inTransaction, isUser, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/policy';
import { BudgetErrors } from './errors';
import { BudgetActions } from './policy';
import { currentYearMonth } from './rollup';
import { band, ikuAchievement, round2 } from './rules';

/** The RPJMD in force for a year (the latest whose period covers it). */
export async function rpjmdFor(ctx: Ctx, pemdaId: string, tahun: number) {
  return ctx.db
    .selectFrom('budget_rpjmd')
    .selectAll()
    .where('pemda_id', '=', pemdaId)
    .where('period_start', '<=', tahun)
    .where('period_end', '>=', tahun)
    .orderBy('period_start', 'desc')
    .executeTakeFirst();
}

/** Where a quarter's evidence file is served (GET, budget.read); the digest in the path must match the row's. */
export const ikuEvidencePath = (ikuId: string, tahun: number, triwulan: number, sha256: string) => `/api/v1/budget/iku/${ikuId}/${tahun}/${triwulan}/bukti/${sha256}`;

/**
 * IKU rows with the year's target and the quarterly realisation. Achievement of the year is that of the latest
 * reported quarter (IKU values such as a poverty rate are levels, not sums), banded per BRIEF §4.10.
 */
export async function listIku(ctx: Ctx, pemdaId: string, tahun: number, opdId?: string): Promise<TIkuRow[]> {
  let query = ctx.db
    .selectFrom('budget_iku as i')
    .innerJoin('budget_sasaran as s', (j) => j.onRef('s.pemda_id', '=', 'i.pemda_id').onRef('s.id', '=', 'i.sasaran_id'))
    .leftJoin('opd as o', (j) => j.onRef('o.pemda_id', '=', 'i.pemda_id').onRef('o.id', '=', 'i.opd_id'))
    .leftJoin('budget_iku_target as t', (j) => j.onRef('t.pemda_id', '=', 'i.pemda_id').onRef('t.iku_id', '=', 'i.id').on('t.tahun', '=', tahun))
    .select(['i.id', 'i.kode', 'i.nama', 'i.satuan', 'i.arah', 'i.opd_id', 'i.baseline', 'o.name as opd_name', 's.kode as sasaran_kode', 't.target'])
    .where('i.pemda_id', '=', pemdaId)
    .orderBy('i.kode');
  if (opdId) query = query.where('i.opd_id', '=', opdId);
  const rows = await query.execute();
  const real = await ctx.db
    .selectFrom('budget_iku_realisasi as r')
    .leftJoin('stored_file as f', (j) => j.onRef('f.pemda_id', '=', 'r.pemda_id').onRef('f.sha256', '=', 'r.bukti_file'))
    .select(['r.iku_id', 'r.triwulan', 'r.nilai', 'r.bukti', 'r.bukti_url', 'r.bukti_file', 'f.original_name as bukti_file_name'])
    .where('r.pemda_id', '=', pemdaId)
    .where('r.tahun', '=', tahun)
    .execute();
  return rows.map((r) => {
    const quarters = [1, 2, 3, 4].map((q) => {
      const found = real.find((x) => x.iku_id === r.id && x.triwulan === q);
      if (!found) return null;
      const capaian = r.target === null ? null : ikuAchievement(r.target, found.nilai, r.arah);
      const buktiFile = found.bukti_file ? { name: found.bukti_file_name ?? 'bukti', url: ikuEvidencePath(r.id, tahun, q, found.bukti_file) } : null;
      return { triwulan: q, nilai: found.nilai, bukti: found.bukti, buktiUrl: found.bukti_url, buktiFile, capaian, band: band(capaian) };
    });
    const latest = [...quarters].reverse().find((q) => q !== null) ?? null;
    return {
      id: r.id,
      kode: r.kode,
      nama: r.nama,
      satuan: r.satuan,
      arah: r.arah,
      opdId: r.opd_id,
      opdName: r.opd_name,
      sasaranKode: r.sasaran_kode,
      baseline: r.baseline,
      target: r.target,
      triwulan: quarters,
      capaian: latest?.capaian ?? null,
      band: latest?.band ?? null,
    };
  });
}

export async function getRpjmd(ctx: Ctx, pemdaId: string, tahunQuery?: number): Promise<TRpjmd> {
  const tahun = tahunQuery ?? currentYearMonth().year;
  const rpjmd = await rpjmdFor(ctx, pemdaId, tahun);
  if (!rpjmd) throw new AppError(BudgetErrors.BUDGET_NO_RPJMD);
  const [misi, tujuan, sasaran, iku, links] = await Promise.all([
    ctx.db.selectFrom('budget_misi').selectAll().where('pemda_id', '=', pemdaId).where('rpjmd_id', '=', rpjmd.id).orderBy('nomor').execute(),
    ctx.db.selectFrom('budget_tujuan').selectAll().where('pemda_id', '=', pemdaId).orderBy('kode').execute(),
    ctx.db.selectFrom('budget_sasaran').selectAll().where('pemda_id', '=', pemdaId).orderBy('kode').execute(),
    listIku(ctx, pemdaId, tahun),
    ctx.db
      .selectFrom('budget_sub_kegiatan')
      .select(['sasaran_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('pagu').as('pagu')])
      .where('pemda_id', '=', pemdaId)
      .where('tahun', '=', tahun)
      .where('sasaran_id', 'is not', null)
      .groupBy('sasaran_id')
      .execute(),
  ]);
  const linkBy = new Map(links.map((l) => [l.sasaran_id, l]));
  return {
    id: rpjmd.id,
    periodStart: rpjmd.period_start,
    periodEnd: rpjmd.period_end,
    visi: rpjmd.visi,
    tahun,
    misi: misi.map((m) => ({
      nomor: m.nomor,
      uraian: m.uraian,
      tujuan: tujuan
        .filter((t) => t.misi_id === m.id)
        .map((t) => ({
          kode: t.kode,
          uraian: t.uraian,
          sasaran: sasaran
            .filter((s) => s.tujuan_id === t.id)
            .map((s) => ({ id: s.id, kode: s.kode, uraian: s.uraian, prioritas: s.prioritas, jumlahSub: Number(linkBy.get(s.id)?.n ?? 0), pagu: Number(linkBy.get(s.id)?.pagu ?? 0), iku: iku.filter((i) => i.sasaranKode === s.kode) })),
        })),
    })),
  };
}

/** A quarter's IKU value with its evidence, by the owning OPD or admin_pemda; a quarter not yet ended is refused. */
export async function recordIkuRealisasi(ctx: Ctx, pemdaId: string, input: { ikuId: string; tahun: number; triwulan: number; nilai: number; bukti: string; buktiUrl?: string | null }): Promise<TIkuRow> {
  await inTransaction(ctx, async (tx) => {
    // Key-share locked: a cascade save removing this IKU meanwhile either waits and then counts this realisation, or
    // goes first and this finds no IKU (404), never a foreign key error.
    const iku = await tx.db.selectFrom('budget_iku').select(['id', 'opd_id', 'kode']).where('pemda_id', '=', pemdaId).where('id', '=', input.ikuId).forKeyShare().executeTakeFirst();
    if (!iku) throw new AppError(BudgetErrors.BUDGET_IKU_NOT_FOUND);
    authorize(tx.actor, BudgetActions['budget.iku.write'], { pemdaId, opdId: iku.opd_id });
    const now = currentYearMonth();
    const quarterEnded = input.tahun < now.year || (input.tahun === now.year && input.triwulan * 3 < now.month);
    if (!quarterEnded) throw new AppError(BudgetErrors.BUDGET_QUARTER_FUTURE, { triwulan: input.triwulan, tahun: input.tahun });
    const before = await tx.db.selectFrom('budget_iku_realisasi').select(['nilai', 'bukti', 'bukti_url']).where('pemda_id', '=', pemdaId).where('iku_id', '=', iku.id).where('tahun', '=', input.tahun).where('triwulan', '=', input.triwulan).executeTakeFirst();
    const values = { nilai: input.nilai, bukti: input.bukti, bukti_url: input.buktiUrl ?? null, recorded_by: isUser(tx.actor) ? tx.actor.userId : null };
    await tx.db
      .insertInto('budget_iku_realisasi')
      .values({ pemda_id: pemdaId, iku_id: iku.id, tahun: input.tahun, triwulan: input.triwulan, ...values })
      .onConflict((oc) => oc.columns(['pemda_id', 'iku_id', 'tahun', 'triwulan']).doUpdateSet({ ...values, recorded_at: new Date() }))
      .execute();
    await writeAudit(tx, { pemdaId, action: 'budget.iku.realisasi', entityType: 'budget_iku', entityId: iku.id, before: before ? { tahun: input.tahun, triwulan: input.triwulan, ...before } : null, after: { tahun: input.tahun, triwulan: input.triwulan, nilai: input.nilai, bukti: input.bukti, bukti_url: input.buktiUrl ?? null } });
  });
  const rows = await listIku(ctx, pemdaId, input.tahun);
  const row = rows.find((r) => r.id === input.ikuId);
  if (!row) throw new AppError(BudgetErrors.BUDGET_IKU_NOT_FOUND);
  return row;
}

/** Seed 004: "semua OPD melaporkan program kegiatan dan disingkronkan dengan visi misi": what links to nothing. */
export async function getAlignment(ctx: Ctx, pemdaId: string, tahunQuery?: number): Promise<TAlignment> {
  const tahun = tahunQuery ?? currentYearMonth().year;
  const subs = await ctx.db
    .selectFrom('budget_sub_kegiatan as s')
    .innerJoin('opd as o', (j) => j.onRef('o.pemda_id', '=', 's.pemda_id').onRef('o.id', '=', 's.opd_id'))
    .leftJoin('budget_sasaran as sa', (j) => j.onRef('sa.pemda_id', '=', 's.pemda_id').onRef('sa.id', '=', 's.sasaran_id'))
    .leftJoin('budget_tujuan as t', (j) => j.onRef('t.pemda_id', '=', 'sa.pemda_id').onRef('t.id', '=', 'sa.tujuan_id'))
    .leftJoin('budget_misi as m', (j) => j.onRef('m.pemda_id', '=', 't.pemda_id').onRef('m.id', '=', 't.misi_id'))
    .select(['s.id', 's.kode', 's.nama', 's.opd_id', 'o.name as opd_name', 's.pagu', 's.pagu_perubahan', 's.sasaran_id', 'sa.prioritas', 'm.nomor as misi_nomor', 'm.uraian as misi_uraian'])
    .where('s.pemda_id', '=', pemdaId)
    .where('s.tahun', '=', tahun)
    .execute();
  const paguOf = (s: { pagu: number; pagu_perubahan: number | null }) => s.pagu_perubahan ?? s.pagu;
  const linked = subs.filter((s) => s.sasaran_id !== null);
  const perMisi = new Map<number, { nomor: number; uraian: string; jumlah: number; pagu: number }>();
  for (const s of linked) {
    if (s.misi_nomor === null) continue;
    const entry = perMisi.get(s.misi_nomor) ?? { nomor: s.misi_nomor, uraian: s.misi_uraian ?? '', jumlah: 0, pagu: 0 };
    entry.jumlah += 1;
    entry.pagu = round2(entry.pagu + paguOf(s));
    perMisi.set(s.misi_nomor, entry);
  }
  const rpjmd = await rpjmdFor(ctx, pemdaId, tahun);
  const usedSasaran = new Set(linked.map((s) => s.sasaran_id));
  const sasaran = rpjmd
    ? await ctx.db
        .selectFrom('budget_sasaran as sa')
        .innerJoin('budget_tujuan as t', (j) => j.onRef('t.pemda_id', '=', 'sa.pemda_id').onRef('t.id', '=', 'sa.tujuan_id'))
        .innerJoin('budget_misi as m', (j) => j.onRef('m.pemda_id', '=', 't.pemda_id').onRef('m.id', '=', 't.misi_id'))
        .select(['sa.id', 'sa.kode', 'sa.uraian'])
        .where('sa.pemda_id', '=', pemdaId)
        .where('m.rpjmd_id', '=', rpjmd.id)
        .orderBy('sa.kode')
        .execute()
    : [];
  const iku = await listIku(ctx, pemdaId, tahun);
  const sumPagu = (list: typeof subs) => round2(list.reduce((total, s) => total + paguOf(s), 0));
  const priority = linked.filter((s) => s.prioritas);
  return {
    tahun,
    totalSub: subs.length,
    totalPagu: sumPagu(subs),
    selaras: { jumlah: linked.length, pagu: sumPagu(linked) },
    prioritas: { jumlah: priority.length, pagu: sumPagu(priority) },
    perMisi: [...perMisi.values()].sort((a, b) => a.nomor - b.nomor),
    tanpaSasaran: subs
      .filter((s) => s.sasaran_id === null)
      .sort((a, b) => paguOf(b) - paguOf(a))
      .map((s) => ({ id: s.id, kode: s.kode, nama: s.nama, opdId: s.opd_id, opdName: s.opd_name, pagu: paguOf(s) })),
    sasaranTanpaKegiatan: sasaran.filter((s) => !usedSasaran.has(s.id)).map((s) => ({ kode: s.kode, uraian: s.uraian })),
    ikuTanpaTarget: iku.filter((i) => i.target === null).map((i) => ({ kode: i.kode, nama: i.nama })),
  };
}
