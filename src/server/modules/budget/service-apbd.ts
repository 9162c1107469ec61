import { sql } from 'kysely';
import type { TOpdBudget, TOverview, TRealisasiRequest, TSubKegiatanDetail, TSubKegiatanRow, TSubKegiatanUpdate } from '../../../contracts/budget';
import { inTransaction, isUser, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { authorize, can } from '../../platform/policy';
import { BudgetErrors } from './errors';
import { BudgetActions } from './policy';
import { currentYearMonth, refreshRollup, resolvePeriod } from './rollup';
import { band, financialPercent, isCritical, protectedReason, round2 } from './rules';
import { figuresAt, rollupRows, sCurve, type RollupRow } from './summary';

/** The Pemda overview: every OPD at the month, ranked by achievement, and the Pemda's S-curve. */
export async function getOverview(ctx: Ctx, pemdaId: string, query: { tahun?: number; bulan?: number }): Promise<TOverview> {
  const period = await resolvePeriod(ctx.db, pemdaId, query);
  const [rows, opds] = await Promise.all([
    rollupRows(ctx.db, pemdaId, period.tahun),
    ctx.db.selectFrom('opd').select(['id', 'code', 'name']).where('pemda_id', '=', pemdaId).execute(),
  ]);
  const byOpd = new Map<string, RollupRow[]>();
  for (const row of rows) {
    const list = byOpd.get(row.opd_id) ?? [];
    list.push(row);
    byOpd.set(row.opd_id, list);
  }
  const names = new Map(opds.map((o) => [o.id, o]));
  const summaries = [...byOpd.entries()].map(([opdId, list]) => {
    const opd = names.get(opdId);
    return { opdId, opdCode: opd?.code ?? '', opdName: opd?.name ?? '', rank: null as number | null, ...figuresAt(list, period.bulan) };
  });
  // Ranking by achievement against the cash plan, then by physical progress; OPDs without a plan yet are unranked.
  const ranked = summaries
    .filter((s) => s.capaian !== null)
    .sort((a, b) => (b.capaian ?? 0) - (a.capaian ?? 0) || (b.realisasiFisik ?? 0) - (a.realisasiFisik ?? 0) || a.opdName.localeCompare(b.opdName));
  ranked.forEach((s, index) => {
    s.rank = index + 1;
  });
  const unranked = summaries.filter((s) => s.capaian === null).sort((a, b) => a.opdName.localeCompare(b.opdName));
  return { ...period, total: figuresAt(rows, period.bulan), opd: [...ranked, ...unranked], kurva: sCurve(rows, period.bulan) };
}

async function opdOf(ctx: Ctx, pemdaId: string, opdId: string) {
  const opd = await ctx.db.selectFrom('opd').select(['id', 'code', 'name']).where('pemda_id', '=', pemdaId).where('id', '=', opdId).executeTakeFirst();
  if (!opd) throw new AppError(BudgetErrors.BUDGET_OPD_NOT_FOUND);
  authorize(ctx.actor, BudgetActions['budget.read'], { pemdaId, opdId });
  return opd;
}

/** Sub-kegiatan rows of one OPD (or one sub-kegiatan) with cumulative figures up to the month. */
async function subRows(ctx: Ctx, pemdaId: string, filter: { tahun: number; opdId?: string; id?: string }, bulan: number): Promise<Array<TSubKegiatanRow & { opdId: string; tahun: number }>> {
  const where = filter.id ? sql`s.id = ${filter.id}::uuid` : sql`s.tahun = ${filter.tahun} AND s.opd_id = ${filter.opdId ?? null}::uuid`;
  const result = await sql<{
    id: string; opd_id: string; tahun: number; kode: string; nama: string; program_kode: string; program_nama: string; kegiatan_kode: string; kegiatan_nama: string;
    pagu: number; pagu_ef: number; wilayah_kode: string | null; wilayah_nama: string | null; sasaran_kode: string | null; jenis: 'fisik' | 'non_fisik';
    mendesak: boolean; dilindungi: boolean; dilindungi_alasan: string | null; status_kontrak: 'belum' | 'proses' | 'kontrak' | 'swakelola'; status: 'aktif' | 'ditunda';
    rk: number; xk: number; rf: number; xf: number;
  }>`
    SELECT s.id, s.opd_id, s.tahun, s.kode, s.nama, p.kode AS program_kode, p.nama AS program_nama, k.kode AS kegiatan_kode, k.nama AS kegiatan_nama,
      coalesce(s.pagu_perubahan, s.pagu) AS pagu, coalesce(s.pagu_perubahan, s.pagu) - s.pagu_ditunda AS pagu_ef,
      s.wilayah_kode, w.name AS wilayah_nama, sa.kode AS sasaran_kode, s.jenis, s.mendesak, s.dilindungi, s.dilindungi_alasan, s.status_kontrak, s.status,
      coalesce(sum(b.rencana_keuangan) FILTER (WHERE b.bulan <= ${bulan}), 0) AS rk,
      coalesce(sum(b.realisasi_keuangan) FILTER (WHERE b.bulan <= ${bulan}), 0) AS xk,
      coalesce(max(b.rencana_fisik) FILTER (WHERE b.bulan <= ${bulan}), 0) AS rf,
      coalesce(max(b.realisasi_fisik) FILTER (WHERE b.bulan <= ${bulan}), 0) AS xf
    FROM budget_sub_kegiatan s
    JOIN budget_kegiatan k ON k.pemda_id = s.pemda_id AND k.id = s.kegiatan_id
    JOIN budget_program p ON p.pemda_id = k.pemda_id AND p.id = k.program_id
    LEFT JOIN wilayah w ON w.pemda_id = s.pemda_id AND w.kode = s.wilayah_kode
    LEFT JOIN budget_sasaran sa ON sa.pemda_id = s.pemda_id AND sa.id = s.sasaran_id
    LEFT JOIN budget_bulanan b ON b.pemda_id = s.pemda_id AND b.sub_kegiatan_id = s.id
    WHERE s.pemda_id = ${pemdaId} AND ${where}
    GROUP BY s.pemda_id, s.id, p.kode, p.nama, k.kode, k.nama, w.name, sa.kode
    ORDER BY s.kode`.execute(ctx.db);
  return result.rows.map((r) => {
    const capaian = r.rk > 0 ? round2((r.xk / r.rk) * 100) : null;
    return {
      id: r.id,
      opdId: r.opd_id,
      tahun: r.tahun,
      kode: r.kode,
      nama: r.nama,
      programKode: r.program_kode,
      programNama: r.program_nama,
      kegiatanKode: r.kegiatan_kode,
      kegiatanNama: r.kegiatan_nama,
      pagu: r.pagu,
      paguEfektif: r.pagu_ef,
      wilayahKode: r.wilayah_kode,
      wilayahNama: r.wilayah_nama,
      sasaranKode: r.sasaran_kode,
      jenis: r.jenis,
      mendesak: r.mendesak,
      dilindungi: r.dilindungi,
      dilindungiAlasan: r.dilindungi_alasan,
      statusKontrak: r.status_kontrak,
      status: r.status,
      rencanaKeuangan: r.rk,
      realisasiKeuangan: r.xk,
      persenKeuangan: financialPercent(r.xk, r.pagu_ef),
      rencanaFisik: r.rf,
      realisasiFisik: r.xf,
      deviasiFisik: round2(r.rf - r.xf),
      kritis: r.status === 'aktif' && r.pagu_ef > 0 && isCritical(r.rf, r.xf),
      band: band(capaian),
    };
  });
}

export async function getOpdBudget(ctx: Ctx, pemdaId: string, opdId: string, query: { tahun?: number; bulan?: number }): Promise<TOpdBudget> {
  const opd = await opdOf(ctx, pemdaId, opdId);
  const period = await resolvePeriod(ctx.db, pemdaId, query);
  const rows = await rollupRows(ctx.db, pemdaId, period.tahun, opdId);
  const subs = await subRows(ctx, pemdaId, { tahun: period.tahun, opdId }, period.bulan);
  return {
    ...period,
    summary: { opdId, opdCode: opd.code, opdName: opd.name, rank: null, ...figuresAt(rows, period.bulan) },
    kurva: sCurve(rows, period.bulan),
    subKegiatan: subs.map(({ opdId: _o, tahun: _t, ...row }) => row),
    canWrite: can(ctx.actor, BudgetActions['budget.realisasi.write'], { pemdaId, opdId }),
  };
}

async function loadSub(ctx: Ctx, pemdaId: string, id: string) {
  const sub = await ctx.db.selectFrom('budget_sub_kegiatan').selectAll().where('pemda_id', '=', pemdaId).where('id', '=', id).executeTakeFirst();
  if (!sub) throw new AppError(BudgetErrors.BUDGET_SUB_KEGIATAN_NOT_FOUND);
  return sub;
}

export async function getSubKegiatan(ctx: Ctx, pemdaId: string, id: string): Promise<TSubKegiatanDetail> {
  const sub = await loadSub(ctx, pemdaId, id);
  const opd = await opdOf(ctx, pemdaId, sub.opd_id);
  const [row] = await subRows(ctx, pemdaId, { tahun: sub.tahun, id }, 12);
  const months = await ctx.db.selectFrom('budget_bulanan').selectAll().where('pemda_id', '=', pemdaId).where('sub_kegiatan_id', '=', id).orderBy('bulan').execute();
  const byMonth = new Map(months.map((m) => [m.bulan, m]));
  if (!row) throw new AppError(BudgetErrors.BUDGET_SUB_KEGIATAN_NOT_FOUND);
  const { opdId: _o, tahun: _t, ...clean } = row;
  return {
    row: clean,
    opdId: opd.id,
    opdName: opd.name,
    tahun: sub.tahun,
    bulan: Array.from({ length: 12 }, (_, i) => {
      const m = byMonth.get(i + 1);
      return { bulan: i + 1, rencanaKeuangan: m?.rencana_keuangan ?? 0, rencanaFisik: m?.rencana_fisik ?? 0, realisasiKeuangan: m?.realisasi_keuangan ?? null, realisasiFisik: m?.realisasi_fisik ?? null, sp2dRef: m?.sp2d_ref ?? null };
    }),
    canWrite: can(ctx.actor, BudgetActions['budget.realisasi.write'], { pemdaId, opdId: sub.opd_id }),
  };
}

const rupiah = (value: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(value);

/**
 * An OPD operator records the month's SP2D total and the cumulative physical progress. Progress never goes
 * back (it is cumulative), cumulative payments never exceed the effective pagu, and a month that has not
 * started cannot be reported. The roll-up is refreshed in the same transaction.
 */
export async function recordRealisasi(ctx: Ctx, pemdaId: string, id: string, bulan: number, input: TRealisasiRequest): Promise<TSubKegiatanDetail> {
  await inTransaction(ctx, async (tx) => {
    const sub = await loadSub(tx, pemdaId, id);
    authorize(tx.actor, BudgetActions['budget.realisasi.write'], { pemdaId, opdId: sub.opd_id });
    if (sub.status === 'ditunda') throw new AppError(BudgetErrors.BUDGET_POSTPONED);
    const now = currentYearMonth();
    if (sub.tahun > now.year || (sub.tahun === now.year && bulan > now.month)) throw new AppError(BudgetErrors.BUDGET_FUTURE_MONTH, { bulan, tahun: sub.tahun });
    const months = await tx.db.selectFrom('budget_bulanan').selectAll().where('pemda_id', '=', pemdaId).where('sub_kegiatan_id', '=', id).forUpdate().execute();
    const before = months.find((m) => m.bulan === bulan);
    if (input.realisasiFisik !== null) {
      const previous = Math.max(0, ...months.filter((m) => m.bulan < bulan && m.realisasi_fisik !== null).map((m) => m.realisasi_fisik ?? 0));
      if (input.realisasiFisik < previous) throw new AppError(BudgetErrors.BUDGET_FISIK_DECREASING, { bulan, nilai: input.realisasiFisik, sebelumnya: previous });
    }
    const paguEfektif = (sub.pagu_perubahan ?? sub.pagu) - sub.pagu_ditunda;
    const others = months.filter((m) => m.bulan !== bulan).reduce((total, m) => total + (m.realisasi_keuangan ?? 0), 0);
    const total = others + (input.realisasiKeuangan ?? 0);
    if (total > paguEfektif + 0.005) throw new AppError(BudgetErrors.BUDGET_OVER_PAGU, { total: rupiah(total), pagu: rupiah(paguEfektif) });
    const actorId = isUser(tx.actor) ? tx.actor.userId : null;
    const values = { realisasi_keuangan: input.realisasiKeuangan, realisasi_fisik: input.realisasiFisik, sp2d_ref: input.sp2dRef ?? null, updated_by: actorId };
    await tx.db
      .insertInto('budget_bulanan')
      .values({ pemda_id: pemdaId, sub_kegiatan_id: id, bulan, ...values })
      .onConflict((oc) => oc.columns(['pemda_id', 'sub_kegiatan_id', 'bulan']).doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
    await refreshRollup(tx.db, pemdaId, sub.tahun, [sub.opd_id]);
    await writeAudit(tx, {
      pemdaId,
      action: 'budget.realisasi.record',
      entityType: 'budget_sub_kegiatan',
      entityId: id,
      before: before ? { bulan, realisasiKeuangan: before.realisasi_keuangan, realisasiFisik: before.realisasi_fisik, sp2dRef: before.sp2d_ref } : null,
      after: { bulan, realisasiKeuangan: input.realisasiKeuangan, realisasiFisik: input.realisasiFisik, sp2dRef: input.sp2dRef ?? null },
    });
  });
  return getSubKegiatan(ctx, pemdaId, id);
}

/** BPKAD/Bapperida classify a sub-kegiatan: physical or not, urgent, protected, contract status, link to a sasaran. */
export async function updateSubKegiatan(ctx: Ctx, pemdaId: string, id: string, input: TSubKegiatanUpdate): Promise<TSubKegiatanDetail> {
  await inTransaction(ctx, async (tx) => {
    const sub = await loadSub(tx, pemdaId, id);
    authorize(tx.actor, BudgetActions['budget.plan.manage'], { pemdaId, opdId: sub.opd_id });
    const set: Partial<{ jenis: 'fisik' | 'non_fisik'; mendesak: boolean; dilindungi: boolean; dilindungi_alasan: string | null; status_kontrak: 'belum' | 'proses' | 'kontrak' | 'swakelola'; sasaran_id: string | null }> = {};
    if (input.jenis !== undefined) set.jenis = input.jenis;
    if (input.mendesak !== undefined) set.mendesak = input.mendesak;
    if (input.statusKontrak !== undefined) set.status_kontrak = input.statusKontrak;
    if (input.dilindungi !== undefined) {
      const fixed = protectedReason(sub.kode, sub.nama);
      // Seed 004: aid for the poor is never cut; protection the rule found cannot be lifted by hand.
      if (!input.dilindungi && fixed) throw new AppError(BudgetErrors.BUDGET_PROTECTED_FIXED, { alasan: fixed });
      set.dilindungi = input.dilindungi;
      set.dilindungi_alasan = input.dilindungi ? (sub.dilindungi_alasan ?? 'ditetapkan BPKAD/Bapperida') : null;
    }
    if (input.sasaranKode !== undefined) {
      if (input.sasaranKode === null) set.sasaran_id = null;
      else {
        const sasaran = await tx.db.selectFrom('budget_sasaran').select('id').where('pemda_id', '=', pemdaId).where('kode', '=', input.sasaranKode).executeTakeFirst();
        if (!sasaran) throw new AppError(BudgetErrors.BUDGET_SASARAN_NOT_FOUND, { kode: input.sasaranKode });
        set.sasaran_id = sasaran.id;
      }
    }
    if (Object.keys(set).length === 0) return;
    await tx.db.updateTable('budget_sub_kegiatan').set({ ...set, updated_at: new Date() }).where('pemda_id', '=', pemdaId).where('id', '=', id).execute();
    const beforeView: Record<string, unknown> = {};
    for (const key of Object.keys(set)) beforeView[key] = sub[key as keyof typeof sub];
    await writeAudit(tx, { pemdaId, action: 'budget.sub_kegiatan.update', entityType: 'budget_sub_kegiatan', entityId: id, before: beforeView, after: set });
  });
  return getSubKegiatan(ctx, pemdaId, id);
}
