import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { sql } from 'kysely';
import type { TAttendanceRequest, TMeeting, TMeetingCreateRequest, TMeetingSummary } from '../../../contracts/coordination';
import { inTransaction, type Ctx, type TxCtx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { notify } from '../../platform/notifications';
import type { SecretBox } from '../../platform/secrets';
import { monthRange, resolveTargetOpds, SETTING_KEYS } from './common';
import { CoordinationErrors } from './errors';
import { CoordinationNotifications } from './notification-kinds';
import type { Attendance } from './tables';

/**
 * Meetings (rapat koordinasi, apel, coffee morning, DPRD sessions; seed 004: "every DPRD event or coordination
 * meeting must be attended"), attendance per invited OPD, and QR check-in with a signed, expiring token.
 */
export async function createMeeting(ctx: Ctx, actor: UserActor, input: TMeetingCreateRequest): Promise<string> {
  const pemdaId = actor.pemdaId;
  if (input.endsAt && Date.parse(input.endsAt) < Date.parse(input.startsAt)) throw new AppError(CoordinationErrors.MEETING_END_BEFORE_START);
  if (input.invite === 'opds' && input.opdIds.length === 0) throw new AppError(CoordinationErrors.MEETING_NO_INVITEES);
  const opds = await resolveTargetOpds(ctx.db, pemdaId, input.invite, input.opdIds);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('coord_meeting')
      .values({ pemda_id: pemdaId, kind: input.kind, title: input.title, starts_at: new Date(input.startsAt), ends_at: input.endsAt ? new Date(input.endsAt) : null, place: input.place, chair_name: input.chairName, chair_user_id: null, agenda: input.agenda, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db.insertInto('coord_meeting_invite').values(opds.map((opd) => ({ pemda_id: pemdaId, meeting_id: row.id, opd_id: opd.id, represented_by: null, absence_reason: null, recorded_at: null }))).execute();
    await writeAudit(tx, { pemdaId, action: 'coordination.meeting_created', entityType: 'coord_meeting', entityId: row.id, after: { kind: input.kind, title: input.title, starts_at: input.startsAt, place: input.place, invited: opds.length } });
    const heads = await tx.db.selectFrom('app_user').select('id').where('pemda_id', '=', pemdaId).where('role', '=', 'kepala_opd').where('active', '=', true).where('opd_id', 'in', opds.map((o) => o.id)).execute();
    await notify(tx, {
      pemdaId,
      recipients: heads.map((h) => h.id),
      kind: CoordinationNotifications['coordination.meeting_invite'],
      title: { id: `Undangan: ${input.title}`, en: `Invitation: ${input.title}` },
      body: { id: `${input.place}, ${input.startsAt}. Dipimpin ${input.chairName}.`, en: `${input.place}, ${input.startsAt}. Chaired by ${input.chairName}.` },
      link: `/koordinasi/rapat/${row.id}`,
    });
    return row.id;
  });
}

export async function listMeetings(ctx: Ctx, pemdaId: string, query: { month?: string | undefined; opd?: string | undefined; limit: number }): Promise<TMeetingSummary[]> {
  let q = ctx.db
    .selectFrom('coord_meeting as m')
    .select([
      'm.id', 'm.kind', 'm.title', 'm.starts_at', 'm.place', 'm.chair_name',
      sql<number>`(SELECT count(*)::int FROM coord_meeting_invite i WHERE i.pemda_id = m.pemda_id AND i.meeting_id = m.id)`.as('invited'),
      sql<number>`(SELECT count(*)::int FROM coord_meeting_invite i WHERE i.pemda_id = m.pemda_id AND i.meeting_id = m.id AND i.attendance IN ('present', 'represented'))`.as('attended'),
      sql<number>`(SELECT count(*)::int FROM coord_directive d WHERE d.pemda_id = m.pemda_id AND d.meeting_id = m.id)`.as('directives'),
    ])
    .where('m.pemda_id', '=', pemdaId)
    .orderBy('m.starts_at', 'desc')
    .limit(query.limit);
  if (query.month) {
    const month = monthRange(query.month);
    q = q.where('m.starts_at', '>=', new Date(`${month.start}T00:00:00+07:00`)).where('m.starts_at', '<', sql<Date>`${new Date(`${month.end}T00:00:00+07:00`)}::timestamptz + interval '1 day'`);
  }
  if (query.opd) {
    const opd = query.opd;
    q = q.where((eb) => eb.exists(eb.selectFrom('coord_meeting_invite as i').select(sql<number>`1`.as('one')).whereRef('i.pemda_id', '=', 'm.pemda_id').whereRef('i.meeting_id', '=', 'm.id').where('i.opd_id', '=', opd)));
  }
  const rows = await q.execute();
  return rows.map((row) => ({ id: row.id, kind: row.kind, title: row.title, startsAt: row.starts_at.toISOString(), place: row.place, chairName: row.chair_name, invited: row.invited, attended: row.attended, directives: row.directives }));
}

export async function getMeeting(ctx: Ctx, pemdaId: string, meetingId: string): Promise<TMeeting> {
  const meeting = await ctx.db.selectFrom('coord_meeting').selectAll().where('pemda_id', '=', pemdaId).where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new AppError(CoordinationErrors.MEETING_NOT_FOUND);
  const invites = await ctx.db
    .selectFrom('coord_meeting_invite as i')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'i.pemda_id').onRef('o.id', '=', 'i.opd_id'))
    .select(['i.opd_id', 'o.name', 'i.attendance', 'i.represented_by', 'i.absence_reason', sql<number>`(SELECT count(*)::int FROM coord_meeting_checkin c WHERE c.pemda_id = i.pemda_id AND c.meeting_id = i.meeting_id AND c.opd_id = i.opd_id)`.as('checkins')])
    .where('i.pemda_id', '=', pemdaId)
    .where('i.meeting_id', '=', meetingId)
    .orderBy('o.sort_order')
    .orderBy('o.code')
    .execute();
  const directives = await ctx.db.selectFrom('coord_directive').select(['id', 'code', 'number', 'text']).where('pemda_id', '=', pemdaId).where('meeting_id', '=', meetingId).orderBy('number').execute();
  const checkins = await ctx.db
    .selectFrom('coord_meeting_checkin as c')
    .innerJoin('app_user as u', (join) => join.onRef('u.pemda_id', '=', 'c.pemda_id').onRef('u.id', '=', 'c.user_id'))
    .leftJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'c.pemda_id').onRef('o.id', '=', 'c.opd_id'))
    .select(['u.name', 'o.name as opd_name', 'c.at'])
    .where('c.pemda_id', '=', pemdaId)
    .where('c.meeting_id', '=', meetingId)
    .orderBy('c.at')
    .execute();
  const recorded = invites.filter((i) => i.attendance !== 'unknown');
  const attended = invites.filter((i) => i.attendance === 'present' || i.attendance === 'represented').length;
  return {
    id: meeting.id,
    kind: meeting.kind,
    title: meeting.title,
    startsAt: meeting.starts_at.toISOString(),
    endsAt: meeting.ends_at?.toISOString() ?? null,
    place: meeting.place,
    chairName: meeting.chair_name,
    agenda: meeting.agenda,
    minutes: meeting.minutes,
    invites: invites.map((i) => ({ opdId: i.opd_id, opdName: i.name, attendance: i.attendance, representedBy: i.represented_by, absenceReason: i.absence_reason, checkins: i.checkins })),
    attendanceRate: recorded.length > 0 ? attended / invites.length : null,
    directives: directives.map((d) => ({ id: d.id, code: d.code, number: d.number, text: d.text.slice(0, 200) })),
    checkins: checkins.map((c) => ({ name: c.name, opdName: c.opd_name, at: c.at.toISOString() })),
  };
}

export async function updateMeeting(ctx: Ctx, actor: UserActor, meetingId: string, patch: { agenda?: string | undefined; minutes?: string | undefined }): Promise<void> {
  const pemdaId = actor.pemdaId;
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db.selectFrom('coord_meeting').select(['agenda', 'minutes']).where('pemda_id', '=', pemdaId).where('id', '=', meetingId).forUpdate().executeTakeFirst();
    if (!before) throw new AppError(CoordinationErrors.MEETING_NOT_FOUND);
    const after = { agenda: patch.agenda ?? before.agenda, minutes: patch.minutes ?? before.minutes };
    await tx.db.updateTable('coord_meeting').set({ ...after, updated_at: new Date() }).where('pemda_id', '=', pemdaId).where('id', '=', meetingId).execute();
    await writeAudit(tx, { pemdaId, action: 'coordination.meeting_updated', entityType: 'coord_meeting', entityId: meetingId, before, after });
  });
}

export async function recordAttendance(ctx: Ctx, actor: UserActor, meetingId: string, input: TAttendanceRequest): Promise<void> {
  const pemdaId = actor.pemdaId;
  await inTransaction(ctx, async (tx) => {
    const meeting = await tx.db.selectFrom('coord_meeting').select('id').where('pemda_id', '=', pemdaId).where('id', '=', meetingId).executeTakeFirst();
    if (!meeting) throw new AppError(CoordinationErrors.MEETING_NOT_FOUND);
    const invites = await tx.db
      .selectFrom('coord_meeting_invite as i')
      .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'i.pemda_id').onRef('o.id', '=', 'i.opd_id'))
      .select(['i.opd_id', 'o.name', 'i.attendance'])
      .where('i.pemda_id', '=', pemdaId)
      .where('i.meeting_id', '=', meetingId)
      .execute();
    const byOpd = new Map(invites.map((i) => [i.opd_id, i]));
    const now = new Date();
    for (const item of input.items) {
      const invite = byOpd.get(item.opdId);
      if (!invite) throw new AppError(CoordinationErrors.ATTENDANCE_NOT_INVITED, { opdId: item.opdId });
      if (item.attendance === 'absent' && !item.absenceReason) throw new AppError(CoordinationErrors.ATTENDANCE_REASON_REQUIRED, { opdName: invite.name });
      if (item.attendance === 'represented' && !item.representedBy) throw new AppError(CoordinationErrors.ATTENDANCE_REPRESENTATIVE_REQUIRED, { opdName: invite.name });
      await tx.db
        .updateTable('coord_meeting_invite')
        .set({ attendance: item.attendance, represented_by: item.attendance === 'represented' ? (item.representedBy ?? null) : null, absence_reason: item.attendance === 'absent' ? (item.absenceReason ?? null) : null, recorded_at: now })
        .where('pemda_id', '=', pemdaId)
        .where('meeting_id', '=', meetingId)
        .where('opd_id', '=', item.opdId)
        .execute();
    }
    await writeAudit(tx, { pemdaId, action: 'coordination.attendance_recorded', entityType: 'coord_meeting', entityId: meetingId, detail: { items: input.items.map((i) => ({ opd: i.opdId, attendance: i.attendance })) } });
  });
}

// ---------------------------------------------------------------- QR check-in
interface TokenBody {
  p: string;
  m: string;
  e: number;
}

async function checkinSecret(tx: TxCtx, secrets: SecretBox, pemdaId: string, create: boolean): Promise<Buffer | null> {
  const row = await tx.db.selectFrom('pemda_setting').select('value').where('pemda_id', '=', pemdaId).where('key', '=', SETTING_KEYS.checkinSecret).executeTakeFirst();
  if (row && typeof row.value === 'string') return Buffer.from(secrets.open(row.value), 'base64');
  if (!create) return null;
  const secret = randomBytes(32);
  await tx.db.insertInto('pemda_setting').values({ pemda_id: pemdaId, key: SETTING_KEYS.checkinSecret, value: JSON.stringify(secrets.seal(secret.toString('base64'))) }).execute();
  await writeAudit(tx, { pemdaId, action: 'coordination.checkin_secret_created', entityType: 'pemda_setting', entityId: SETTING_KEYS.checkinSecret });
  return secret;
}

const mac = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

/** A QR token: base64url JSON {pemda, meeting, expiry} and its HMAC-SHA256 under the Pemda's check-in secret. */
export async function createCheckinToken(ctx: Ctx, secrets: SecretBox, actor: UserActor, meetingId: string, validMinutes: number, baseUrl: string) {
  const pemdaId = actor.pemdaId;
  return inTransaction(ctx, async (tx) => {
    const meeting = await tx.db.selectFrom('coord_meeting').select('id').where('pemda_id', '=', pemdaId).where('id', '=', meetingId).executeTakeFirst();
    if (!meeting) throw new AppError(CoordinationErrors.MEETING_NOT_FOUND);
    const secret = (await checkinSecret(tx, secrets, pemdaId, true)) as Buffer;
    const expiresAt = new Date(Date.now() + validMinutes * 60_000);
    const body = Buffer.from(JSON.stringify({ p: pemdaId, m: meetingId, e: Math.floor(expiresAt.getTime() / 1000) } satisfies TokenBody)).toString('base64url');
    const token = `${body}.${mac(secret, body)}`;
    const url = `${baseUrl}/koordinasi/hadir?t=${encodeURIComponent(token)}`;
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    await writeAudit(tx, { pemdaId, action: 'coordination.checkin_token_created', entityType: 'coord_meeting', entityId: meetingId, detail: { expiresAt: expiresAt.toISOString() } });
    return { token, url, qrSvg, expiresAt: expiresAt.toISOString() };
  });
}

/** One check-in per person and meeting; marks the OPD present (its head) or represented (anyone else of it). */
export async function checkIn(ctx: Ctx, secrets: SecretBox, actor: UserActor, token: string): Promise<{ meetingId: string; title: string; at: string; attendance: Attendance | null }> {
  const [body, signature] = token.split('.');
  let parsed: TokenBody | null = null;
  try {
    parsed = body ? (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenBody) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || !body || !signature || parsed.p !== actor.pemdaId || typeof parsed.m !== 'string' || typeof parsed.e !== 'number') throw new AppError(CoordinationErrors.CHECKIN_TOKEN_INVALID);
  const token_ = parsed;
  return inTransaction(ctx, async (tx) => {
    const secret = await checkinSecret(tx, secrets, actor.pemdaId, false);
    const expected = secret ? Buffer.from(mac(secret, body)) : null;
    const given = Buffer.from(signature);
    if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError(CoordinationErrors.CHECKIN_TOKEN_INVALID);
    if (token_.e * 1000 < Date.now()) throw new AppError(CoordinationErrors.CHECKIN_TOKEN_EXPIRED);
    const meeting = await tx.db.selectFrom('coord_meeting').select(['id', 'title']).where('pemda_id', '=', actor.pemdaId).where('id', '=', token_.m).executeTakeFirst();
    if (!meeting) throw new AppError(CoordinationErrors.CHECKIN_TOKEN_INVALID);
    const existing = await tx.db.selectFrom('coord_meeting_checkin').select('at').where('pemda_id', '=', actor.pemdaId).where('meeting_id', '=', meeting.id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (existing) throw new AppError(CoordinationErrors.CHECKIN_ALREADY, { at: existing.at.toISOString().slice(11, 16) + ' UTC' });
    const now = new Date();
    await tx.db.insertInto('coord_meeting_checkin').values({ pemda_id: actor.pemdaId, meeting_id: meeting.id, user_id: actor.userId, opd_id: actor.opdId, at: now }).execute();
    let attendance: Attendance | null = null;
    if (actor.opdId) {
      const invite = await tx.db.selectFrom('coord_meeting_invite').select('attendance').where('pemda_id', '=', actor.pemdaId).where('meeting_id', '=', meeting.id).where('opd_id', '=', actor.opdId).executeTakeFirst();
      if (invite) {
        // The head present beats a representative; a representative never downgrades the head's presence.
        attendance = actor.role === 'kepala_opd' ? 'present' : invite.attendance === 'present' ? 'present' : 'represented';
        await tx.db
          .updateTable('coord_meeting_invite')
          .set({ attendance, represented_by: attendance === 'represented' ? actor.name : null, absence_reason: null, recorded_at: now })
          .where('pemda_id', '=', actor.pemdaId)
          .where('meeting_id', '=', meeting.id)
          .where('opd_id', '=', actor.opdId)
          .execute();
      }
    }
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'coordination.checked_in', entityType: 'coord_meeting', entityId: meeting.id, detail: { opdId: actor.opdId, attendance } });
    return { meetingId: meeting.id, title: meeting.title, at: now.toISOString(), attendance };
  });
}
