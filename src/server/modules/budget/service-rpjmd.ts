import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TRpjmd, TRpjmdEditable, TRpjmdInput } from '../../../contracts/budget';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError, type FieldError, type Lang } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { BudgetErrors } from './errors';
import { currentYearMonth } from './rollup';
import { getRpjmd, rpjmdFor } from './service-plan';

/**
 * The RPJMD cascade editor's side of the API: load the cascade in the shape PUT accepts, and save it (add,
 * change and, with `prune`, remove nodes). A node still in use (an IKU with realisation or evidence, a sasaran that
 * sub-activities link to) is never removed: the whole save is refused and names what blocks it.
 */

type Level = 'misi' | 'tujuan' | 'sasaran' | 'iku';

/** One node of a stored or submitted cascade, flattened; `key` is what identifies it across saves. */
interface FlatNode {
  level: Level;
  key: string;
  id?: string;
  values: Record<string, unknown>;
}

const keyOf = {
  misi: (nomor: number) => `misi:${nomor}`,
  tujuan: (nomor: number, kode: string) => `tujuan:${nomor}/${kode}`,
  sasaran: (kode: string) => `sasaran:${kode}`,
  iku: (kode: string) => `iku:${kode}`,
};

/** The stored cascade of one RPJMD, flattened, with the facts that make a node undeletable. */
async function loadStored(db: Kysely<DB>, pemdaId: string, rpjmdId: string) {
  const misi = await db.selectFrom('budget_misi').select(['id', 'nomor', 'uraian']).where('pemda_id', '=', pemdaId).where('rpjmd_id', '=', rpjmdId).orderBy('nomor').execute();
  const misiIds = misi.map((m) => m.id);
  const tujuan = misiIds.length === 0 ? [] : await db.selectFrom('budget_tujuan').select(['id', 'misi_id', 'kode', 'uraian']).where('pemda_id', '=', pemdaId).where('misi_id', 'in', misiIds).orderBy('kode').execute();
  const tujuanIds = tujuan.map((t) => t.id);
  const sasaran = tujuanIds.length === 0 ? [] : await db.selectFrom('budget_sasaran').select(['id', 'tujuan_id', 'kode', 'uraian', 'prioritas']).where('pemda_id', '=', pemdaId).where('tujuan_id', 'in', tujuanIds).orderBy('kode').execute();
  const sasaranIds = sasaran.map((s) => s.id);
  const iku =
    sasaranIds.length === 0
      ? []
      : await db
          .selectFrom('budget_iku as i')
          .leftJoin('opd as o', (j) => j.onRef('o.pemda_id', '=', 'i.pemda_id').onRef('o.id', '=', 'i.opd_id'))
          .select(['i.id', 'i.sasaran_id', 'i.kode', 'i.nama', 'i.satuan', 'i.arah', 'i.baseline', 'o.code as opd_code'])
          .where('i.pemda_id', '=', pemdaId)
          .where('i.sasaran_id', 'in', sasaranIds)
          .orderBy('i.kode')
          .execute();
  const ikuIds = iku.map((i) => i.id);
  const [targets, realisasi, subs] = await Promise.all([
    ikuIds.length === 0 ? [] : db.selectFrom('budget_iku_target').select(['iku_id', 'tahun', 'target']).where('pemda_id', '=', pemdaId).where('iku_id', 'in', ikuIds).orderBy('tahun').execute(),
    ikuIds.length === 0
      ? []
      : db.selectFrom('budget_iku_realisasi').select(['iku_id', (eb) => eb.fn.countAll<number>().as('n')]).where('pemda_id', '=', pemdaId).where('iku_id', 'in', ikuIds).groupBy('iku_id').execute(),
    sasaranIds.length === 0
      ? []
      : db.selectFrom('budget_sub_kegiatan').select(['sasaran_id', (eb) => eb.fn.countAll<number>().as('n')]).where('pemda_id', '=', pemdaId).where('sasaran_id', 'in', sasaranIds).groupBy('sasaran_id').execute(),
  ]);
  const targetsOf = (ikuId: string) => Object.fromEntries(targets.filter((t) => t.iku_id === ikuId).map((t) => [String(t.tahun), Number(t.target)]));
  const realisasiOf = new Map(realisasi.map((r) => [r.iku_id, Number(r.n)]));
  const subsOf = new Map(subs.map((r) => [r.sasaran_id as string, Number(r.n)]));
  return { misi, tujuan, sasaran, iku, targetsOf, realisasiOf, subsOf };
}

type Stored = Awaited<ReturnType<typeof loadStored>>;

function flattenStored(stored: Stored): FlatNode[] {
  const nodes: FlatNode[] = [];
  for (const m of stored.misi) {
    nodes.push({ level: 'misi', key: keyOf.misi(m.nomor), id: m.id, values: { uraian: m.uraian } });
    for (const t of stored.tujuan.filter((x) => x.misi_id === m.id)) {
      nodes.push({ level: 'tujuan', key: keyOf.tujuan(m.nomor, t.kode), id: t.id, values: { uraian: t.uraian } });
      for (const s of stored.sasaran.filter((x) => x.tujuan_id === t.id)) {
        nodes.push({ level: 'sasaran', key: keyOf.sasaran(s.kode), id: s.id, values: { tujuan: t.kode, uraian: s.uraian, prioritas: s.prioritas } });
        for (const i of stored.iku.filter((x) => x.sasaran_id === s.id)) {
          nodes.push({ level: 'iku', key: keyOf.iku(i.kode), id: i.id, values: { sasaran: s.kode, nama: i.nama, satuan: i.satuan, arah: i.arah, opdCode: i.opd_code, baseline: i.baseline, target: stored.targetsOf(i.id) } });
        }
      }
    }
  }
  return nodes;
}

function flattenInput(input: TRpjmdInput): FlatNode[] {
  const nodes: FlatNode[] = [];
  for (const m of input.misi) {
    nodes.push({ level: 'misi', key: keyOf.misi(m.nomor), values: { uraian: m.uraian } });
    for (const t of m.tujuan) {
      nodes.push({ level: 'tujuan', key: keyOf.tujuan(m.nomor, t.kode), values: { uraian: t.uraian } });
      for (const s of t.sasaran) {
        nodes.push({ level: 'sasaran', key: keyOf.sasaran(s.kode), values: { tujuan: t.kode, uraian: s.uraian, prioritas: s.prioritas } });
        for (const i of s.iku) {
          nodes.push({ level: 'iku', key: keyOf.iku(i.kode), values: { sasaran: s.kode, nama: i.nama, satuan: i.satuan, arah: i.arah, opdCode: i.opdCode ?? null, baseline: i.baseline, target: i.target ?? {} } });
        }
      }
    }
  }
  return nodes;
}

/** Key-sorted JSON, so two records with the same content compare equal. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v));

/** A digest of the stored cascade (head and every node), so a save can tell whether it is still what was loaded. */
function versionOf(head: { period_end: number; visi: string; legal_basis: string | null } | undefined, nodes: FlatNode[]): string {
  if (!head) return 'none';
  const content = canonical({ head: { periodEnd: head.period_end, visi: head.visi, legalBasis: head.legal_basis }, nodes: nodes.map((n) => ({ key: n.key, values: n.values })) });
  return createHash('sha256').update(content).digest('hex').slice(0, 32);
}

const MESSAGES = {
  duplicate: { id: 'kode ini sudah dipakai di bagian lain RPJMD', en: 'this code is already used elsewhere in the RPJMD' },
  duplicateMisi: { id: 'nomor misi ini sudah dipakai', en: 'this mission number is already used' },
  yearOutside: { id: 'tahun {tahun} di luar periode RPJMD', en: 'year {tahun} is outside the RPJMD period' },
  opdUnknown: { id: 'kode OPD {code} tidak ada di Pemda ini', en: 'OPD code {code} does not exist in this Pemda' },
  codeElsewhere: { id: 'kode {kode} sudah dipakai RPJMD {period}; gunakan kode lain', en: 'code {kode} is already used by the RPJMD {period}; use another code' },
} as const;

const say = (lang: Lang, key: keyof typeof MESSAGES, params: Record<string, string | number> = {}) =>
  MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

/** Checks that need the whole body: unique codes, target years within the period, OPD codes that exist. */
function validate(lang: Lang, input: TRpjmdInput, opdCodes: Set<string>): FieldError[] {
  const errors: FieldError[] = [];
  // Both places that use a code are marked, so the form being edited shows the clash whichever came first.
  const seen = new Map<string, { path: string; marked: boolean }>();
  const unique = (scope: string, value: string | number, path: string, message: string) => {
    const first = seen.get(`${scope}:${value}`);
    if (!first) {
      seen.set(`${scope}:${value}`, { path, marked: false });
      return;
    }
    if (!first.marked) errors.push({ path: first.path, message });
    first.marked = true;
    errors.push({ path, message });
  };
  input.misi.forEach((m, mi) => {
    unique('misi', m.nomor, `misi.${mi}.nomor`, say(lang, 'duplicateMisi'));
    m.tujuan.forEach((t, ti) => {
      const tPath = `misi.${mi}.tujuan.${ti}`;
      unique(`tujuan/${m.nomor}`, t.kode, `${tPath}.kode`, say(lang, 'duplicate'));
      t.sasaran.forEach((s, si) => {
        const sPath = `${tPath}.sasaran.${si}`;
        unique('sasaran', s.kode, `${sPath}.kode`, say(lang, 'duplicate'));
        s.iku.forEach((i, ii) => {
          const iPath = `${sPath}.iku.${ii}`;
          unique('iku', i.kode, `${iPath}.kode`, say(lang, 'duplicate'));
          if (i.opdCode && !opdCodes.has(i.opdCode)) errors.push({ path: `${iPath}.opdCode`, message: say(lang, 'opdUnknown', { code: i.opdCode }) });
          for (const year of Object.keys(i.target ?? {})) {
            const tahun = Number(year);
            if (tahun < input.periodStart || tahun > input.periodEnd) errors.push({ path: `${iPath}.target.${year}`, message: say(lang, 'yearOutside', { tahun }) });
          }
        });
      });
    });
  });
  return errors;
}

/**
 * Sasaran and IKU codes are unique per Pemda, not per RPJMD: of the given codes, those another RPJMD of the Pemda
 * (any period but `periodStart`'s) holds, as `sasaran:KODE` / `iku:KODE` → that RPJMD's period ("2020–2024").
 * Saving one of them here would move the other period's node (with its realisation) into this one.
 */
export async function codesOfOtherRpjmd(db: Kysely<DB>, pemdaId: string, periodStart: number, codes: { sasaran: string[]; iku: string[] }): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (codes.sasaran.length > 0) {
    const rows = await db
      .selectFrom('budget_sasaran as s')
      .innerJoin('budget_tujuan as t', (j) => j.onRef('t.pemda_id', '=', 's.pemda_id').onRef('t.id', '=', 's.tujuan_id'))
      .innerJoin('budget_misi as m', (j) => j.onRef('m.pemda_id', '=', 't.pemda_id').onRef('m.id', '=', 't.misi_id'))
      .innerJoin('budget_rpjmd as r', (j) => j.onRef('r.pemda_id', '=', 'm.pemda_id').onRef('r.id', '=', 'm.rpjmd_id'))
      .select(['s.kode', 'r.period_start', 'r.period_end'])
      .where('s.pemda_id', '=', pemdaId)
      .where('s.kode', 'in', codes.sasaran)
      .where('r.period_start', '<>', periodStart)
      .execute();
    for (const r of rows) found.set(keyOf.sasaran(r.kode), `${r.period_start}–${r.period_end}`);
  }
  if (codes.iku.length > 0) {
    const rows = await db
      .selectFrom('budget_iku as i')
      .innerJoin('budget_sasaran as s', (j) => j.onRef('s.pemda_id', '=', 'i.pemda_id').onRef('s.id', '=', 'i.sasaran_id'))
      .innerJoin('budget_tujuan as t', (j) => j.onRef('t.pemda_id', '=', 's.pemda_id').onRef('t.id', '=', 's.tujuan_id'))
      .innerJoin('budget_misi as m', (j) => j.onRef('m.pemda_id', '=', 't.pemda_id').onRef('m.id', '=', 't.misi_id'))
      .innerJoin('budget_rpjmd as r', (j) => j.onRef('r.pemda_id', '=', 'm.pemda_id').onRef('r.id', '=', 'm.rpjmd_id'))
      .select(['i.kode', 'r.period_start', 'r.period_end'])
      .where('i.pemda_id', '=', pemdaId)
      .where('i.kode', 'in', codes.iku)
      .where('r.period_start', '<>', periodStart)
      .execute();
    for (const r of rows) found.set(keyOf.iku(r.kode), `${r.period_start}–${r.period_end}`);
  }
  return found;
}

/** Field errors for each code of the body that another RPJMD of the Pemda holds. */
async function otherRpjmdErrors(db: Kysely<DB>, lang: Lang, pemdaId: string, input: TRpjmdInput): Promise<FieldError[]> {
  const sasaran = input.misi.flatMap((m) => m.tujuan.flatMap((t) => t.sasaran));
  const elsewhere = await codesOfOtherRpjmd(db, pemdaId, input.periodStart, { sasaran: sasaran.map((s) => s.kode), iku: sasaran.flatMap((s) => s.iku.map((i) => i.kode)) });
  const errors: FieldError[] = [];
  if (elsewhere.size === 0) return errors;
  input.misi.forEach((m, mi) =>
    m.tujuan.forEach((t, ti) =>
      t.sasaran.forEach((s, si) => {
        const sPath = `misi.${mi}.tujuan.${ti}.sasaran.${si}`;
        const sPeriod = elsewhere.get(keyOf.sasaran(s.kode));
        if (sPeriod) errors.push({ path: `${sPath}.kode`, message: say(lang, 'codeElsewhere', { kode: s.kode, period: sPeriod }) });
        s.iku.forEach((i, ii) => {
          const iPeriod = elsewhere.get(keyOf.iku(i.kode));
          if (iPeriod) errors.push({ path: `${sPath}.iku.${ii}.kode`, message: say(lang, 'codeElsewhere', { kode: i.kode, period: iPeriod }) });
        });
      }),
    ),
  );
  return errors;
}

const isForeignKeyViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';

/** Enters or corrects the cascade; codes are the keys, so sending it again changes nothing. */
export async function putRpjmd(ctx: Ctx, pemdaId: string, input: TRpjmdInput, options: { file?: string } = {}): Promise<TRpjmd> {
  if (input.periodEnd < input.periodStart || input.periodEnd - input.periodStart > 5) throw new AppError(BudgetErrors.BUDGET_PERIOD_INVALID, { start: input.periodStart, end: input.periodEnd });
  await inTransaction(ctx, async (tx) => {
    const db = tx.db;
    const opds = new Map((await db.selectFrom('opd').select(['id', 'code']).where('pemda_id', '=', pemdaId).execute()).map((o) => [o.code, o.id]));
    const fieldErrors = validate(tx.lang, input, new Set(opds.keys()));
    if (fieldErrors.length > 0) throw new AppError(BudgetErrors.BUDGET_RPJMD_INVALID, {}, fieldErrors);

    // Locked, so two saves of the same cascade run one after the other and the second sees the first's version.
    const previous = await db.selectFrom('budget_rpjmd').select(['id', 'period_end', 'visi', 'legal_basis']).where('pemda_id', '=', pemdaId).where('period_start', '=', input.periodStart).forUpdate().executeTakeFirst();
    const stored = previous ? await loadStored(db, pemdaId, previous.id) : null;
    const before = stored ? flattenStored(stored) : [];
    if (input.expectedVersion !== undefined && input.expectedVersion !== versionOf(previous, before)) throw new AppError(BudgetErrors.BUDGET_RPJMD_STALE);
    const elsewhereErrors = await otherRpjmdErrors(db, tx.lang, pemdaId, input);
    if (elsewhereErrors.length > 0) throw new AppError(BudgetErrors.BUDGET_RPJMD_INVALID, {}, elsewhereErrors);
    const after = flattenInput(input);
    const afterKeys = new Set(after.map((n) => n.key));
    const removed = input.prune ? before.filter((n) => !afterKeys.has(n.key)) : [];

    const removedIds = (level: Level) => removed.filter((n) => n.level === level && n.id).map((n) => n.id as string);
    if (stored && removed.length > 0) {
      // The rows to remove are locked before what uses them is counted: a realisation or sub-activity link being
      // saved meanwhile waits for this save (its foreign key check needs the row), one saved just before is counted.
      const removedIku = removedIds('iku');
      const removedSasaran = removedIds('sasaran');
      if (removedIku.length > 0) await db.selectFrom('budget_iku').select('id').where('pemda_id', '=', pemdaId).where('id', 'in', removedIku).forUpdate().execute();
      if (removedSasaran.length > 0) await db.selectFrom('budget_sasaran').select('id').where('pemda_id', '=', pemdaId).where('id', 'in', removedSasaran).forUpdate().execute();
      const [realisasi, subs] = await Promise.all([
        removedIku.length === 0 ? [] : db.selectFrom('budget_iku_realisasi').select(['iku_id', (eb) => eb.fn.countAll<number>().as('n')]).where('pemda_id', '=', pemdaId).where('iku_id', 'in', removedIku).groupBy('iku_id').execute(),
        removedSasaran.length === 0 ? [] : db.selectFrom('budget_sub_kegiatan').select(['sasaran_id', (eb) => eb.fn.countAll<number>().as('n')]).where('pemda_id', '=', pemdaId).where('sasaran_id', 'in', removedSasaran).groupBy('sasaran_id').execute(),
      ]);
      const realisasiOf = new Map(realisasi.map((r) => [r.iku_id, Number(r.n)]));
      const subsOf = new Map(subs.map((r) => [r.sasaran_id as string, Number(r.n)]));
      const blocked: Array<{ id: string; en: string }> = [];
      for (const node of removed) {
        const kode = node.key.slice(node.key.indexOf(':') + 1);
        if (node.level === 'iku') {
          const n = realisasiOf.get(node.id ?? '') ?? 0;
          if (n > 0) blocked.push({ id: `IKU ${kode} (${n} triwulan realisasi/bukti)`, en: `IKU ${kode} (${n} quarters of realisation/evidence)` });
        }
        if (node.level === 'sasaran') {
          const n = subsOf.get(node.id ?? '') ?? 0;
          if (n > 0) blocked.push({ id: `sasaran ${kode} (ditautkan ke ${n} sub kegiatan)`, en: `target ${kode} (linked to ${n} sub-activities)` });
        }
      }
      if (blocked.length > 0) throw new AppError(BudgetErrors.BUDGET_RPJMD_IN_USE, { items: { id: blocked.map((b) => b.id).join('; '), en: blocked.map((b) => b.en).join('; ') } });
    }

    const rpjmd = await db
      .insertInto('budget_rpjmd')
      .values({ pemda_id: pemdaId, period_start: input.periodStart, period_end: input.periodEnd, visi: input.visi, legal_basis: input.legalBasis ?? null })
      .onConflict((oc) => oc.columns(['pemda_id', 'period_start']).doUpdateSet({ period_end: input.periodEnd, visi: input.visi, legal_basis: input.legalBasis ?? null }))
      .returning('id')
      .executeTakeFirstOrThrow();
    const keptTargets: Array<{ ikuId: string; years: number[] }> = [];
    for (const m of input.misi) {
      const misi = await db.insertInto('budget_misi').values({ pemda_id: pemdaId, rpjmd_id: rpjmd.id, nomor: m.nomor, uraian: m.uraian }).onConflict((oc) => oc.columns(['pemda_id', 'rpjmd_id', 'nomor']).doUpdateSet({ uraian: m.uraian })).returning('id').executeTakeFirstOrThrow();
      for (const t of m.tujuan) {
        const tujuan = await db.insertInto('budget_tujuan').values({ pemda_id: pemdaId, misi_id: misi.id, kode: t.kode, uraian: t.uraian }).onConflict((oc) => oc.columns(['pemda_id', 'misi_id', 'kode']).doUpdateSet({ uraian: t.uraian })).returning('id').executeTakeFirstOrThrow();
        for (const s of t.sasaran) {
          const sasaran = await db
            .insertInto('budget_sasaran')
            .values({ pemda_id: pemdaId, tujuan_id: tujuan.id, kode: s.kode, uraian: s.uraian, prioritas: s.prioritas })
            .onConflict((oc) => oc.columns(['pemda_id', 'kode']).doUpdateSet({ tujuan_id: tujuan.id, uraian: s.uraian, prioritas: s.prioritas }))
            .returning('id')
            .executeTakeFirstOrThrow();
          for (const i of s.iku) {
            const values = { sasaran_id: sasaran.id, nama: i.nama, satuan: i.satuan, arah: i.arah, opd_id: i.opdCode ? (opds.get(i.opdCode) ?? null) : null, ...(i.baseline !== undefined ? { baseline: i.baseline } : {}) };
            const iku = await db.insertInto('budget_iku').values({ pemda_id: pemdaId, kode: i.kode, ...values }).onConflict((oc) => oc.columns(['pemda_id', 'kode']).doUpdateSet(values)).returning('id').executeTakeFirstOrThrow();
            for (const [year, target] of Object.entries(i.target ?? {})) {
              await db.insertInto('budget_iku_target').values({ pemda_id: pemdaId, iku_id: iku.id, tahun: Number(year), target }).onConflict((oc) => oc.columns(['pemda_id', 'iku_id', 'tahun']).doUpdateSet({ target })).execute();
            }
            keptTargets.push({ ikuId: iku.id, years: Object.keys(i.target ?? {}).map(Number) });
          }
        }
      }
    }

    if (input.prune) {
      // Years the body no longer holds lose their target; then removed nodes, leaves first (children that stay
      // were moved to their new parent by the upserts above).
      for (const kept of keptTargets) {
        let del = db.deleteFrom('budget_iku_target').where('pemda_id', '=', pemdaId).where('iku_id', '=', kept.ikuId);
        if (kept.years.length > 0) del = del.where('tahun', 'not in', kept.years);
        await del.execute();
      }
      try {
        const ikuIds = removedIds('iku');
        if (ikuIds.length > 0) {
          await db.deleteFrom('budget_iku_target').where('pemda_id', '=', pemdaId).where('iku_id', 'in', ikuIds).execute();
          await db.deleteFrom('budget_iku').where('pemda_id', '=', pemdaId).where('id', 'in', ikuIds).execute();
        }
        for (const [level, table] of [['sasaran', 'budget_sasaran'], ['tujuan', 'budget_tujuan'], ['misi', 'budget_misi']] as const) {
          const ids = removedIds(level);
          if (ids.length > 0) await db.deleteFrom(table).where('pemda_id', '=', pemdaId).where('id', 'in', ids).execute();
        }
      } catch (error) {
        // Anything still referring to a removed node (the locks above should leave nothing) refuses the save, never a 500.
        if (!isForeignKeyViolation(error)) throw error;
        const codes = removed.filter((n) => n.level === 'iku' || n.level === 'sasaran').map((n) => `${n.level === 'iku' ? 'IKU' : 'sasaran'} ${n.key.slice(n.key.indexOf(':') + 1)}`);
        throw new AppError(BudgetErrors.BUDGET_RPJMD_IN_USE, { items: { id: `${codes.join(', ')} (baru saja dipakai)`, en: `${codes.join(', ')} (just put to use)` } });
      }
    }

    // The audit row says what changed, node by node: a repeated save records no changes.
    const beforeBy = new Map(before.map((n) => [n.key, n]));
    const changes: Array<Record<string, unknown>> = [];
    for (const node of after) {
      const old = beforeBy.get(node.key);
      // What is stored now: a baseline left out is kept, and without prune so is a target year left out.
      const now = node.level !== 'iku' || !old ? node.values : { ...node.values, baseline: node.values.baseline === undefined ? old.values.baseline : node.values.baseline, target: input.prune ? node.values.target : { ...(old.values.target as object), ...(node.values.target as object) } };
      if (!old) changes.push({ op: 'add', node: node.key, after: { ...now, baseline: now.baseline ?? null } });
      else if (canonical(old.values) !== canonical(now)) changes.push({ op: 'update', node: node.key, before: old.values, after: now });
    }
    for (const node of removed) changes.push({ op: 'remove', node: node.key, before: node.values });
    const head = { periodStart: input.periodStart, periodEnd: input.periodEnd, visi: input.visi, legalBasis: input.legalBasis ?? null };
    await writeAudit(tx, {
      pemdaId,
      action: 'budget.rpjmd.put',
      entityType: 'budget_rpjmd',
      entityId: rpjmd.id,
      before: previous ? { periodStart: input.periodStart, periodEnd: previous.period_end, visi: previous.visi, legalBasis: previous.legal_basis } : null,
      after: head,
      detail: { ...(options.file ? { file: options.file.slice(0, 200) } : {}), prune: input.prune ?? false, misi: input.misi.length, sasaran: after.filter((n) => n.level === 'sasaran').length, iku: after.filter((n) => n.level === 'iku').length, changes },
    });
  });
  return getRpjmd(ctx, pemdaId, input.periodStart);
}

/** The cascade in force for a year in the editor's shape; an empty period starting this year when there is none. */
export async function getRpjmdEditable(ctx: Ctx, pemdaId: string, tahunQuery?: number, options: { lock?: boolean } = {}): Promise<TRpjmdEditable> {
  const tahun = tahunQuery ?? currentYearMonth().year;
  const opds = await ctx.db.selectFrom('opd').select(['code', 'name']).where('pemda_id', '=', pemdaId).orderBy('code').execute();
  const found = await rpjmdFor(ctx, pemdaId, tahun);
  // With `lock` (inside a transaction), the RPJMD row is held as a save holds it, and the cascade is read after.
  const rpjmd = found && options.lock ? await ctx.db.selectFrom('budget_rpjmd').selectAll().where('pemda_id', '=', pemdaId).where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow() : found;
  if (!rpjmd) return { exists: false, version: versionOf(undefined, []), periodStart: tahun, periodEnd: tahun + 4, visi: '', legalBasis: null, misi: [], opds };
  const stored = await loadStored(ctx.db, pemdaId, rpjmd.id);
  return {
    exists: true,
    version: versionOf(rpjmd, flattenStored(stored)),
    periodStart: rpjmd.period_start,
    periodEnd: rpjmd.period_end,
    visi: rpjmd.visi,
    legalBasis: rpjmd.legal_basis,
    misi: stored.misi.map((m) => ({
      nomor: m.nomor,
      uraian: m.uraian,
      tujuan: stored.tujuan
        .filter((t) => t.misi_id === m.id)
        .map((t) => ({
          kode: t.kode,
          uraian: t.uraian,
          sasaran: stored.sasaran
            .filter((s) => s.tujuan_id === t.id)
            .map((s) => ({
              kode: s.kode,
              uraian: s.uraian,
              prioritas: s.prioritas,
              jumlahSub: stored.subsOf.get(s.id) ?? 0,
              iku: stored.iku
                .filter((i) => i.sasaran_id === s.id)
                .map((i) => ({ kode: i.kode, nama: i.nama, satuan: i.satuan, arah: i.arah, opdCode: i.opd_code, baseline: i.baseline, target: stored.targetsOf(i.id), jumlahRealisasi: stored.realisasiOf.get(i.id) ?? 0 })),
            })),
        })),
    })),
    opds,
  };
}
