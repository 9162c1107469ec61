import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZDeviceCreate, ZOfficeCreate, ZPinMapRequest, ZRosterRequest, ZRuleCreate } from '../../../contracts/attendance';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { zodFieldErrors } from '../../http/validation-messages';
import { writeAudit } from '../../platform/audit';
import { validateGeometry } from '../../platform/geo';
import { authorize } from '../../platform/policy';
import { evaluateDiscipline } from './discipline';
import { addDays } from '../../platform/calendar';
import { AttendanceErrors } from './errors';
import { AttendanceActions } from './policy';
import { RULE_DEFAULTS, RULE_SCHEMAS } from './rules';
import { recomputeDays, recomputeDirty, type RecomputeOptions } from './status';

/** Configuration of attendance: devices and PIN mappings, rule versions, rosters and office polygons. */
export async function listDevices(ctx: Ctx, pemdaId: string) {
  const rows = await sql<{ id: string; code: string; name: string; kind: string; opd_id: string | null; mapped: number; unmapped_pins: number; events: number; last_import: Date | null }>`
    SELECT d.id, d.code, d.name, d.kind, d.opd_id,
      (SELECT count(*)::int FROM att_pin_map m WHERE m.pemda_id = d.pemda_id AND m.device_id = d.id) AS mapped,
      (SELECT count(DISTINCT e.pin)::int FROM att_event e WHERE e.pemda_id = d.pemda_id AND e.device_id = d.id AND e.pegawai_id IS NULL) AS unmapped_pins,
      (SELECT count(*)::int FROM att_event e WHERE e.pemda_id = d.pemda_id AND e.device_id = d.id) AS events,
      (SELECT max(i.created_at) FROM att_import i WHERE i.pemda_id = d.pemda_id AND i.device_id = d.id) AS last_import
    FROM att_device d WHERE d.pemda_id = ${pemdaId} ORDER BY d.code`.execute(ctx.db);
  return { items: rows.rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, opdId: r.opd_id, mapped: r.mapped, unmappedPins: r.unmapped_pins, events: r.events, lastImport: r.last_import ? new Date(r.last_import).toISOString() : null })) };
}

export async function createDevice(ctx: Ctx, pemdaId: string, input: z.infer<typeof ZDeviceCreate>) {
  return inTransaction(ctx, async (tx) => {
    const exists = await tx.db.selectFrom('att_device').select('id').where('pemda_id', '=', pemdaId).where('code', '=', input.code).executeTakeFirst();
    if (exists) throw new AppError(AttendanceErrors.ATT_DEVICE_EXISTS, { code: input.code });
    if (input.opdId) {
      const opd = await tx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('id', '=', input.opdId).executeTakeFirst();
      if (!opd) throw new AppError(AttendanceErrors.ATT_DEVICE_NOT_FOUND);
    }
    const row = await tx.db
      .insertInto('att_device')
      .values({ pemda_id: pemdaId, code: input.code, name: input.name, kind: input.kind, opd_id: input.opdId ?? null, serial_number: input.serialNumber ?? null, column_map: input.columnMap ? JSON.stringify(input.columnMap) : null })
      .returning(['id', 'code', 'name', 'kind', 'opd_id'])
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId, action: 'attendance.device_created', entityType: 'att_device', entityId: row.id, after: { code: row.code, name: row.name, kind: row.kind } });
    return { id: row.id, code: row.code, name: row.name, kind: row.kind, opdId: row.opd_id, mapped: 0, unmappedPins: 0, events: 0, lastImport: null };
  });
}

export async function listImports(ctx: Ctx, pemdaId: string) {
  const rows = await ctx.db
    .selectFrom('att_import as i')
    .innerJoin('att_device as d', (j) => j.onRef('d.pemda_id', '=', 'i.pemda_id').onRef('d.id', '=', 'i.device_id'))
    .select(['i.id', 'd.code', 'i.filename', 'i.format', 'i.read_lines', 'i.added', 'i.duplicates', 'i.unmapped', 'i.rejected_count', 'i.created_at'])
    .where('i.pemda_id', '=', pemdaId)
    .orderBy('i.created_at', 'desc')
    .limit(50)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, deviceCode: r.code, filename: r.filename, format: r.format, read: r.read_lines, added: r.added, duplicates: r.duplicates, unmapped: r.unmapped, rejectedCount: r.rejected_count, createdAt: new Date(r.created_at).toISOString() })) };
}

/**
 * Maps device PINs to pegawai; events already imported for those PINs are attributed at once and their days
 * recomputed (issue 5 §2: unmapped events are kept, never lost).
 */
export async function mapPins(ctx: Ctx, pemdaId: string, deviceId: string, input: z.infer<typeof ZPinMapRequest>) {
  const changed = await inTransaction(ctx, async (tx) => {
    const device = await tx.db.selectFrom('att_device').select(['id', 'code']).where('pemda_id', '=', pemdaId).where('id', '=', deviceId).executeTakeFirst();
    if (!device) throw new AppError(AttendanceErrors.ATT_DEVICE_NOT_FOUND);
    const ids = [...new Set(input.mappings.map((m) => m.pegawaiId))];
    const found = await tx.db.selectFrom('pegawai').select('id').where('pemda_id', '=', pemdaId).where('id', 'in', ids).execute();
    if (found.length !== ids.length) throw new AppError(AttendanceErrors.ATT_PEGAWAI_NOT_FOUND);
    const pins = input.mappings.map((m) => m.pin);
    const taken = await tx.db.selectFrom('att_pin_map').select(['pin', 'pegawai_id']).where('pemda_id', '=', pemdaId).where('device_id', '=', deviceId).where('pin', 'in', pins).execute();
    const wanted = new Map(input.mappings.map((m) => [m.pin, m.pegawaiId]));
    const clash = taken.find((t) => wanted.get(t.pin) !== t.pegawai_id);
    if (clash) throw new AppError(AttendanceErrors.ATT_PIN_TAKEN, { pin: clash.pin });
    const inserted = await tx.db
      .insertInto('att_pin_map')
      .values(input.mappings.map((m) => ({ pemda_id: pemdaId, device_id: deviceId, pin: m.pin, pegawai_id: m.pegawaiId })))
      .onConflict((oc) => oc.columns(['pemda_id', 'device_id', 'pin']).doNothing())
      .execute();
    const attributed = await sql<{ n: number }>`
      WITH upd AS (
        UPDATE att_event e SET pegawai_id = m.pegawai_id FROM att_pin_map m
        WHERE e.pemda_id = ${pemdaId} AND e.device_id = ${deviceId} AND e.pegawai_id IS NULL
          AND m.pemda_id = e.pemda_id AND m.device_id = e.device_id AND m.pin = e.pin
        RETURNING e.pegawai_id, e.at
      ), dirty AS (
        INSERT INTO att_dirty (pemda_id, pegawai_id, date) SELECT DISTINCT ${pemdaId}::uuid, pegawai_id, at::date FROM upd ON CONFLICT DO NOTHING
      )
      SELECT count(*)::int AS n FROM upd`.execute(tx.db);
    const mapped = inserted.reduce((s, r) => s + Number(r.numInsertedOrUpdatedRows ?? 0n), 0);
    const count = attributed.rows[0]?.n ?? 0;
    await writeAudit(tx, { pemdaId, action: 'attendance.pins_mapped', entityType: 'att_device', entityId: deviceId, detail: { device: device.code, mapped, attributed: count } });
    return { mapped, attributed: count };
  });
  const recomputed = await recomputeAndEvaluate(ctx, pemdaId);
  return { ...changed, recomputedDays: recomputed.days };
}

/** Recomputes dirty days, then opens the discipline cases the new ledgers call for. */
export async function recomputeAndEvaluate(ctx: Ctx, pemdaId: string, today?: string, options: RecomputeOptions = {}): Promise<{ days: number; casesOpened: number }> {
  return inTransaction(ctx, async (tx) => {
    const result = await recomputeDirty(tx.db, pemdaId, today, options);
    const opened = await evaluateDiscipline(tx, pemdaId, result.touched, today);
    return { days: result.days, casesOpened: opened.length };
  });
}

export async function listRules(ctx: Ctx, pemdaId: string) {
  const rows = await ctx.db.selectFrom('att_rule_set').select(['id', 'kind', 'opd_id', 'valid_from', 'legal_basis', 'body']).where('pemda_id', '=', pemdaId).orderBy('kind').orderBy('valid_from', 'desc').execute();
  const defaults = (Object.keys(RULE_DEFAULTS) as Array<keyof typeof RULE_DEFAULTS>).map((kind) => ({ id: null, kind, opdId: null, validFrom: RULE_DEFAULTS[kind].validFrom, legalBasis: RULE_DEFAULTS[kind].legalBasis, isDefault: true, body: RULE_DEFAULTS[kind].body }));
  return { items: [...rows.map((r) => ({ id: r.id, kind: r.kind, opdId: r.opd_id, validFrom: r.valid_from, legalBasis: r.legal_basis, isDefault: false, body: r.body })), ...defaults] };
}

/** A new rule version from its validity date; days already computed from that date on are recomputed. */
export async function addRule(ctx: Ctx, pemdaId: string, userId: string | null, input: z.infer<typeof ZRuleCreate>) {
  const parsed = RULE_SCHEMAS[input.kind].safeParse(input.body);
  if (!parsed.success) {
    const errors = zodFieldErrors(parsed.error.issues, ctx.lang, 'body');
    throw new AppError(AttendanceErrors.ATT_RULE_INVALID, { reason: errors[0]?.message ?? '' }, errors);
  }
  if (input.opdId && input.kind !== 'schedule') throw new AppError(AttendanceErrors.ATT_RULE_INVALID, { reason: 'opdId hanya untuk jadwal' });
  if (input.kind === 'schedule') {
    const bad = (parsed.data as { ramadan?: Array<{ from: string; to: string; name: string }> }).ramadan?.find((r) => r.to < r.from);
    if (bad) throw new AppError(AttendanceErrors.ATT_RULE_INVALID, { reason: `Ramadan ${bad.name}: ${bad.to} < ${bad.from}` });
  }
  if (input.opdId) {
    const opd = await ctx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('id', '=', input.opdId).executeTakeFirst();
    if (!opd) throw new AppError(AttendanceErrors.ATT_OPD_NOT_FOUND);
  }
  const row = await inTransaction(ctx, async (tx) => {
    const created = await tx.db
      .insertInto('att_rule_set')
      .values({ pemda_id: pemdaId, kind: input.kind, opd_id: input.opdId ?? null, valid_from: input.validFrom, legal_basis: input.legalBasis, body: JSON.stringify(parsed.data), created_by: userId })
      .returning(['id', 'kind', 'opd_id', 'valid_from', 'legal_basis'])
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId, action: 'attendance.rule_added', entityType: 'att_rule_set', entityId: created.id, after: { kind: created.kind, opdId: created.opd_id, validFrom: created.valid_from, legalBasis: created.legal_basis } });
    if (input.kind === 'schedule' || input.kind === 'lateness') {
      const computed = await tx.db.selectFrom('att_day').select(sql<string | null>`max(date)::text`.as('last')).where('pemda_id', '=', pemdaId).executeTakeFirst();
      if (computed?.last && computed.last >= input.validFrom) {
        const result = await recomputeDays(tx.db, pemdaId, { from: input.validFrom, to: computed.last });
        await evaluateDiscipline(tx, pemdaId, result.touched);
      }
    }
    return created;
  });
  return { id: row.id, kind: row.kind, opdId: row.opd_id, validFrom: row.valid_from, legalBasis: row.legal_basis, isDefault: false, body: parsed.data };
}

export async function saveRoster(ctx: Ctx, pemdaId: string, input: z.infer<typeof ZRosterRequest>) {
  return inTransaction(ctx, async (tx) => {
    const ids = [...new Set(input.entries.map((e) => e.pegawaiId))];
    const people = await tx.db.selectFrom('pegawai').select(['id', 'opd_id']).where('pemda_id', '=', pemdaId).where('id', 'in', ids).execute();
    if (people.length !== ids.length) throw new AppError(AttendanceErrors.ATT_PEGAWAI_NOT_FOUND);
    for (const person of people) authorize(ctx.actor, AttendanceActions['attendance.roster'], { pemdaId, opdId: person.opd_id });
    await tx.db
      .insertInto('att_roster')
      .values(input.entries.map((e) => ({ pemda_id: pemdaId, pegawai_id: e.pegawaiId, date: e.date, shift_name: e.shiftName, start_time: e.start, end_time: e.end })))
      .onConflict((oc) => oc.columns(['pemda_id', 'pegawai_id', 'date']).doUpdateSet((eb) => ({ shift_name: eb.ref('excluded.shift_name'), start_time: eb.ref('excluded.start_time'), end_time: eb.ref('excluded.end_time') })))
      .execute();
    const dates = input.entries.map((e) => e.date).sort();
    // A night shift's check-out falls on the next morning: that day is recomputed too.
    const result = await recomputeDays(tx.db, pemdaId, { from: dates[0] as string, to: addDays(dates[dates.length - 1] as string, 1), pegawaiIds: ids });
    await evaluateDiscipline(tx, pemdaId, result.touched);
    await writeAudit(tx, { pemdaId, action: 'attendance.roster_saved', entityType: 'att_roster', entityId: null, detail: { entries: input.entries.length, pegawai: ids.length, from: dates[0], to: dates[dates.length - 1] } });
    return { saved: input.entries.length, recomputedDays: result.days };
  });
}

export async function addOffice(ctx: Ctx, pemdaId: string, input: z.infer<typeof ZOfficeCreate>) {
  const geometry = validateGeometry(input.geometry);
  if (!geometry) throw new AppError(AttendanceErrors.ATT_RULE_INVALID, { reason: 'geometri harus Polygon/MultiPolygon WGS84' });
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db.insertInto('att_office').values({ pemda_id: pemdaId, opd_id: input.opdId ?? null, name: input.name, geometry: JSON.stringify(geometry) }).returning(['id', 'name']).executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId, action: 'attendance.office_added', entityType: 'att_office', entityId: row.id, after: { name: row.name, opdId: input.opdId ?? null } });
    return { id: row.id, name: row.name };
  });
}
