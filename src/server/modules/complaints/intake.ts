import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DESCRIPTION_MAX } from '../../../contracts/complaints';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { FileErrors, sniffMime, storeFile } from '../../platform/files';
import type { WorkingCalendar } from '../../platform/calendar';
import { pointInGeometry } from '../../platform/geo';
import { cachedCalendar, kelurahanShapes, pemdaById, type KelurahanShape } from './cache';
import { findService, type CatalogueEntry } from './catalogue';
import { submitIntake } from './batch';
import { ComplaintErrors } from './errors';
import type { ComplaintChannel } from './tables';

/**
 * One intake for every channel (public web form, Open311 clients, counter): checks the text, the location and the
 * service's attributes, finds the kelurahan by point-in-polygon, routes to the responsible OPD and sets the
 * SP4N-LAPOR! deadlines on the Pemda's working days (BRIEF 4.8).
 */

/** Removes markup: script/style blocks with their content, then every tag; decodes the common entities. */
export function stripHtml(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/<[^>\s]*>?/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '‹')
    .replace(/&gt;/g, '›')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[<>]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Open311 description: at most 4,000 characters, line breaks allowed, no HTML (GeoReport v2, POST requests). */
export function cleanDescription(raw: string | undefined | null): string {
  // eslint-disable-next-line no-control-regex
  const text = stripHtml((raw ?? '').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
  if (!text) throw new AppError(ComplaintErrors.COMPLAINT_DESCRIPTION_REQUIRED);
  const length = [...text].length;
  if (length > DESCRIPTION_MAX) throw new AppError(ComplaintErrors.COMPLAINT_DESCRIPTION_TOO_LONG, { length: length.toLocaleString('id-ID') });
  return text;
}

/** Short one-line text (names, addresses): markup stripped, trimmed, cut to max. */
export function cleanLine(raw: string | undefined | null, max: number): string | null {
  if (raw === undefined || raw === null) return null;
  const text = stripHtml(raw).replace(/\s+/g, ' ').trim().slice(0, max);
  return text || null;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Public tracking code and Open311 service_request_id: 'LPR-' and 8 random characters (32^8 combinations). */
export function newComplaintCode(): string {
  const bytes = randomBytes(8);
  let code = 'LPR-';
  for (const byte of bytes) code += CODE_ALPHABET[byte % 32];
  return code;
}

export type AttributeInput = Record<string, string | string[]>;

/** Checks attribute[CODE] values against the service definition; returns only the defined, variable ones. */
export function checkAttributes(service: CatalogueEntry, input: AttributeInput): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const attribute of service.attributes) {
    if (!attribute.variable) continue;
    const raw = input[attribute.code];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) {
      if (attribute.required) throw new AppError(ComplaintErrors.COMPLAINT_ATTRIBUTE_REQUIRED, { code: attribute.code });
      continue;
    }
    const keys = new Set(attribute.values.map((v) => v.key));
    const invalid = () => new AppError(ComplaintErrors.COMPLAINT_ATTRIBUTE_INVALID, { code: attribute.code });
    switch (attribute.datatype) {
      case 'multivaluelist':
        if (!values.every((v) => keys.has(v))) throw invalid();
        out[attribute.code] = [...new Set(values)];
        break;
      case 'singlevaluelist':
        if (values.length !== 1 || !keys.has(values[0] as string)) throw invalid();
        out[attribute.code] = values[0] as string;
        break;
      case 'number':
        if (values.length !== 1 || !Number.isFinite(Number(values[0]))) throw invalid();
        out[attribute.code] = values[0] as string;
        break;
      case 'datetime':
        if (values.length !== 1 || Number.isNaN(Date.parse(values[0] as string))) throw invalid();
        out[attribute.code] = new Date(values[0] as string).toISOString();
        break;
      case 'string':
        if (values.length !== 1) throw invalid();
        out[attribute.code] = (cleanLine(values[0], 500) ?? '') as string;
        break;
      default:
        if (values.length !== 1) throw invalid();
        out[attribute.code] = stripHtml(values[0] as string).slice(0, DESCRIPTION_MAX);
    }
  }
  return out;
}

export function findKelurahan(shapes: readonly KelurahanShape[], lng: number, lat: number): KelurahanShape | null {
  for (const shape of shapes) {
    const [minX, minY, maxX, maxY] = shape.bbox;
    if (lng < minX || lng > maxX || lat < minY || lat > maxY) continue;
    if (pointInGeometry([lng, lat], shape.geometry)) return shape;
  }
  return null;
}

/** "No wrong door": the service's OPD, or for territorial matters the kelurahan office, else its kecamatan. */
async function routeTo(db: Kysely<DB>, pemdaId: string, service: CatalogueEntry, kelurahan: KelurahanShape | null): Promise<string> {
  if (!service.territorial && service.opdId) return service.opdId;
  if (kelurahan) {
    const offices = await db
      .selectFrom('opd')
      .select(['id', 'wilayah_kode'])
      .where('pemda_id', '=', pemdaId)
      .where('active', '=', true)
      .where('wilayah_kode', 'in', [kelurahan.kode, ...(kelurahan.kecamatanKode ? [kelurahan.kecamatanKode] : [])])
      .execute();
    const office = offices.find((o) => o.wilayah_kode === kelurahan.kode) ?? offices[0];
    if (office) return office.id;
  }
  if (service.opdId) return service.opdId;
  // Nothing territorial found: the Pemda's secretariat (the coordinator) takes it and re-routes.
  const fallback = await db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('active', '=', true).orderBy((eb) => eb.case().when('kind', '=', 'sekretariat').then(0).else(1).end()).orderBy('sort_order').limit(1).executeTakeFirst();
  if (!fallback) throw new AppError(ComplaintErrors.COMPLAINT_OPD_UNKNOWN);
  return fallback.id;
}

const todayMemo = new WeakMap<WorkingCalendar, { second: number; date: string }>();

/** calendar.today() builds an Intl formatter per call; on the hot path the answer is reused for one second. */
export function localToday(calendar: WorkingCalendar, now: Date): string {
  const second = Math.floor(now.getTime() / 1000);
  const hit = todayMemo.get(calendar);
  if (hit && hit.second === second) return hit.date;
  const date = calendar.today(now);
  todayMemo.set(calendar, { second, date });
  return date;
}

const dueMemo = new WeakMap<WorkingCalendar, Map<string, { verifyDue: string; respondDue: string; resolveDue: string }>>();

/** The three SP4N-LAPOR! due dates of a receipt day and class; memoised per calendar (the hot path files many a day). */
export function dueDates(calendar: WorkingCalendar, receivedOn: string, sla: { code: string; verifyDays: number; respondDays: number; resolveDays: number }) {
  let memo = dueMemo.get(calendar);
  if (!memo) {
    memo = new Map();
    dueMemo.set(calendar, memo);
  }
  const key = `${receivedOn}|${sla.code}|${sla.verifyDays}|${sla.respondDays}|${sla.resolveDays}`;
  let due = memo.get(key);
  if (!due) {
    due = { verifyDue: calendar.addWorkingDays(receivedOn, sla.verifyDays), respondDue: calendar.addWorkingDays(receivedOn, sla.respondDays), resolveDue: calendar.addWorkingDays(receivedOn, sla.resolveDays) };
    memo.set(key, due);
  }
  return due;
}

export interface IntakeInput {
  pemdaId: string;
  serviceCode: string;
  description: string | null | undefined;
  lat: number | null;
  lng: number | null;
  address: string | null;
  addressId: string | null;
  attributes: AttributeInput;
  reporterName: string | null;
  reporterContact: string | null;
  reporterEmail: string | null;
  deviceId: string | null;
  accountId: string | null;
  anonymous: boolean;
  mediaUrl: string | null;
  channel: ComplaintChannel;
  clientId: string | null;
  photos: Array<{ data: Buffer; name: string }>;
  filesDir?: string;
}

export interface IntakeResult {
  id: string;
  code: string;
  service: CatalogueEntry;
  opdId: string;
  kelurahan: KelurahanShape | null;
  verifyDue: string;
  respondDue: string;
  resolveDue: string;
  createdAt: Date;
}

/** Everything that can be checked before the transaction; throws AppError with the caller-facing message. */
export async function prepareIntake(db: Kysely<DB>, input: IntakeInput) {
  const service = await findService(db, input.pemdaId, input.serviceCode);
  if (!service || !service.active) throw new AppError(ComplaintErrors.COMPLAINT_SERVICE_UNKNOWN, { code: input.serviceCode.slice(0, 40) });
  const description = cleanDescription(input.description);
  const hasPoint = input.lat !== null || input.lng !== null;
  if (hasPoint && (input.lat === null || input.lng === null || !Number.isFinite(input.lat) || !Number.isFinite(input.lng) || Math.abs(input.lat) > 90 || Math.abs(input.lng) > 180)) {
    throw new AppError(ComplaintErrors.COMPLAINT_LOCATION_INVALID);
  }
  const address = cleanLine(input.address, 500);
  const addressId = cleanLine(input.addressId, 100);
  if (!hasPoint && !address && !addressId) throw new AppError(ComplaintErrors.COMPLAINT_LOCATION_REQUIRED);
  let kelurahan: KelurahanShape | null = null;
  if (hasPoint) {
    const shapes = await kelurahanShapes(db, input.pemdaId);
    kelurahan = findKelurahan(shapes, input.lng as number, input.lat as number);
    if (!kelurahan && shapes.length > 0) {
      const pemda = await pemdaById(db, input.pemdaId);
      throw new AppError(ComplaintErrors.COMPLAINT_LOCATION_OUTSIDE, { pemda: pemda.name });
    }
  }
  const attributes = checkAttributes(service, input.attributes);
  if (input.photos.length > PHOTOS_MAX) throw new AppError(ComplaintErrors.COMPLAINT_TOO_MANY_PHOTOS, { max: PHOTOS_MAX });
  for (const photo of input.photos) {
    if (photo.data.length === 0) throw new AppError(FileErrors.FILE_EMPTY);
    if (photo.data.length > PHOTO_MAX_BYTES) throw new AppError(FileErrors.FILE_TOO_LARGE, { limit: PHOTO_MAX_BYTES / (1024 * 1024) });
    // The type comes from the bytes, never from the name or header: a PDF or a renamed script is refused.
    const mime = sniffMime(photo.data);
    if (!mime || !mime.startsWith('image/')) throw new AppError(FileErrors.FILE_TYPE_NOT_ALLOWED);
  }
  return { service, description, address, addressId, kelurahan, attributes };
}

export async function fileComplaint(ctx: Ctx, input: IntakeInput): Promise<IntakeResult> {
  const prepared = await prepareIntake(ctx.db, input);
  const { service, kelurahan } = prepared;
  const calendar = await cachedCalendar(ctx.db, input.pemdaId);
  const opdId = await routeTo(ctx.db, input.pemdaId, service, kelurahan);
  const now = new Date();
  const receivedOn = localToday(calendar, now);
  // BRIEF 4.8 (PermenPANRB 62/2018): counted in the Pemda's working days from the day of receipt.
  const { verifyDue, respondDue, resolveDue } = dueDates(calendar, receivedOn, service.sla);
  const anonymous = input.anonymous || (!input.reporterName && !input.reporterContact && !input.reporterEmail);
  const complaint = {
    pemda_id: input.pemdaId,
    id: randomUUID(),
    code: newComplaintCode(),
    service_code: service.code,
    channel: input.channel,
    client_id: input.clientId,
    description: prepared.description,
    attributes: JSON.stringify(prepared.attributes),
    lat: input.lat,
    lng: input.lng,
    address: prepared.address,
    address_id: prepared.addressId,
    kelurahan_kode: kelurahan?.kode ?? null,
    kecamatan_kode: kelurahan?.kecamatanKode ?? null,
    media_url: input.mediaUrl,
    opd_id: opdId,
    reporter_name: input.anonymous ? null : cleanLine(input.reporterName, 150),
    reporter_contact: input.anonymous ? null : cleanLine(input.reporterContact, 150),
    reporter_email: input.anonymous ? null : cleanLine(input.reporterEmail, 200),
    device_id: cleanLine(input.deviceId, 100),
    account_id: cleanLine(input.accountId, 100),
    anonymous,
    received_on: receivedOn,
    sla_class: service.sla.code,
    verify_due: verifyDue,
    respond_due: respondDue,
    resolve_due: resolveDue,
    created_at: now,
  };
  const event = { pemda_id: input.pemdaId, complaint_id: complaint.id, kind: 'received' as const, public: true, status: 'received' as const, body: null, opd_from: null, opd_to: opdId, actor_user_id: null, created_at: now };
  // No personal data in the audit detail: the reporter's identity stays in the complaint row only.
  const detail = { code: complaint.code, service: service.code, channel: input.channel, kelurahan: kelurahan?.kode ?? null, opd_id: opdId, photos: input.photos.length, client_id: input.clientId };
  const result: IntakeResult = { id: complaint.id, code: complaint.code, service, opdId, kelurahan, verifyDue, respondDue, resolveDue, createdAt: now };
  if (input.photos.length === 0 && !ctx.db.isTransaction) {
    // Group commit (batch.ts): one transaction for the complaints arriving together, one audit row each.
    await submitIntake(ctx.db, input.pemdaId, { complaint, event, audit: { detail, actor: ctx.actor, requestId: ctx.requestId, ip: ctx.ip } });
    return result;
  }
  return inTransaction(ctx, async (tx) => {
    await tx.db.insertInto('complaint').values(complaint).execute();
    await tx.db.insertInto('complaint_event').values(event).execute();
    let order = 0;
    for (const photo of input.photos) {
      if (!input.filesDir) break;
      const stored = await storeFile(tx, { filesDir: input.filesDir, pemdaId: input.pemdaId, data: photo.data, originalName: photo.name, uploadedBy: null, maxBytes: PHOTO_MAX_BYTES });
      await tx.db.insertInto('complaint_media').values({ pemda_id: input.pemdaId, complaint_id: complaint.id, sha256: stored.sha256, sort_order: order++ }).onConflict((oc) => oc.doNothing()).execute();
    }
    await writeAudit(tx, { pemdaId: input.pemdaId, action: 'complaints.filed', entityType: 'complaint', entityId: complaint.id, detail });
    return result;
  });
}

/** Public photos: JPEG, PNG or WebP (sniffed by platform/files.ts), at most 5 MB each, at most 3. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTOS_MAX = 3;
