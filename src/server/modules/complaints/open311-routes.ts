import { publicBase } from '../../http/public-base';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createHash } from 'node:crypto';
import { AppError, fill, type Lang } from '../../http/errors';
import { FileErrors, findStoredFile, sniffMime, unsafeOpenStoredFile } from '../../platform/files';
import { findService, catalogue } from './catalogue';
import { Open311Errors } from './errors';
import { fileComplaint, PHOTO_MAX_BYTES } from './intake';
import { findOpen311Client } from './open311-keys';
import { discovery, render, renderErrors, requestNode, serviceDefinition, serviceNode, updateStatus, w3, type Format, type Rendered } from './open311-format';
import { dateWindow, findByToken, findRequest, listRequests, listUpdates, resolveJurisdiction, splitList } from './open311-service';

/**
 * Open311 GeoReport v2 at /open311/v2 (wiki.open311.org/GeoReport_v2), XML and JSON by suffix, plus mySociety's
 * servicerequestupdates extension. Errors follow the spec's error list, not problem+json. Reads need no key;
 * POST requests need an api_key of a client application (`pamong open311 key create NAME`).
 */
export interface ParsedForm {
  fields: Record<string, string>;
  attributes: Record<string, string | string[]>;
}

/** application/x-www-form-urlencoded with attribute[CODE] and attribute[CODE][] (multi-value lists). */
export function parseOpen311Form(body: string): ParsedForm {
  return collectOpen311Fields(new URLSearchParams(body));
}

/** The same from any list of name/value pairs (the fields of a multipart body). */
export function collectOpen311Fields(pairs: Iterable<[string, string]>): ParsedForm {
  const fields: Record<string, string> = {};
  const attributes: Record<string, string | string[]> = {};
  for (const [key, value] of pairs) {
    const match = /^attribute\[([^\]]{1,60})\](\[\])?$/.exec(key);
    if (match) {
      const code = match[1] as string;
      if (match[2]) {
        const list = attributes[code];
        attributes[code] = Array.isArray(list) ? [...list, value] : list !== undefined ? [list, value] : [value];
      } else {
        attributes[code] = value;
      }
      continue;
    }
    if (!(key in fields)) fields[key] = value;
  }
  return { fields, attributes };
}

const MEDIA_EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * multipart/form-data POST (as several GeoReport v2 servers accept): the same fields, and at most one photo in the
 * `media` file field. The photo's type is sniffed from its bytes later (intake.ts), as on the public form.
 */
async function readOpen311Multipart(request: FastifyRequest): Promise<ParsedForm & { media: { data: Buffer; name: string } | null }> {
  const pairs: Array<[string, string]> = [];
  let media: { data: Buffer; name: string } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 60, fieldSize: 64 * 1024 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated) throw new AppError(FileErrors.FILE_TOO_LARGE, { limit: PHOTO_MAX_BYTES / (1024 * 1024) });
        if (part.fieldname !== 'media') throw new AppError(Open311Errors.OPEN311_BAD_REQUEST, { reason: 'the only file field is media' });
        media = { data, name: part.filename };
      } else if (typeof part.value === 'string') {
        pairs.push([part.fieldname, part.value]);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(FileErrors.FILE_TOO_LARGE, { limit: PHOTO_MAX_BYTES / (1024 * 1024) });
    if (code === 'FST_FILES_LIMIT') throw new AppError(Open311Errors.OPEN311_BAD_REQUEST, { reason: 'at most one media file' });
    throw new AppError(Open311Errors.OPEN311_BAD_REQUEST, { reason: 'unreadable multipart body' });
  }
  return { ...collectOpen311Fields(pairs), media };
}

function formatOf(url: string): Format {
  return /\.json(\?|$)/.test(url) ? 'json' : 'xml';
}

function send(reply: FastifyReply, rendered: Rendered, status = 200) {
  return reply.code(status).type(rendered.contentType).send(rendered.body);
}

function describe(error: AppError, lang: Lang): string {
  return fill(lang === 'en' ? error.def.en : error.def.id, error.params, lang);
}

/** Splits 'CODE.json' into its id and format; null when the suffix is not one we serve. */
function idAndFormat(file: string): { id: string; format: Format } | null {
  const match = /^(.+)\.(xml|json)$/.exec(file);
  return match ? { id: decodeURIComponent(match[1] as string), format: match[2] as Format } : null;
}

type Query = Record<string, string | undefined>;

export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.deps;
  const db = database.db;
  // Per client IP (GeoReport v2 POST); read at start-up so a deployment (or a test) can set its own allowance.
  const RATE_PER_MINUTE = Number(process.env.PAMONG_OPEN311_RATE_PER_MINUTE ?? 60);

  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
      done(null, parseOpen311Form(String(body)));
    });
  }

  app.setErrorHandler((error, request, reply) => {
    const format = formatOf(request.url);
    if (error instanceof AppError) {
      // GeoReport v2 knows 400, 403 and 404: a refused upload (413 too large, 415 not an image) answers 400.
      const status = [400, 403, 404, 429].includes(error.def.status) ? error.def.status : 400;
      return send(reply, renderErrors(format, [{ code: status, description: describe(error, request.lang) }]), status);
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return send(reply, renderErrors(format, [{ code: 429, description: describe(new AppError(Open311Errors.OPEN311_RATE_LIMITED), request.lang) }]), 429);
    if (status >= 400 && status < 500) {
      const reason = (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body too large' : 'unreadable request';
      return send(reply, renderErrors(format, [{ code: 400, description: describe(new AppError(Open311Errors.OPEN311_BAD_REQUEST, { reason }), request.lang) }]), 400);
    }
    request.log.error({ err: { message: (error as Error).message, stack: (error as Error).stack } }, 'open311 error');
    // GeoReport v2: "400 - General service error".
    return send(reply, renderErrors(format, [{ code: 400, description: describe(new AppError(Open311Errors.OPEN311_BAD_REQUEST, { reason: `server error ${request.id}` }), request.lang) }]), 400);
  });
  app.setNotFoundHandler((request, reply) => send(reply, renderErrors(formatOf(request.url), [{ code: 404, description: describe(new AppError(Open311Errors.OPEN311_NOT_FOUND), request.lang) }]), 404));
  // The web bundle's static catch-all would otherwise answer unknown Open311 paths: keep them in the spec's format.
  app.route({ method: ['GET', 'POST'], url: '/*', config: { public: true }, schema: { hide: true }, handler: async () => {
    throw new AppError(Open311Errors.OPEN311_NOT_FOUND);
  } });

  const base = (request: FastifyRequest) => `${publicBase(config, request)}/open311/v2`;
  const publicRoute = { config: { public: true }, schema: { hide: true } } as const;

  for (const format of ['xml', 'json'] as const) {
    app.get(`/discovery.${format}`, publicRoute, async (request, reply) => send(reply, discovery(format, base(request), 'pengaduan@pemda (Pamong)')));

    app.get(`/services.${format}`, publicRoute, async (request, reply) => {
      const query = request.query as Query;
      const pemda = await resolveJurisdiction(db, query.jurisdiction_id);
      const services = (await catalogue(db, pemda.id)).filter((s) => s.active);
      return send(reply, render(format, 'services', 'service', services.map(serviceNode)));
    });

    app.get(`/requests.${format}`, publicRoute, async (request, reply) => {
      const query = request.query as Query;
      const pemda = await resolveJurisdiction(db, query.jurisdiction_id);
      const statuses = splitList(query.status);
      if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw new AppError(Open311Errors.OPEN311_STATUS_INVALID);
      const ids = splitList(query.service_request_id);
      const window = ids.length > 0 ? { from: new Date(0), to: new Date() } : dateWindow(query.start_date || undefined, query.end_date || undefined);
      const rows = await listRequests(db, pemda.id, { ids, serviceCodes: splitList(query.service_code), statuses, ...window });
      return send(reply, render(format, 'service_requests', 'request', rows.map((row) => requestNode(row, pemda.timezone))));
    });

    app.post(
      `/requests.${format}`,
      { config: { public: true, rateLimit: { max: RATE_PER_MINUTE, timeWindow: '1 minute' } }, schema: { hide: true } },
      async (request, reply) => {
        let upload: { data: Buffer; name: string } | null = null;
        let form: ParsedForm;
        if (request.isMultipart()) {
          const read = await readOpen311Multipart(request);
          upload = read.media;
          form = read;
        } else {
          const body = request.body as ParsedForm | Record<string, unknown> | undefined;
          form = body && 'fields' in body && 'attributes' in body ? (body as ParsedForm) : { fields: Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, String(v)])), attributes: {} };
        }
        const field = (name: string) => form.fields[name] ?? (request.query as Query)[name];
        const pemda = await resolveJurisdiction(db, field('jurisdiction_id'));
        const client = await findOpen311Client(db, field('api_key') ?? '');
        if (!client || client.pemdaId !== pemda.id) throw new AppError(Open311Errors.OPEN311_API_KEY_INVALID);
        const serviceCode = (field('service_code') ?? '').trim();
        if (!serviceCode) throw new AppError(Open311Errors.OPEN311_SERVICE_CODE_REQUIRED);
        const service = await findService(db, pemda.id, serviceCode);
        if (!service || !service.active) throw new AppError(Open311Errors.OPEN311_SERVICE_NOT_FOUND, { code: serviceCode.slice(0, 40) });
        const number = (name: string) => {
          const raw = field(name);
          return raw === undefined || raw.trim() === '' ? null : Number(raw);
        };
        const name = [field('first_name'), field('last_name')].filter(Boolean).join(' ') || null;
        const media = field('media_url');
        // An uploaded photo is served back at a public media_url (it is part of a public request, as a linked
        // media_url would be); the type is checked from the bytes by the intake before anything is stored.
        let mediaUrl = media && /^https?:\/\/\S{1,2000}$/.test(media) ? media : null;
        if (upload) {
          const mime = upload.data.length > 0 ? sniffMime(upload.data) : null;
          const ext = mime ? MEDIA_EXT[mime] : undefined;
          if (upload.data.length > 0 && !ext) throw new AppError(FileErrors.FILE_TYPE_NOT_ALLOWED);
          mediaUrl = `${base(request)}/media/${createHash('sha256').update(upload.data).digest('hex')}.${ext ?? 'jpg'}?jurisdiction_id=${encodeURIComponent(pemda.kode)}`;
        }
        const result = await fileComplaint(request.ctx, {
          pemdaId: pemda.id,
          serviceCode,
          description: field('description'),
          lat: number('lat'),
          lng: number('long'),
          address: field('address_string') ?? null,
          addressId: field('address_id') ?? null,
          attributes: form.attributes,
          reporterName: name,
          reporterContact: field('phone') ?? null,
          reporterEmail: field('email') ?? null,
          deviceId: field('device_id') ?? null,
          accountId: field('account_id') ?? null,
          anonymous: false,
          mediaUrl,
          channel: 'open311',
          clientId: client.id,
          photos: upload ? [upload] : [],
          filesDir: config.filesDir,
        });
        const account = field('account_id') ?? null;
        // With an uploaded photo the answer also says where it is served (clients that sent media_url know it).
        const answer = { service_request_id: result.code, service_notice: service.serviceNotice, account_id: account, ...(upload ? { media_url: mediaUrl } : {}) };
        return send(reply, render(format, 'service_requests', 'request', [answer]));
      },
    );

    app.get(`/servicerequestupdates.${format}`, publicRoute, async (request, reply) => {
      const query = request.query as Query;
      const pemda = await resolveJurisdiction(db, query.jurisdiction_id);
      const window = dateWindow(query.start_date || undefined, query.end_date || undefined);
      const rows = await listUpdates(db, pemda.id, window);
      const items = rows.map((row) => ({
        update_id: String(row.id),
        service_request_id: row.code,
        status: updateStatus(row.status, row.kind),
        updated_datetime: w3(row.at, pemda.timezone),
        description: row.body ?? '',
        media_url: null,
      }));
      return send(reply, render(format, 'service_request_updates', 'request_update', items));
    });
  }

  app.get('/services/:file', publicRoute, async (request, reply) => {
    const parsed = idAndFormat((request.params as { file: string }).file);
    if (!parsed) throw new AppError(Open311Errors.OPEN311_NOT_FOUND);
    const pemda = await resolveJurisdiction(db, (request.query as Query).jurisdiction_id);
    const service = await findService(db, pemda.id, parsed.id);
    if (!service || !service.active) throw new AppError(Open311Errors.OPEN311_SERVICE_NOT_FOUND, { code: parsed.id.slice(0, 40) });
    return send(reply, serviceDefinition(parsed.format, service));
  });

  app.get('/requests/:file', publicRoute, async (request, reply) => {
    const parsed = idAndFormat((request.params as { file: string }).file);
    if (!parsed) throw new AppError(Open311Errors.OPEN311_NOT_FOUND);
    const pemda = await resolveJurisdiction(db, (request.query as Query).jurisdiction_id);
    const row = await findRequest(db, pemda.id, parsed.id);
    if (!row) throw new AppError(Open311Errors.OPEN311_REQUEST_NOT_FOUND, { id: parsed.id.slice(0, 40) });
    return send(reply, render(parsed.format, 'service_requests', 'request', [requestNode(row, pemda.timezone)]));
  });

  // Photos uploaded with POST requests (the media field): only those of Open311 requests, never the public form's.
  app.get('/media/:file', publicRoute, async (request, reply) => {
    const match = /^([0-9a-f]{64})\.(jpg|png|webp)$/.exec((request.params as { file: string }).file);
    if (!match) throw new AppError(Open311Errors.OPEN311_NOT_FOUND);
    const sha256 = match[1] as string;
    const pemda = await resolveJurisdiction(db, (request.query as Query).jurisdiction_id);
    const linked = await db
      .selectFrom('complaint_media as m')
      .innerJoin('complaint as c', (join) => join.onRef('c.pemda_id', '=', 'm.pemda_id').onRef('c.id', '=', 'm.complaint_id'))
      .select('m.sha256')
      .where('m.pemda_id', '=', pemda.id)
      .where('m.sha256', '=', sha256)
      .where('c.channel', '=', 'open311')
      .limit(1)
      .executeTakeFirst();
    const record = linked ? await findStoredFile(db, pemda.id, sha256) : null;
    if (!record || MEDIA_EXT[record.mime] !== match[2]) throw new AppError(Open311Errors.OPEN311_NOT_FOUND);
    return reply
      .type(record.mime)
      .header('Content-Length', String(record.size))
      .header('Cache-Control', 'public, max-age=86400, immutable')
      .header('Content-Security-Policy', "default-src 'none'")
      .header('X-Content-Type-Options', 'nosniff')
      .send(unsafeOpenStoredFile(config.filesDir, record.sha256));
  });

  app.get('/tokens/:file', publicRoute, async (request, reply) => {
    const parsed = idAndFormat((request.params as { file: string }).file);
    if (!parsed) throw new AppError(Open311Errors.OPEN311_NOT_FOUND);
    const pemda = await resolveJurisdiction(db, (request.query as Query).jurisdiction_id);
    // Every service is 'realtime', so no token is ever handed out; an internal id is accepted as one.
    const code = await findByToken(db, pemda.id, parsed.id);
    if (!code) throw new AppError(Open311Errors.OPEN311_TOKEN_NOT_FOUND, { token: parsed.id.slice(0, 40) });
    return send(reply, render(parsed.format, 'service_requests', 'request', [{ service_request_id: code, token: parsed.id }]));
  });
};
