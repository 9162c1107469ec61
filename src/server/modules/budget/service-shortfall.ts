import { sql } from 'kysely';
import type { TBudgetSettings, TPostponeItem, TPostponement, TPostponementDecision, TShortfall } from '../../../contracts/budget';
import { inTransaction, isUser, type Ctx, type TxCtx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { can } from '../../platform/policy';
import { BudgetErrors } from './errors';
import { BudgetActions } from './policy';
import { refreshRollup } from './rollup';
import { isPostponable, POSTPONE_CRITERIA, proposePostponement, round2, type PostponeCandidate, type PostponeCriterion } from './rules';
import { getRevenue } from './service-revenue';

const SETTINGS_KEY = 'budget.shortfall';

/**
 * The threshold and the ordering are not national rules (BRIEF §4 [U]): each Pemda sets them, with the legal
 * basis (a Perkada or the head's instruction, as seed 002) recorded next to them.
 */
export const DEFAULT_SETTINGS: TBudgetSettings = { ambangPersen: 2, kriteria: [...POSTPONE_CRITERIA], dasarHukum: null };

export async function getSettings(ctx: Ctx, pemdaId: string): Promise<TBudgetSettings> {
  const row = await ctx.db.selectFrom('pemda_setting').select('value').where('pemda_id', '=', pemdaId).where('key', '=', SETTINGS_KEY).executeTakeFirst();
  return row ? { ...DEFAULT_SETTINGS, ...(row.value as Partial<TBudgetSettings>) } : DEFAULT_SETTINGS;
}

export async function putSettings(ctx: Ctx, pemdaId: string, input: TBudgetSettings): Promise<TBudgetSettings> {
  return inTransaction(ctx, async (tx) => {
    const before = await getSettings(tx, pemdaId);
    const value = { ...input, kriteria: [...new Set(input.kriteria)] };
    await tx.db
      .insertInto('pemda_setting')
      .values({ pemda_id: pemdaId, key: SETTINGS_KEY, value: JSON.stringify(value) })
      .onConflict((oc) => oc.columns(['pemda_id', 'key']).doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }))
      .execute();
    await writeAudit(tx, { pemdaId, action: 'budget.settings.update', entityType: 'pemda_setting', entityId: SETTINGS_KEY, before, after: value });
    return value;
  });
}

interface CandidateRow extends PostponeCandidate {
  kode: string;
  nama: string;
  opdId: string;
  opdName: string;
  dilindungiAlasan: string | null;
}

async function candidates(ctx: Ctx, pemdaId: string, tahun: number, ids?: readonly string[]): Promise<CandidateRow[]> {
  const idFilter = ids ? sql`AND s.id IN (${sql.join(ids.map((id) => sql`${id}::uuid`))})` : sql``;
  const result = await sql<{
    id: string; kode: string; nama: string; opd_id: string; opd_name: string; sisa: number; keterkaitan: number; xf: number; jenis: 'fisik' | 'non_fisik';
    mendesak: boolean; dilindungi: boolean; dilindungi_alasan: string | null; status_kontrak: 'belum' | 'proses' | 'kontrak' | 'swakelola'; status: 'aktif' | 'ditunda';
  }>`
    SELECT s.id, s.kode, s.nama, s.opd_id, o.name AS opd_name,
      coalesce(s.pagu_perubahan, s.pagu) - s.pagu_ditunda - coalesce(sum(b.realisasi_keuangan), 0) AS sisa,
      CASE WHEN sa.id IS NULL THEN 0 WHEN sa.prioritas THEN 2 ELSE 1 END AS keterkaitan,
      coalesce(max(b.realisasi_fisik), 0) AS xf,
      s.jenis, s.mendesak, s.dilindungi, s.dilindungi_alasan, s.status_kontrak, s.status
    FROM budget_sub_kegiatan s
    JOIN opd o ON o.pemda_id = s.pemda_id AND o.id = s.opd_id
    LEFT JOIN budget_sasaran sa ON sa.pemda_id = s.pemda_id AND sa.id = s.sasaran_id
    LEFT JOIN budget_bulanan b ON b.pemda_id = s.pemda_id AND b.sub_kegiatan_id = s.id
    WHERE s.pemda_id = ${pemdaId} AND s.tahun = ${tahun} ${idFilter}
    GROUP BY s.pemda_id, s.id, o.name, sa.id, sa.prioritas`.execute(ctx.db);
  return result.rows.map((r) => ({
    id: r.id,
    kode: r.kode,
    nama: r.nama,
    opdId: r.opd_id,
    opdName: r.opd_name,
    sisa: round2(r.sisa),
    keterkaitan: r.keterkaitan as 0 | 1 | 2,
    realisasiFisik: r.xf,
    jenis: r.jenis,
    mendesak: r.mendesak,
    dilindungi: r.dilindungi,
    dilindungiAlasan: r.dilindungi_alasan,
    statusKontrak: r.status_kontrak,
    status: r.status,
  }));
}

const rupiah = (value: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(value);

/** Why an activity is on the list, in the order the criteria were applied. */
function reasonOf(c: CandidateRow): { id: string; en: string } {
  const link = [
    { id: 'tidak terkait sasaran RPJMD', en: 'not linked to any RPJMD target' },
    { id: 'terkait sasaran non-prioritas', en: 'linked to a non-priority target' },
    { id: 'terkait sasaran prioritas', en: 'linked to a priority target' },
  ][c.keterkaitan] ?? { id: '', en: '' };
  return {
    id: `Fisik, tidak mendesak, belum berkontrak; ${link.id}; progres fisik ${c.realisasiFisik} %; sisa pagu Rp ${rupiah(c.sisa)}`,
    en: `Physical, not urgent, not contracted; ${link.en}; physical progress ${c.realisasiFisik} %; unspent Rp ${rupiah(c.sisa)}`,
  };
}

/** Why an activity may not be postponed (for the head's edits). */
function notPostponableReason(c: CandidateRow): { id: string; en: string } {
  if (c.dilindungi) return { id: `dilindungi (${c.dilindungiAlasan ?? 'bantuan bagi masyarakat miskin'})`, en: `protected (${c.dilindungiAlasan ?? 'aid for the poor'})` };
  if (c.status !== 'aktif') return { id: 'sudah ditunda', en: 'already postponed' };
  if (c.jenis !== 'fisik') return { id: 'bukan kegiatan fisik', en: 'not a physical activity' };
  if (c.mendesak) return { id: 'ditandai mendesak', en: 'marked urgent' };
  if (c.statusKontrak !== 'belum') return { id: 'sudah berkontrak atau dalam proses pengadaan', en: 'already contracted or being procured' };
  return { id: 'tidak ada sisa pagu', en: 'no unspent ceiling left' };
}

/** The rule now: projected gap against the threshold, and the list Pamong would propose. */
export async function evaluateShortfall(ctx: Ctx, pemdaId: string, tahun?: number): Promise<TShortfall> {
  const revenue = await getRevenue(ctx, pemdaId, { tahun });
  const settings = await getSettings(ctx, pemdaId);
  const gap = revenue.total.selisih;
  const gapPercent = revenue.total.target > 0 ? round2((gap / revenue.total.target) * 100) : null;
  const triggered = gapPercent !== null && gapPercent > settings.ambangPersen;
  const all = await candidates(ctx, pemdaId, revenue.tahun);
  const proposal = triggered ? proposePostponement(all, gap, settings.kriteria as PostponeCriterion[]) : { items: [], covered: 0, enough: false };
  const byId = new Map(all.map((c) => [c.id, c]));
  const usulan: TPostponeItem[] = proposal.items.map((item, index) => {
    const c = byId.get(item.id) as CandidateRow;
    return { subKegiatanId: c.id, kode: c.kode, nama: c.nama, opdId: c.opdId, opdName: c.opdName, urutan: index + 1, jumlah: c.sisa, alasan: reasonOf(c), termasuk: true, ditambahKepala: false, realisasiFisik: c.realisasiFisik };
  });
  return {
    tahun: revenue.tahun,
    bulan: revenue.bulan,
    target: revenue.total.target,
    proyeksi: revenue.total.proyeksi,
    selisih: gap,
    selisihPersen: gapPercent,
    ambangPersen: settings.ambangPersen,
    terpicu: triggered,
    settings,
    usulan,
    tertutup: proposal.covered,
    cukup: proposal.enough,
  };
}

export async function createPostponement(ctx: Ctx, pemdaId: string, tahun: number): Promise<TPostponement> {
  const id = await inTransaction(ctx, async (tx) => {
    const open = await tx.db.selectFrom('budget_penundaan').select('id').where('pemda_id', '=', pemdaId).where('tahun', '=', tahun).where('status', '=', 'diusulkan').executeTakeFirst();
    if (open) throw new AppError(BudgetErrors.BUDGET_POSTPONEMENT_OPEN, { tahun });
    const evaluation = await evaluateShortfall(tx, pemdaId, tahun);
    if (!evaluation.terpicu) throw new AppError(BudgetErrors.BUDGET_NO_SHORTFALL, { persen: evaluation.selisihPersen ?? 0, ambang: evaluation.ambangPersen });
    const row = await tx.db
      .insertInto('budget_penundaan')
      .values({
        pemda_id: pemdaId,
        tahun,
        bulan_dasar: evaluation.bulan,
        target_pad: evaluation.target,
        proyeksi_pad: evaluation.proyeksi,
        selisih: evaluation.selisih,
        ambang_persen: evaluation.ambangPersen,
        kriteria: JSON.stringify(evaluation.settings.kriteria),
        dibuat_oleh: isUser(tx.actor) ? tx.actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (evaluation.usulan.length > 0) {
      await tx.db
        .insertInto('budget_penundaan_item')
        .values(evaluation.usulan.map((item) => ({ pemda_id: pemdaId, penundaan_id: row.id, sub_kegiatan_id: item.subKegiatanId, urutan: item.urutan, jumlah: item.jumlah, alasan: JSON.stringify(item.alasan) })))
        .execute();
    }
    await writeAudit(tx, {
      pemdaId,
      action: 'budget.penundaan.propose',
      entityType: 'budget_penundaan',
      entityId: row.id,
      after: { tahun, selisih: evaluation.selisih, ambangPersen: evaluation.ambangPersen, items: evaluation.usulan.map((i) => i.kode), total: evaluation.tertutup },
    });
    return row.id;
  });
  return getPostponement(ctx, pemdaId, id);
}

export async function listPostponements(ctx: Ctx, pemdaId: string, tahun?: number): Promise<TPostponement[]> {
  let query = ctx.db.selectFrom('budget_penundaan').select('id').where('pemda_id', '=', pemdaId).orderBy('dibuat_pada', 'desc');
  if (tahun) query = query.where('tahun', '=', tahun);
  const rows = await query.limit(50).execute();
  const out: TPostponement[] = [];
  for (const row of rows) out.push(await getPostponement(ctx, pemdaId, row.id));
  return out;
}

export async function getPostponement(ctx: Ctx, pemdaId: string, id: string): Promise<TPostponement> {
  const row = await ctx.db.selectFrom('budget_penundaan').selectAll().where('pemda_id', '=', pemdaId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(BudgetErrors.BUDGET_POSTPONEMENT_NOT_FOUND);
  const items = await ctx.db
    .selectFrom('budget_penundaan_item as i')
    .innerJoin('budget_sub_kegiatan as s', (j) => j.onRef('s.pemda_id', '=', 'i.pemda_id').onRef('s.id', '=', 'i.sub_kegiatan_id'))
    .innerJoin('opd as o', (j) => j.onRef('o.pemda_id', '=', 's.pemda_id').onRef('o.id', '=', 's.opd_id'))
    .select(['i.sub_kegiatan_id', 'i.urutan', 'i.jumlah', 'i.alasan', 'i.termasuk', 'i.ditambah_kepala', 's.kode', 's.nama', 's.opd_id', 'o.name as opd_name'])
    .select((eb) =>
      eb
        .selectFrom('budget_bulanan as b')
        .select((e) => e.fn.coalesce(e.fn.max('b.realisasi_fisik'), e.lit(0)).as('xf'))
        .whereRef('b.pemda_id', '=', 'i.pemda_id')
        .whereRef('b.sub_kegiatan_id', '=', 'i.sub_kegiatan_id')
        .as('xf'),
    )
    .where('i.pemda_id', '=', pemdaId)
    .where('i.penundaan_id', '=', id)
    .orderBy('i.urutan')
    .execute();
  const mapped: TPostponeItem[] = items.map((i) => ({
    subKegiatanId: i.sub_kegiatan_id,
    kode: i.kode,
    nama: i.nama,
    opdId: i.opd_id,
    opdName: i.opd_name,
    urutan: i.urutan,
    jumlah: i.jumlah,
    alasan: i.alasan,
    termasuk: i.termasuk,
    ditambahKepala: i.ditambah_kepala,
    realisasiFisik: Number(i.xf ?? 0),
  }));
  return {
    id: row.id,
    tahun: row.tahun,
    bulanDasar: row.bulan_dasar,
    targetPad: row.target_pad,
    proyeksiPad: row.proyeksi_pad,
    selisih: row.selisih,
    ambangPersen: row.ambang_persen,
    kriteria: row.kriteria,
    status: row.status,
    dibuatPada: row.dibuat_pada.toISOString(),
    diputuskanPada: row.diputuskan_pada ? row.diputuskan_pada.toISOString() : null,
    diputuskanPeran: row.diputuskan_peran,
    catatanKeputusan: row.catatan_keputusan,
    jumlahDitunda: round2(mapped.filter((i) => i.termasuk).reduce((total, i) => total + i.jumlah, 0)),
    items: mapped,
    canDecide: row.status === 'diusulkan' && can(ctx.actor, BudgetActions['budget.postpone.decide']),
  };
}

/**
 * The head approves (possibly edited) or rejects. Approval postpones each listed activity: its unspent pagu is
 * set aside (pagu_ditunda), its cash plan after the base month is zeroed and its physical plan frozen, and the
 * roll-up is refreshed: the plan the OPDs and the overview see is the updated one. Every activity is checked
 * again at decision time, so a protected activity can never be postponed, even when the head adds it by hand.
 */
export async function decidePostponement(ctx: Ctx, pemdaId: string, id: string, input: TPostponementDecision): Promise<TPostponement> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('budget_penundaan').selectAll().where('pemda_id', '=', pemdaId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new AppError(BudgetErrors.BUDGET_POSTPONEMENT_NOT_FOUND);
    if (row.status !== 'diusulkan') throw new AppError(BudgetErrors.BUDGET_POSTPONEMENT_DECIDED, { status: row.status });
    const actor = tx.actor;
    const decided = { diputuskan_oleh: isUser(actor) ? actor.userId : null, diputuskan_peran: isUser(actor) ? actor.role : 'system', diputuskan_pada: new Date(), catatan_keputusan: input.catatan };
    if (input.keputusan === 'tolak') {
      await tx.db.updateTable('budget_penundaan').set({ status: 'ditolak', ...decided }).where('pemda_id', '=', pemdaId).where('id', '=', id).execute();
      await writeAudit(tx, { pemdaId, action: 'budget.penundaan.reject', entityType: 'budget_penundaan', entityId: id, before: { status: row.status }, after: { status: 'ditolak', catatan: input.catatan } });
      return;
    }
    const proposed = await tx.db.selectFrom('budget_penundaan_item').select(['sub_kegiatan_id', 'urutan']).where('pemda_id', '=', pemdaId).where('penundaan_id', '=', id).execute();
    const finalIds = [...new Set(input.subKegiatanIds ?? proposed.map((p) => p.sub_kegiatan_id))];
    if (finalIds.length === 0) throw new AppError(BudgetErrors.BUDGET_POSTPONE_EMPTY);
    const found = await candidates(tx, pemdaId, row.tahun, finalIds);
    const byId = new Map(found.map((c) => [c.id, c]));
    for (const subId of finalIds) {
      const c = byId.get(subId);
      if (!c) throw new AppError(BudgetErrors.BUDGET_SUB_KEGIATAN_NOT_FOUND);
      if (!isPostponable(c)) throw new AppError(BudgetErrors.BUDGET_NOT_POSTPONABLE, { kode: c.kode, alasan: notPostponableReason(c) });
    }
    await applyDecision(tx, { pemdaId, id, bulanDasar: row.bulan_dasar, tahun: row.tahun, proposed, chosen: finalIds.map((subId) => byId.get(subId) as CandidateRow) });
    await tx.db.updateTable('budget_penundaan').set({ status: 'disetujui', ...decided }).where('pemda_id', '=', pemdaId).where('id', '=', id).execute();
    const proposedIds = new Set(proposed.map((p) => p.sub_kegiatan_id));
    await writeAudit(tx, {
      pemdaId,
      action: 'budget.penundaan.approve',
      entityType: 'budget_penundaan',
      entityId: id,
      before: { status: row.status },
      after: { status: 'disetujui', catatan: input.catatan },
      detail: {
        ditunda: finalIds.map((subId) => ({ kode: byId.get(subId)?.kode, jumlah: byId.get(subId)?.sisa })),
        dihapusKepala: [...proposedIds].filter((p) => !finalIds.includes(p)),
        ditambahKepala: finalIds.filter((f) => !proposedIds.has(f)),
      },
    });
  });
  return getPostponement(ctx, pemdaId, id);
}

async function applyDecision(tx: TxCtx, input: { pemdaId: string; id: string; tahun: number; bulanDasar: number; proposed: Array<{ sub_kegiatan_id: string; urutan: number }>; chosen: CandidateRow[] }): Promise<void> {
  const { pemdaId, id } = input;
  await tx.db.updateTable('budget_penundaan_item').set({ termasuk: false }).where('pemda_id', '=', pemdaId).where('penundaan_id', '=', id).execute();
  let next = Math.max(0, ...input.proposed.map((p) => p.urutan));
  for (const c of input.chosen) {
    const wasProposed = input.proposed.some((p) => p.sub_kegiatan_id === c.id);
    if (wasProposed) {
      await tx.db.updateTable('budget_penundaan_item').set({ termasuk: true, jumlah: c.sisa }).where('pemda_id', '=', pemdaId).where('penundaan_id', '=', id).where('sub_kegiatan_id', '=', c.id).execute();
    } else {
      next += 1;
      await tx.db
        .insertInto('budget_penundaan_item')
        .values({ pemda_id: pemdaId, penundaan_id: id, sub_kegiatan_id: c.id, urutan: next, jumlah: c.sisa, alasan: JSON.stringify({ id: 'Ditambahkan oleh kepala daerah', en: 'Added by the head' }), termasuk: true, ditambah_kepala: true })
        .execute();
    }
    await tx.db.updateTable('budget_sub_kegiatan').set({ status: 'ditunda', pagu_ditunda: c.sisa, updated_at: new Date() }).where('pemda_id', '=', pemdaId).where('id', '=', c.id).execute();
    // The plan after the base month: no more cash, physical plan frozen where it stood.
    await sql`
      UPDATE budget_bulanan b SET rencana_keuangan = 0,
        rencana_fisik = (SELECT coalesce(max(x.rencana_fisik), 0) FROM budget_bulanan x WHERE x.pemda_id = b.pemda_id AND x.sub_kegiatan_id = b.sub_kegiatan_id AND x.bulan <= ${input.bulanDasar}),
        updated_at = now()
      WHERE b.pemda_id = ${pemdaId} AND b.sub_kegiatan_id = ${c.id}::uuid AND b.bulan > ${input.bulanDasar}`.execute(tx.db);
  }
  await refreshRollup(tx.db, pemdaId, input.tahun, [...new Set(input.chosen.map((c) => c.opdId))]);
}
