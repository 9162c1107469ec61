import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../http/errors';
import { allPemdas, pemdaByKode, type PemdaRef } from './cache';
import { catalogue } from './catalogue';
import { Open311Errors } from './errors';
import { type RequestRow } from './open311-format';
import type { ComplaintStatus, EventKind } from './tables';

/** Queries behind the Open311 endpoints. Only public fields are selected: never the reporter's identity. */

/** GeoReport v2: jurisdiction_id is only required when the endpoint serves several; ours is the kode wilayah. */
export async function resolveJurisdiction(db: Kysely<DB>, raw: string | undefined): Promise<PemdaRef> {
  const value = (raw ?? '').trim();
  if (!value) {
    const all = await allPemdas(db);
    if (all.length === 1) return all[0] as PemdaRef;
    throw new AppError(Open311Errors.OPEN311_JURISDICTION_REQUIRED);
  }
  const pemda = await pemdaByKode(db, value);
  if (!pemda) throw new AppError(Open311Errors.OPEN311_JURISDICTION_NOT_FOUND, { jurisdiction: value.slice(0, 20) });
  return pemda;
}

/** w3 datetime with a zone (Z or +HH:MM), as the spec's "w3 format, eg 2010-01-01T00:00:00Z". */
export function parseW3(value: string, field: string): Date {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const date = new Date(value);
  if (!ok || Number.isNaN(date.getTime())) throw new AppError(Open311Errors.OPEN311_DATE_INVALID, { field });
  return date;
}

const DAY = 86_400_000;
export const MAX_SPAN_DAYS = 90;
export const MAX_RESULTS = 1000;

export function dateWindow(start: string | undefined, end: string | undefined, now = new Date()): { from: Date; to: Date } {
  const from = start ? parseW3(start, 'start_date') : null;
  const to = end ? parseW3(end, 'end_date') : null;
  if (from && to) {
    if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY) throw new AppError(Open311Errors.OPEN311_DATE_SPAN);
    return { from, to };
  }
  if (from) return { from, to: new Date(from.getTime() + MAX_SPAN_DAYS * DAY) };
  if (to) return { from: new Date(to.getTime() - MAX_SPAN_DAYS * DAY), to };
  return { from: new Date(now.getTime() - MAX_SPAN_DAYS * DAY), to: now };
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

const OPEN_LIST: ComplaintStatus[] = ['received', 'verified', 'in_progress', 'followed_up'];
const CLOSED_LIST: ComplaintStatus[] = ['closed', 'invalid', 'archived', 'transferred', 'merged'];

export interface RequestFilter {
  ids: string[];
  serviceCodes: string[];
  statuses: string[];
  from: Date;
  to: Date;
}

function baseQuery(db: Kysely<DB>, pemdaId: string) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'c.pemda_id').onRef('o.id', '=', 'c.opd_id'))
    .select([
      'c.id',
      'c.code',
      'c.status',
      'c.status_notes',
      'c.service_code',
      'c.description',
      'o.name as agency',
      'c.created_at',
      'c.updated_at',
      'c.resolve_due',
      'c.address',
      'c.address_id',
      'c.lat',
      'c.lng',
      'c.media_url',
    ])
    .where('c.pemda_id', '=', pemdaId);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function toRows(db: Kysely<DB>, pemdaId: string, rows: BaseRow[]): Promise<RequestRow[]> {
  const services = new Map((await catalogue(db, pemdaId)).map((s) => [s.code, s]));
  return rows.map((row) => {
    const service = services.get(row.service_code);
    return {
      code: row.code,
      status: row.status,
      statusNotes: row.status_notes,
      serviceName: service?.name ?? row.service_code,
      serviceCode: row.service_code,
      description: row.description,
      agency: row.agency,
      serviceNotice: service?.serviceNotice ?? null,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
      resolveDue: row.resolve_due,
      address: row.address,
      addressId: row.address_id,
      lat: row.lat,
      lng: row.lng,
      mediaUrl: row.media_url,
    };
  });
}

/** GET requests: service_request_id overrides every other filter (GeoReport v2). */
export async function listRequests(db: Kysely<DB>, pemdaId: string, filter: RequestFilter): Promise<RequestRow[]> {
  let query = baseQuery(db, pemdaId);
  if (filter.ids.length > 0) {
    query = query.where('c.code', 'in', filter.ids.slice(0, MAX_RESULTS));
  } else {
    if (filter.serviceCodes.length > 0) query = query.where('c.service_code', 'in', filter.serviceCodes);
    const statuses = new Set(filter.statuses);
    if (statuses.size === 1) query = query.where('c.status', 'in', statuses.has('open') ? OPEN_LIST : CLOSED_LIST);
    query = query.where('c.created_at', '>=', filter.from).where('c.created_at', '<=', filter.to);
  }
  const rows = await query.orderBy('c.created_at', 'desc').limit(MAX_RESULTS).execute();
  return toRows(db, pemdaId, rows);
}

export async function findRequest(db: Kysely<DB>, pemdaId: string, code: string): Promise<RequestRow | null> {
  const row = await baseQuery(db, pemdaId).where('c.code', '=', code).executeTakeFirst();
  return row ? ((await toRows(db, pemdaId, [row]))[0] ?? null) : null;
}

export async function findByToken(db: Kysely<DB>, pemdaId: string, token: string): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/i.test(token)) return null;
  const row = await db.selectFrom('complaint').select('code').where('pemda_id', '=', pemdaId).where('id', '=', token).executeTakeFirst();
  return row?.code ?? null;
}

export interface UpdateRow {
  id: number;
  code: string;
  status: ComplaintStatus;
  kind: EventKind;
  body: string | null;
  at: Date;
}

/** Public events of the window, oldest first (mySociety servicerequestupdates). */
export async function listUpdates(db: Kysely<DB>, pemdaId: string, window: { from: Date; to: Date }): Promise<UpdateRow[]> {
  const rows = await db
    .selectFrom('complaint_event as e')
    .innerJoin('complaint as c', (join) => join.onRef('c.pemda_id', '=', 'e.pemda_id').onRef('c.id', '=', 'e.complaint_id'))
    .select(['e.id', 'c.code', 'e.status', 'e.kind', 'e.body', 'e.created_at'])
    .where('e.pemda_id', '=', pemdaId)
    .where('e.public', '=', true)
    .where('e.kind', '<>', 'received')
    .where('e.created_at', '>=', window.from)
    .where('e.created_at', '<=', window.to)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .limit(MAX_RESULTS)
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, status: r.status, kind: r.kind, body: r.body, at: new Date(r.created_at) }));
}

