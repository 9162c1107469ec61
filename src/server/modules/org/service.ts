import type { z } from 'zod';
import type {
  TOpd,
  TOpdDetail,
  TPemda,
  TPlatformPemda,
  TWilayah,
  ZOpdCreate,
  ZOpdUpdate,
  ZPemdaHead,
  ZPemdaHeadCreate,
  ZUnit,
  ZUnitCreate,
  ZUnitUpdate,
  ZWilayahFeatureCollection,
  ZWilayahUploadResult,
} from '../../../contracts/org';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError, CommonErrors, type ErrorDef } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { OrgErrors } from './errors';
import { opdKindOf, presentHead, presentJabatan, presentOpd, presentPemda, presentPlatformPemda, presentUnit, presentWilayah } from './presenters';
import { orgRepository, type OrgRepository, type WilayahLevel } from './repository';
import { staffRepository } from './repository-staff';
import { applyBoundaries, createPemdaFromRegistry, wilayahFeatureCollection } from './wilayah';

/**
 * Business rules of the Pemda profile, regions, OPDs and their units (positions and pegawai: service-staff.ts).
 * Every mutation runs in one transaction with its audit row. Anything of another Pemda is looked up with the
 * caller's Pemda id and so is simply not found (404): nobody learns what exists elsewhere.
 */

// ---- helpers shared with service-staff.ts ----

/** Today's date in the Pemda's time zone (WIB/WITA/WIT), as 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function pemdaToday(repo: OrgRepository, pemdaId: string): Promise<string> {
  const pemda = await repo.findPemda(pemdaId);
  if (!pemda) throw new AppError(OrgErrors.PEMDA_NOT_FOUND);
  return todayIn(pemda.timezone);
}

/** Two writers passing the same check at once: the unique index decides, and the loser gets the same answer. */
export async function mapUniqueViolation<T>(work: Promise<T>, def: ErrorDef, params: Record<string, string | number> = {}): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === '23505') throw new AppError(def, params);
    throw error;
  }
}

/** True when a PATCH changes nothing: then nothing is written and no audit row is added. */
export function sameValues<T extends object>(before: T, after: T): boolean {
  return (Object.keys(after) as Array<keyof T>).every((key) => before[key] === after[key]);
}

// ---- Pemda ----

export async function getPemda(ctx: Ctx, pemdaId: string): Promise<TPemda> {
  const repo = orgRepository(ctx.db);
  const pemda = await repo.findPemda(pemdaId);
  if (!pemda) throw new AppError(OrgErrors.PEMDA_NOT_FOUND);
  const today = todayIn(pemda.timezone);
  const [heads, counts] = await Promise.all([repo.listHeads(pemdaId), repo.pemdaCounts(pemdaId, today)]);
  return presentPemda({ pemda, heads, counts, today });
}

const FAR_FUTURE = '9999-12-31';

/**
 * A new regional head. An elected head (definitif) and a Pj never serve at the same time; a Plt or Plh stands in
 * while the head is away (e.g. campaign leave, UU 10/2016 art. 70) and so may overlap.
 */
export async function addPemdaHead(ctx: Ctx, input: { pemdaId: string; head: z.infer<typeof ZPemdaHeadCreate> }): Promise<z.infer<typeof ZPemdaHead>> {
  const { pemdaId, head } = input;
  const termEnd = head.termEnd ?? null;
  if (termEnd !== null && termEnd < head.termStart) throw new AppError(OrgErrors.PEMDA_HEAD_TERM_INVALID, { termStart: head.termStart, termEnd });
  if (head.status === 'pj' && termEnd === null) throw new AppError(OrgErrors.PEMDA_HEAD_TERM_END_REQUIRED);
  return inTransaction(ctx, async (tx) => {
    const repo = orgRepository(tx.db);
    if (head.status === 'definitif' || head.status === 'pj') {
      const clash = (await repo.listHeads(pemdaId)).find(
        (other) =>
          (other.status === 'definitif' || other.status === 'pj') &&
          other.term_start <= (termEnd ?? FAR_FUTURE) &&
          head.termStart <= (other.term_end ?? FAR_FUTURE),
      );
      if (clash) {
        throw new AppError(OrgErrors.PEMDA_HEAD_OVERLAP, { name: clash.name, termStart: clash.term_start, termEnd: clash.term_end ?? '…' });
      }
    }
    const values = { name: head.name, title: head.title, status: head.status, term_start: head.termStart, term_end: termEnd, legal_basis: head.legalBasis };
    const row = await repo.insertHead(pemdaId, values);
    await writeAudit(tx, { pemdaId, action: 'pemda.head_added', entityType: 'pemda_head', entityId: row.id, after: values });
    return presentHead(row);
  });
}

// ---- Platform (superadmin) ----

export async function listPlatformPemdas(ctx: Ctx): Promise<TPlatformPemda[]> {
  return (await orgRepository(ctx.db).listPemdasForPlatform()).map(presentPlatformPemda);
}

/** A new tenant from its Kemendagri code: name, kind and the whole region tree come from the registry. */
export async function createPemda(ctx: Ctx, kodeWilayah: string): Promise<TPlatformPemda> {
  const pemdaId = await inTransaction(ctx, (tx) => createPemdaFromRegistry(tx, kodeWilayah));
  const [row] = await orgRepository(ctx.db).listPemdasForPlatform({ id: pemdaId });
  if (!row) throw new AppError(OrgErrors.PEMDA_NOT_FOUND);
  return presentPlatformPemda(row);
}

// ---- Wilayah ----

export async function listWilayah(ctx: Ctx, pemdaId: string, filter: { level?: WilayahLevel | undefined; parent?: string | undefined }): Promise<TWilayah[]> {
  return (await orgRepository(ctx.db).listWilayah(pemdaId, filter)).map(presentWilayah);
}

export async function wilayahGeoJson(ctx: Ctx, pemdaId: string, level: 'pemda' | 'kecamatan' | 'kelurahan'): Promise<z.infer<typeof ZWilayahFeatureCollection>> {
  // wilayahFeatureCollection is typed for a transaction (it also serves the seeders); a read-only one costs little.
  return inTransaction(ctx, (tx) => wilayahFeatureCollection(tx, pemdaId, level));
}

/**
 * Boundaries from an uploaded GeoJSON file. All or nothing: if any feature is wrong (not this Pemda's code, bad
 * geometry, twice the same code) nothing is written and every problem is listed with its feature number.
 */
export async function uploadBoundaries(ctx: Ctx, input: { pemdaId: string; content: Buffer }): Promise<z.infer<typeof ZWilayahUploadResult>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.content.toString('utf8'));
  } catch {
    throw new AppError(OrgErrors.GEOJSON_INVALID, { reason: ctx.lang === 'en' ? 'the file is not valid JSON' : 'berkas bukan JSON yang valid' });
  }
  return inTransaction(ctx, async (tx) => {
    const pemda = await orgRepository(tx.db).findPemda(input.pemdaId);
    if (!pemda) throw new AppError(OrgErrors.PEMDA_NOT_FOUND);
    const result = await applyBoundaries(tx, input.pemdaId, pemda.kode_wilayah, parsed);
    if (result.errors.length > 0) {
      const fieldErrors = result.errors.map((e) => ({
        path: `features.${e.feature}`,
        message: `${e.code ?? '-'}: ${ctx.lang === 'en' ? e.reason.en : e.reason.id}`,
      }));
      throw new AppError(OrgErrors.WILAYAH_BOUNDARIES_REJECTED, { count: result.errors.length }, fieldErrors);
    }
    return result;
  });
}

// ---- OPD ----

type OpdCreate = z.infer<typeof ZOpdCreate>;
type OpdUpdate = z.infer<typeof ZOpdUpdate>;

export async function listOpd(ctx: Ctx, pemdaId: string, filter: { kind?: string | undefined; q?: string | undefined }): Promise<TOpd[]> {
  const repo = orgRepository(ctx.db);
  const today = await pemdaToday(repo, pemdaId);
  return (await repo.opdSummaries(pemdaId, { today, kind: filter.kind, q: filter.q })).map(presentOpd);
}

async function opdSummary(repo: OrgRepository, input: { pemdaId: string; opdId: string; today: string }): Promise<TOpd> {
  const [row] = await repo.opdSummaries(input.pemdaId, { today: input.today, ids: [input.opdId] });
  if (!row) throw new AppError(OrgErrors.OPD_NOT_FOUND);
  return presentOpd(row);
}

export async function getOpdDetail(ctx: Ctx, input: { pemdaId: string; opdId: string }): Promise<TOpdDetail> {
  const { pemdaId, opdId } = input;
  const repo = orgRepository(ctx.db);
  const opdRow = await repo.findOpd(pemdaId, opdId);
  if (!opdRow) throw new AppError(OrgErrors.OPD_NOT_FOUND);
  const today = await pemdaToday(repo, pemdaId);
  const childIds = await repo.childOpdIds(pemdaId, opdId);
  const [summaries, parent, units, jabatan] = await Promise.all([
    repo.opdSummaries(pemdaId, { today, ids: [opdId, ...childIds] }),
    opdRow.parent_id ? repo.findOpd(pemdaId, opdRow.parent_id) : Promise.resolve(undefined),
    repo.listUnits(pemdaId, opdId),
    staffRepository(ctx.db).jabatanWithHolders(pemdaId, { today, opdId, activeOnly: true }),
  ]);
  const self = summaries.find((row) => row.id === opdId);
  if (!self) throw new AppError(OrgErrors.OPD_NOT_FOUND);
  return {
    opd: presentOpd(self),
    parent: parent ? { id: parent.id, name: parent.name } : null,
    children: summaries.filter((row) => row.id !== opdId).map(presentOpd),
    units: units.map(presentUnit),
    jabatan: jabatan.map(presentJabatan),
  };
}

/** Kecamatan and kelurahan offices are tied to their territory (their dashboards and complaints follow it). */
const REQUIRED_WILAYAH_LEVEL: Partial<Record<OpdCreate['kind'], WilayahLevel>> = { kecamatan: 'kecamatan', kelurahan: 'kelurahan' };

async function checkWilayahLink(repo: OrgRepository, input: { pemdaId: string; kind: OpdCreate['kind']; wilayahKode: string | null }): Promise<void> {
  const required = REQUIRED_WILAYAH_LEVEL[input.kind];
  if (!input.wilayahKode) {
    if (required) throw new AppError(OrgErrors.OPD_WILAYAH_REQUIRED);
    return;
  }
  const wilayah = await repo.findWilayah(input.pemdaId, input.wilayahKode);
  if (!wilayah) throw new AppError(OrgErrors.WILAYAH_NOT_FOUND, { kode: input.wilayahKode });
  if (required && wilayah.level !== required) {
    throw new AppError(OrgErrors.OPD_WILAYAH_LEVEL, { kind: input.kind, level: required, kode: wilayah.kode, actual: wilayah.level });
  }
}

async function checkOpdParent(repo: OrgRepository, input: { pemdaId: string; opdId: string | null; parentId: string | null }): Promise<void> {
  if (!input.parentId) return;
  if (!(await repo.findOpd(input.pemdaId, input.parentId))) throw new AppError(OrgErrors.OPD_NOT_FOUND);
  if (input.opdId && (await repo.opdLineage(input.pemdaId, input.parentId)).includes(input.opdId)) throw new AppError(OrgErrors.OPD_PARENT_CYCLE);
}

export async function createOpd(ctx: Ctx, input: { pemdaId: string; opd: OpdCreate }): Promise<TOpd> {
  const { pemdaId, opd } = input;
  return inTransaction(ctx, async (tx) => {
    const repo = orgRepository(tx.db);
    const values = {
      code: opd.code,
      name: opd.name,
      short_name: opd.shortName ?? null,
      kind: opd.kind,
      parent_id: opd.parentId ?? null,
      wilayah_kode: opd.wilayahKode ?? null,
      address: opd.address ?? null,
    };
    if (await repo.opdCodeTaken(pemdaId, values.code)) throw new AppError(OrgErrors.OPD_CODE_TAKEN, { code: values.code });
    await checkOpdParent(repo, { pemdaId, opdId: null, parentId: values.parent_id });
    await checkWilayahLink(repo, { pemdaId, kind: opd.kind, wilayahKode: values.wilayah_kode });
    const row = await mapUniqueViolation(repo.insertOpd(pemdaId, values), OrgErrors.OPD_CODE_TAKEN, { code: values.code });
    await writeAudit(tx, { pemdaId, action: 'opd.created', entityType: 'opd', entityId: row.id, after: values });
    return opdSummary(repo, { pemdaId, opdId: row.id, today: await pemdaToday(repo, pemdaId) });
  });
}

export async function updateOpd(ctx: Ctx, input: { pemdaId: string; opdId: string; patch: OpdUpdate }): Promise<TOpd> {
  const { pemdaId, opdId, patch } = input;
  return inTransaction(ctx, async (tx) => {
    const repo = orgRepository(tx.db);
    const before = await repo.findOpd(pemdaId, opdId);
    if (!before) throw new AppError(OrgErrors.OPD_NOT_FOUND);
    const { id: _id, pemda_id: _pemda, sort_order: _order, ...current } = before;
    const after = {
      ...current,
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.shortName !== undefined && { short_name: patch.shortName }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
      ...(patch.wilayahKode !== undefined && { wilayah_kode: patch.wilayahKode }),
      ...(patch.address !== undefined && { address: patch.address }),
      ...(patch.active !== undefined && { active: patch.active }),
    };
    if (after.code !== before.code && (await repo.opdCodeTaken(pemdaId, after.code, opdId))) throw new AppError(OrgErrors.OPD_CODE_TAKEN, { code: after.code });
    if (after.parent_id !== before.parent_id) await checkOpdParent(repo, { pemdaId, opdId, parentId: after.parent_id });
    // An OPD closed by a reorganisation (SOTK) must not leave staff behind in an OPD nobody sees any more.
    if (before.active && !after.active) {
      const staff = await tx.db.selectFrom('pegawai').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('opd_id', '=', opdId).where('active', '=', true).executeTakeFirstOrThrow();
      if (Number(staff.n) > 0) throw new AppError(OrgErrors.OPD_HAS_ACTIVE_PEGAWAI, { count: Number(staff.n) });
    }
    await checkWilayahLink(repo, { pemdaId, kind: opdKindOf(after.kind), wilayahKode: after.wilayah_kode });
    if (!sameValues(current, after)) {
      await mapUniqueViolation(repo.updateOpd(pemdaId, opdId, after), OrgErrors.OPD_CODE_TAKEN, { code: after.code });
      await writeAudit(tx, { pemdaId, action: 'opd.updated', entityType: 'opd', entityId: opdId, before: current, after });
    }
    return opdSummary(repo, { pemdaId, opdId, today: await pemdaToday(repo, pemdaId) });
  });
}

// ---- Units ----

type TUnit = z.infer<typeof ZUnit>;

async function checkUnitParent(repo: OrgRepository, input: { pemdaId: string; opdId: string; unitId: string | null; parentId: string | null }): Promise<void> {
  if (!input.parentId) return;
  const parent = await repo.findUnit(input.pemdaId, input.parentId);
  // A parent in another OPD is as good as unknown: units nest only inside their own OPD.
  if (!parent || parent.opd_id !== input.opdId) throw new AppError(OrgErrors.UNIT_NOT_FOUND);
  if (input.unitId && (await repo.unitLineage(input.pemdaId, input.parentId)).includes(input.unitId)) throw new AppError(OrgErrors.UNIT_PARENT_CYCLE);
}

export async function createUnit(ctx: Ctx, input: { pemdaId: string; opdId: string; unit: z.infer<typeof ZUnitCreate> }): Promise<TUnit> {
  const { pemdaId, opdId, unit } = input;
  return inTransaction(ctx, async (tx) => {
    const repo = orgRepository(tx.db);
    if (!(await repo.findOpd(pemdaId, opdId))) throw new AppError(OrgErrors.OPD_NOT_FOUND);
    if (await repo.unitCodeTaken(pemdaId, unit.code)) throw new AppError(OrgErrors.UNIT_CODE_TAKEN, { code: unit.code });
    const values = { opd_id: opdId, parent_id: unit.parentId ?? null, code: unit.code, name: unit.name, kind: unit.kind };
    await checkUnitParent(repo, { pemdaId, opdId, unitId: null, parentId: values.parent_id });
    const row = await mapUniqueViolation(repo.insertUnit(pemdaId, values), OrgErrors.UNIT_CODE_TAKEN, { code: unit.code });
    await writeAudit(tx, { pemdaId, action: 'opd_unit.created', entityType: 'opd_unit', entityId: row.id, after: values });
    return presentUnit(row);
  });
}

export async function updateUnit(ctx: Ctx, input: { pemdaId: string; unitId: string; patch: z.infer<typeof ZUnitUpdate> }): Promise<TUnit> {
  const { pemdaId, unitId, patch } = input;
  return inTransaction(ctx, async (tx) => {
    const repo = orgRepository(tx.db);
    const before = await repo.findUnit(pemdaId, unitId);
    if (!before) throw new AppError(OrgErrors.UNIT_NOT_FOUND);
    const current = { parent_id: before.parent_id, code: before.code, name: before.name, kind: before.kind };
    const after = {
      parent_id: patch.parentId !== undefined ? patch.parentId : before.parent_id,
      code: patch.code ?? before.code,
      name: patch.name ?? before.name,
      kind: patch.kind ?? before.kind,
    };
    if (after.code !== before.code && (await repo.unitCodeTaken(pemdaId, after.code, unitId))) throw new AppError(OrgErrors.UNIT_CODE_TAKEN, { code: after.code });
    if (after.parent_id !== before.parent_id) await checkUnitParent(repo, { pemdaId, opdId: before.opd_id, unitId, parentId: after.parent_id });
    if (!sameValues(current, after)) {
      await mapUniqueViolation(repo.updateUnit(pemdaId, unitId, after), OrgErrors.UNIT_CODE_TAKEN, { code: after.code });
      await writeAudit(tx, { pemdaId, action: 'opd_unit.updated', entityType: 'opd_unit', entityId: unitId, before: current, after });
    }
    return presentUnit({ ...before, ...after });
  });
}

/** The Pemda a tenant account works in. Platform accounts have none: tenant routes are not theirs. */
export function callerPemdaId(actor: Ctx['actor']): string {
  if (actor.kind !== 'user') throw new AppError(CommonErrors.FORBIDDEN);
  return actor.pemdaId;
}
