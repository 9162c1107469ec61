import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DESCRIPTION_MAX, ZIkmSurveyRequest, ZIkmUnitPublic, ZPublicFiled, ZPublicMeta, ZTracking, type TTracking } from '../../../contracts/complaints';
import { ZOk } from '../../../contracts/common';
import { AppError } from '../../http/errors';
import { FileErrors } from '../../platform/files';
import { allPemdas, kelurahanShapes, pemdaByKode, type PemdaRef } from './cache';
import { catalogue } from './catalogue';
import { ComplaintErrors, Open311Errors } from './errors';
import { publicUnit, submitSurvey } from './ikm';
import { fileComplaint, PHOTO_MAX_BYTES, PHOTOS_MAX } from './intake';
import { timelineOf } from './queue';

/**
 * The public side, no account (issue 6 §3, §6): the complaint form, the tracking page and the IKM questionnaire.
 * Rate limited per IP. Nothing here ever returns the reporter's name or contact.
 */
const tags = ['public-complaints'];

interface FormInput {
  fields: Record<string, string>;
  photos: Array<{ data: Buffer; name: string }>;
}

async function readForm(request: FastifyRequest): Promise<FormInput> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return { fields: Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, String(v)])), photos: [] };
  }
  const fields: Record<string, string> = {};
  const photos: FormInput['photos'] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: PHOTO_MAX_BYTES, files: PHOTOS_MAX + 1, fields: 30, fieldSize: 64 * 1024 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated) throw new AppError(FileErrors.FILE_TOO_LARGE, { limit: PHOTO_MAX_BYTES / (1024 * 1024) });
        photos.push({ data, name: part.filename });
        if (photos.length > PHOTOS_MAX) throw new AppError(ComplaintErrors.COMPLAINT_TOO_MANY_PHOTOS, { max: PHOTOS_MAX });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(FileErrors.FILE_TOO_LARGE, { limit: PHOTO_MAX_BYTES / (1024 * 1024) });
    if (code === 'FST_FILES_LIMIT') throw new AppError(ComplaintErrors.COMPLAINT_TOO_MANY_PHOTOS, { max: PHOTOS_MAX });
    throw error;
  }
  return { fields, photos };
}

async function pemdaFor(request: FastifyRequest, kode: string | undefined): Promise<PemdaRef> {
  const db = request.server.deps.database.db;
  if (kode) {
    const pemda = await pemdaByKode(db, kode);
    if (!pemda) throw new AppError(Open311Errors.OPEN311_JURISDICTION_NOT_FOUND, { jurisdiction: kode.slice(0, 20) });
    return pemda;
  }
  const all = await allPemdas(db);
  if (all.length !== 1) throw new AppError(Open311Errors.OPEN311_JURISDICTION_REQUIRED);
  return all[0] as PemdaRef;
}

const ZPemdaQuery = z.object({ pemda: z.string().regex(/^\d{2}\.\d{2}$/).optional() });

export const publicComplaintRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.deps;
  const db = database.db;
  const formPerMinute = Number(process.env.PAMONG_LAPOR_RATE_PER_MINUTE ?? 10);
  const surveyPerMinute = Number(process.env.PAMONG_SURVEI_RATE_PER_MINUTE ?? 20);
  const open = { public: true } as const;

  app.get('/public/lapor/meta', { config: open, schema: { tags, summary: 'What the public form needs: services, map extent, limits', querystring: ZPemdaQuery, response: { 200: ZPublicMeta } } }, async (request) => {
    const pemda = await pemdaFor(request, request.query.pemda);
    const services = (await catalogue(db, pemda.id)).filter((s) => s.active);
    const shapes = await kelurahanShapes(db, pemda.id);
    let bbox: [number, number, number, number] | null = null;
    for (const shape of shapes) {
      const [a, b, c, d] = shape.bbox;
      bbox = bbox ? [Math.min(bbox[0], a), Math.min(bbox[1], b), Math.max(bbox[2], c), Math.max(bbox[3], d)] : [a, b, c, d];
    }
    return {
      pemda: { kode: pemda.kode, name: pemda.name },
      services: services.map((s) => ({ code: s.code, name: s.name, group: s.group, description: s.description, attributes: s.attributes.filter((a) => a.variable) })),
      bbox,
      limits: { descriptionMax: DESCRIPTION_MAX, photoMaxBytes: PHOTO_MAX_BYTES, photosMax: PHOTOS_MAX },
    };
  });

  app.get('/public/lapor/wilayah', { config: open, schema: { tags, summary: 'Kelurahan boundaries (GeoJSON) for the map of the public form', querystring: ZPemdaQuery } }, async (request, reply) => {
    const pemda = await pemdaFor(request, request.query.pemda);
    const shapes = await kelurahanShapes(db, pemda.id);
    reply.header('Cache-Control', 'public, max-age=3600');
    return { type: 'FeatureCollection', features: shapes.map((s) => ({ type: 'Feature', properties: { code: s.kode, name: s.name, parent: s.kecamatanKode }, geometry: s.geometry })) };
  });

  app.post(
    '/public/lapor',
    { config: { ...open, rateLimit: { max: formPerMinute, timeWindow: '1 minute' } }, schema: { tags, summary: 'File a complaint (multipart: service, description, lat, lng, address, name, contact, anonymous, up to 3 photos)', querystring: ZPemdaQuery, response: { 201: ZPublicFiled } } },
    async (request, reply) => {
      const pemda = await pemdaFor(request, request.query.pemda);
      const form = await readForm(request);
      const f = form.fields;
      const coordinate = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : Number(value));
      const contact = f.contact?.trim() || null;
      if (contact && !/^(\+?[0-9 ()-]{8,20}|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/.test(contact)) throw new AppError(ComplaintErrors.COMPLAINT_CONTACT_INVALID);
      const attributes: Record<string, string | string[]> = {};
      for (const [key, value] of Object.entries(f)) {
        const match = /^attribute\[([^\]]{1,60})\]$/.exec(key);
        if (match) attributes[match[1] as string] = value.includes('\u001f') ? value.split('\u001f') : value;
      }
      const result = await fileComplaint(request.ctx, {
        pemdaId: pemda.id,
        serviceCode: f.serviceCode ?? '',
        description: f.description,
        lat: coordinate(f.lat),
        lng: coordinate(f.lng),
        address: f.address ?? null,
        addressId: null,
        attributes,
        reporterName: f.name ?? null,
        reporterContact: contact && !contact.includes('@') ? contact : null,
        reporterEmail: contact && contact.includes('@') ? contact : null,
        deviceId: null,
        accountId: null,
        anonymous: f.anonymous === 'true' || f.anonymous === '1',
        mediaUrl: null,
        channel: 'web',
        clientId: null,
        photos: form.photos,
        filesDir: config.filesDir,
      });
      const opd = await db.selectFrom('opd').select('name').where('pemda_id', '=', pemda.id).where('id', '=', result.opdId).executeTakeFirstOrThrow();
      return reply.code(201).send({ code: result.code, kelurahan: result.kelurahan?.name ?? null, opdName: opd.name, verifyDue: result.verifyDue, respondDue: result.respondDue, resolveDue: result.resolveDue });
    },
  );

  app.get(
    '/public/lapor/:code',
    { config: { ...open, rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags, summary: 'Public tracking page: status, deadlines, public timeline', params: z.object({ code: z.string().max(20) }), response: { 200: ZTracking } } },
    async (request): Promise<TTracking> => {
      const code = request.params.code.trim().toUpperCase();
      const row = await db
        .selectFrom('complaint as c')
        .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'c.pemda_id').onRef('o.id', '=', 'c.opd_id'))
        .leftJoin('wilayah as w', (join) => join.onRef('w.pemda_id', '=', 'c.pemda_id').onRef('w.kode', '=', 'c.kelurahan_kode'))
        .leftJoin('complaint as p', (join) => join.onRef('p.pemda_id', '=', 'c.pemda_id').onRef('p.id', '=', 'c.merged_into'))
        .select(['c.pemda_id', 'c.id', 'c.code', 'c.status', 'c.service_code', 'c.description', 'w.name as kelurahan', 'o.name as opd_name', 'c.opd_id', 'c.created_at', 'c.verify_due', 'c.respond_due', 'c.resolve_due', 'p.code as parent_code'])
        .where('c.code', '=', code)
        .executeTakeFirst();
      if (!row) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND);
      const service = (await catalogue(db, row.pemda_id)).find((s) => s.code === row.service_code);
      const photos = await db.selectFrom('complaint_media').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', row.pemda_id).where('complaint_id', '=', row.id).executeTakeFirstOrThrow();
      const unit = await db.selectFrom('ikm_unit').select('id').where('pemda_id', '=', row.pemda_id).where('opd_id', '=', row.opd_id).where('active', '=', true).orderBy('code').limit(1).executeTakeFirst();
      return {
        code: row.code,
        status: row.status,
        serviceName: service?.name ?? row.service_code,
        description: row.description,
        kelurahan: row.kelurahan,
        opdName: row.opd_name,
        receivedAt: new Date(row.created_at).toISOString(),
        verifyDue: row.verify_due,
        respondDue: row.respond_due,
        resolveDue: row.resolve_due,
        mergedInto: row.parent_code,
        photos: Number(photos.n),
        timeline: await timelineOf(db, row.pemda_id, row.id, true),
        surveyUnitId: unit?.id ?? null,
      };
    },
  );

  app.get('/public/survei/:unitId', { config: open, schema: { tags, summary: 'The IKM questionnaire of a service unit', params: z.object({ unitId: z.string().max(40) }), response: { 200: ZIkmUnitPublic } } }, async (request) => publicUnit(db, request.params.unitId));

  app.post(
    '/public/survei/:unitId',
    { config: { ...open, rateLimit: { max: surveyPerMinute, timeWindow: '1 minute' } }, schema: { tags, summary: 'Answer the IKM questionnaire (U1-U9, 1-4; profile optional)', params: z.object({ unitId: z.string().max(40) }), body: ZIkmSurveyRequest, response: { 201: ZOk } } },
    async (request, reply) => {
      await submitSurvey(request.ctx, request.params.unitId, request.body);
      return reply.code(201).send({ ok: true as const });
    },
  );
};
