import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZCheckinRequest } from '../../../contracts/attendance';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { centroidOf, pointInGeometry, validateGeometry, type Position } from '../../platform/geo';
import { AttendanceErrors } from './errors';

/**
 * Web check-in on the pegawai's phone (issue 5 §2): WFO inside an office polygon of their OPD (or a Pemda-wide
 * one), or WFA / dinas luar on a day with that arrangement approved (PermenPANRB 4/2025 on flexible work). The
 * browser's accuracy is recorded; a fix worse than MAX_ACCURACY_M is refused, and so is a point outside every
 * polygon, with the distance to the nearest office so the pegawai knows why.
 */
export const MAX_ACCURACY_M = 100;
export const WEB_DEVICE_CODE = 'WEB';

/** Great-circle distance in metres (haversine). */
export function metresBetween(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export async function webDeviceId(ctx: Ctx, pemdaId: string): Promise<string> {
  await ctx.db.insertInto('att_device').values({ pemda_id: pemdaId, code: WEB_DEVICE_CODE, name: 'Presensi web (ponsel)', kind: 'web', opd_id: null, serial_number: null, column_map: null }).onConflict((oc) => oc.columns(['pemda_id', 'code']).doNothing()).execute();
  const row = await ctx.db.selectFrom('att_device').select('id').where('pemda_id', '=', pemdaId).where('code', '=', WEB_DEVICE_CODE).executeTakeFirstOrThrow();
  return row.id;
}

export async function checkIn(ctx: Ctx, actor: UserActor, input: z.infer<typeof ZCheckinRequest>) {
  if (!actor.pegawaiId) throw new AppError(AttendanceErrors.ATT_NO_PEGAWAI);
  const pegawaiId = actor.pegawaiId;
  const person = await ctx.db.selectFrom('pegawai').select(['id', 'opd_id']).where('pemda_id', '=', actor.pemdaId).where('id', '=', pegawaiId).executeTakeFirst();
  if (!person) throw new AppError(AttendanceErrors.ATT_NO_PEGAWAI);
  if (input.accuracy > MAX_ACCURACY_M) throw new AppError(AttendanceErrors.ATT_CHECKIN_ACCURACY, { accuracy: Math.round(input.accuracy), limit: MAX_ACCURACY_M });
  const calendar = await loadCalendar(ctx.db, actor.pemdaId);
  const today = calendar.today();
  let officeName: string | null = null;
  if (input.mode === 'wfo') {
    const offices = await ctx.db.selectFrom('att_office').select(['name', 'geometry', 'opd_id']).where('pemda_id', '=', actor.pemdaId).where((eb) => eb.or([eb('opd_id', '=', person.opd_id), eb('opd_id', 'is', null)])).execute();
    const shapes = offices.map((o) => ({ name: o.name, geometry: validateGeometry(o.geometry) })).filter((o): o is { name: string; geometry: NonNullable<typeof o.geometry> } => !!o.geometry);
    if (shapes.length === 0) throw new AppError(AttendanceErrors.ATT_CHECKIN_NO_OFFICE);
    const point: Position = [input.lng, input.lat];
    const inside = shapes.find((s) => pointInGeometry(point, s.geometry));
    if (!inside) {
      const nearest = shapes.map((s) => ({ name: s.name, distance: metresBetween(point, centroidOf(s.geometry)) })).sort((a, b) => a.distance - b.distance)[0] as { name: string; distance: number };
      throw new AppError(AttendanceErrors.ATT_CHECKIN_OUTSIDE, { office: nearest.name, distance: Math.round(nearest.distance) });
    }
    officeName = inside.name;
  } else {
    const kind = input.mode === 'wfa' ? 'wfa' : 'dinas_luar';
    const approved = await ctx.db.selectFrom('att_leave').select('id').where('pemda_id', '=', actor.pemdaId).where('pegawai_id', '=', pegawaiId).where('kind', '=', kind).where('status', '=', 'disetujui').where('start_date', '<=', today).where('end_date', '>=', today).executeTakeFirst();
    if (!approved) throw new AppError(AttendanceErrors.ATT_CHECKIN_NOT_ALLOWED, { mode: input.mode === 'wfa' ? 'WFA' : 'dinas luar' });
  }
  const deviceId = await webDeviceId(ctx, actor.pemdaId);
  return inTransaction(ctx, async (tx) => {
    const row = await sql<{ at: string }>`
      INSERT INTO att_event (pemda_id, device_id, pin, at, state, verify, workcode, pegawai_id, import_id, mode, lat, lng, accuracy_m)
      VALUES (${actor.pemdaId}, ${deviceId}, ${pegawaiId}, date_trunc('second', now() AT TIME ZONE ${calendar.timezone}), 255, 0, '', ${pegawaiId}, NULL, ${input.mode}, ${input.lat}, ${input.lng}, ${input.accuracy})
      ON CONFLICT DO NOTHING
      RETURNING to_char(at, 'YYYY-MM-DD HH24:MI:SS') AS at`.execute(tx.db);
    const at = row.rows[0]?.at ?? '';
    await tx.db.insertInto('att_dirty').values({ pemda_id: actor.pemdaId, pegawai_id: pegawaiId, date: today }).onConflict((oc) => oc.doNothing()).execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'attendance.checkin', entityType: 'att_event', entityId: pegawaiId, detail: { mode: input.mode, office: officeName, accuracy: Math.round(input.accuracy) } });
    const time = at.slice(11, 16);
    return { at, mode: input.mode, office: officeName, message: { id: `Presensi ${input.mode.toUpperCase()} tercatat pukul ${time}${officeName ? ` di ${officeName}` : ''}.`, en: `${input.mode.toUpperCase()} check-in recorded at ${time}${officeName ? ` at ${officeName}` : ''}.` } };
  });
}
