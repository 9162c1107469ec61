import { sql, type Kysely } from 'kysely';
import type { TComplaintDetail, TComplaintItem, TComplaintList, TComplaintQuery, TDuplicate, TTimelineEntry } from '../../../contracts/complaints';
import type { DB } from '../../db/schema';
import { isUser, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { can, check, PEMDA_WIDE } from '../../platform/policy';
import { cachedCalendar } from './cache';
import { catalogue } from './catalogue';
import { currentStage, deadlineState, overdueSql } from './deadlines';
import { ComplaintErrors } from './errors';
import { ComplaintActions as A } from './policy';

/** The OPD queue, the coordinator's list and one complaint with its timeline, scoped in SQL by role. */
function listBase(db: Kysely<DB>, pemdaId: string) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'c.pemda_id').onRef('o.id', '=', 'c.opd_id'))
    .leftJoin('wilayah as w', (join) => join.onRef('w.pemda_id', '=', 'c.pemda_id').onRef('w.kode', '=', 'c.kelurahan_kode'))
    .where('c.pemda_id', '=', pemdaId);
}

const ITEM_COLUMNS = [
  'c.id',
  'c.code',
  'c.status',
  'c.service_code',
  'c.description',
  'c.opd_id',
  'o.name as opd_name',
  'w.name as kelurahan_name',
  'c.channel',
  'c.created_at',
  'c.verify_due',
  'c.respond_due',
  'c.resolve_due',
  'c.verified_at',
  'c.first_response_at',
  'c.closed_at',
  'c.lat',
  'c.lng',
] as const;

export function seesWholePemda(actor: UserActor): boolean {
  return (PEMDA_WIDE as readonly string[]).includes(actor.role);
}

type ItemRow = Awaited<ReturnType<ReturnType<ReturnType<typeof listBase>['select']>['execute']>>[number] & Record<string, unknown>;

async function presenter(ctx: Ctx, pemdaId: string) {
  const calendar = await cachedCalendar(ctx.db, pemdaId);
  const names = new Map((await catalogue(ctx.db, pemdaId)).map((s) => [s.code, s.name]));
  const today = calendar.today();
  return (row: ItemRow): TComplaintItem => {
    const r = row as unknown as {
      id: string; code: string; status: TComplaintItem['status']; service_code: string; description: string; opd_id: string; opd_name: string; kelurahan_name: string | null; channel: string;
      created_at: Date; verify_due: string; respond_due: string; resolve_due: string; verified_at: Date | null; first_response_at: Date | null; closed_at: Date | null; lat: number | null; lng: number | null;
    };
    const facts = { status: r.status, verifiedAt: r.verified_at, firstResponseAt: r.first_response_at, closedAt: r.closed_at, verifyDue: r.verify_due, respondDue: r.respond_due, resolveDue: r.resolve_due };
    return {
      id: r.id,
      code: r.code,
      status: r.status,
      serviceCode: r.service_code,
      serviceName: names.get(r.service_code) ?? r.service_code,
      description: r.description,
      opdId: r.opd_id,
      opdName: r.opd_name,
      kelurahan: r.kelurahan_name,
      channel: r.channel,
      receivedAt: new Date(r.created_at).toISOString(),
      verifyDue: r.verify_due,
      respondDue: r.respond_due,
      resolveDue: r.resolve_due,
      stage: currentStage(facts),
      deadline: deadlineState(calendar, facts, today),
      lat: r.lat,
      lng: r.lng,
    };
  };
}

export async function listComplaints(ctx: Ctx, actor: UserActor, query: TComplaintQuery): Promise<TComplaintList> {
  const calendar = await cachedCalendar(ctx.db, actor.pemdaId);
  const today = calendar.today();
  let q = listBase(ctx.db, actor.pemdaId);
  if (!seesWholePemda(actor)) q = q.where('c.opd_id', '=', actor.opdId ?? '00000000-0000-0000-0000-000000000000');
  else if (query.opd) q = q.where('c.opd_id', '=', query.opd);
  if (query.status === 'open') q = q.where('c.status', 'in', ['received', 'verified', 'in_progress', 'followed_up']);
  else if (query.status === 'closed') q = q.where('c.status', 'in', ['closed', 'invalid', 'archived', 'transferred', 'merged']);
  else if (query.status === 'overdue') q = q.where(overdueSql(today));
  else if (query.status) q = q.where('c.status', '=', query.status);
  if (query.service) q = q.where('c.service_code', '=', query.service);
  if (query.kelurahan) q = q.where('c.kelurahan_kode', '=', query.kelurahan);
  if (query.kecamatan) q = q.where('c.kecamatan_kode', '=', query.kecamatan);
  if (query.month) q = q.where(sql<string>`to_char(c.received_on, 'YYYY-MM')`, '=', query.month);
  if (query.q) q = q.where((eb) => eb.or([eb('c.code', '=', query.q!.toUpperCase()), eb('c.description', 'ilike', `%${query.q!.replace(/[%_\\]/g, '\\$&')}%`)]));
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await q.select([...ITEM_COLUMNS]).orderBy('c.created_at', 'desc').orderBy('c.id').limit(query.limit).offset(query.offset).execute();
  const present = await presenter(ctx, actor.pemdaId);
  return { items: rows.map((row) => present(row as ItemRow)), total: total.n };
}

export async function timelineOf(db: Kysely<DB>, pemdaId: string, complaintId: string, publicOnly: boolean): Promise<TTimelineEntry[]> {
  let q = db
    .selectFrom('complaint_event as e')
    .leftJoin('opd as f', (join) => join.onRef('f.pemda_id', '=', 'e.pemda_id').onRef('f.id', '=', 'e.opd_from'))
    .leftJoin('opd as t', (join) => join.onRef('t.pemda_id', '=', 'e.pemda_id').onRef('t.id', '=', 'e.opd_to'))
    .leftJoin('app_user as u', (join) => join.onRef('u.pemda_id', '=', 'e.pemda_id').onRef('u.id', '=', 'e.actor_user_id'))
    .select(['e.created_at', 'e.kind', 'e.status', 'e.body', 'e.public', 'f.name as opd_from', 't.name as opd_to', 'u.name as actor'])
    .where('e.pemda_id', '=', pemdaId)
    .where('e.complaint_id', '=', complaintId);
  if (publicOnly) q = q.where('e.public', '=', true);
  const rows = await q.orderBy('e.id').execute();
  return rows.map((r) => ({ at: new Date(r.created_at).toISOString(), kind: r.kind, status: r.status, body: r.body, public: r.public, opdFrom: r.opd_from, opdTo: r.opd_to, actor: publicOnly ? null : r.actor }));
}

/** One complaint for a signed-in account; 404 when the caller may not see it (other OPD, other Pemda). */
export async function getComplaint(ctx: Ctx, actor: UserActor, id: string): Promise<TComplaintDetail> {
  const row = await listBase(ctx.db, actor.pemdaId)
    .select([...ITEM_COLUMNS, 'c.address', 'c.attributes', 'c.reporter_name', 'c.reporter_contact', 'c.reporter_email', 'c.anonymous', 'c.media_url', 'c.merged_into'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND);
  const resource = { pemdaId: actor.pemdaId, opdId: row.opd_id };
  if (check(actor, A['complaints.read'], resource) !== true) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND);
  const present = await presenter(ctx, actor.pemdaId);
  const media = await ctx.db.selectFrom('complaint_media').select('sha256').where('pemda_id', '=', actor.pemdaId).where('complaint_id', '=', id).orderBy('sort_order').execute();
  const parent = row.merged_into ? await ctx.db.selectFrom('complaint').select(['id', 'code']).where('pemda_id', '=', actor.pemdaId).where('id', '=', row.merged_into).executeTakeFirst() : undefined;
  const handles = can(actor, A['complaints.handle'], resource);
  const abilities = [handles ? 'handle' : null, can(actor, A['complaints.coordinate']) ? 'coordinate' : null].filter((a): a is string => a !== null);
  return {
    ...present(row as ItemRow),
    address: row.address,
    attributes: row.attributes,
    // UU PDP 27/2022: the reporter's identity only for those who handle the complaint.
    reporter: handles ? { name: row.reporter_name, contact: row.reporter_contact, email: row.reporter_email, anonymous: row.anonymous } : null,
    mediaUrl: row.media_url,
    photos: media.map((m) => ({ sha256: m.sha256, url: `/api/v1/complaints/${id}/photos/${m.sha256}` })),
    mergedInto: parent ? { id: parent.id, code: parent.code } : null,
    timeline: await timelineOf(ctx.db, actor.pemdaId, id, false),
    abilities,
  };
}

/** Duplicates suggested: same service, within `radiusM`, received in the last `days` days, not closed. */
export async function suggestDuplicates(ctx: Ctx, actor: UserActor, id: string, radiusM = 300, days = 30): Promise<TDuplicate[]> {
  const detail = await getComplaint(ctx, actor, id);
  if (detail.lat === null || detail.lng === null) return [];
  const dLat = radiusM / 111_320;
  const dLng = radiusM / (111_320 * Math.cos((detail.lat * Math.PI) / 180));
  const since = new Date(new Date(detail.receivedAt).getTime() - days * 86_400_000);
  const rows = await ctx.db
    .selectFrom('complaint as c')
    .select(['c.id', 'c.code', 'c.status', 'c.description', 'c.lat', 'c.lng', 'c.created_at', 'c.opd_id'])
    .where('c.pemda_id', '=', actor.pemdaId)
    .where('c.service_code', '=', detail.serviceCode)
    .where('c.id', '<>', id)
    .where('c.lat', '>=', detail.lat - dLat)
    .where('c.lat', '<=', detail.lat + dLat)
    .where('c.lng', '>=', detail.lng - dLng)
    .where('c.lng', '<=', detail.lng + dLng)
    .where('c.created_at', '>=', since)
    .where('c.status', 'not in', ['merged', 'invalid', 'archived'])
    .limit(50)
    .execute();
  const out: TDuplicate[] = [];
  for (const r of rows) {
    if (!isUser(actor) || check(actor, A['complaints.read'], { pemdaId: actor.pemdaId, opdId: r.opd_id }) !== true) continue;
    const distance = haversine(detail.lat, detail.lng, r.lat as number, r.lng as number);
    if (distance <= radiusM) out.push({ id: r.id, code: r.code, status: r.status, description: r.description.slice(0, 200), distanceM: Math.round(distance), receivedAt: new Date(r.created_at).toISOString() });
  }
  return out.sort((a, b) => a.distanceM - b.distanceM).slice(0, 10);
}

export function haversine(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}
