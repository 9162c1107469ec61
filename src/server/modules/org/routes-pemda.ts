import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZGeoJsonQuery,
  ZPemda,
  ZPemdaCreate,
  ZPemdaHead,
  ZPemdaHeadCreate,
  ZPlatformPemda,
  ZWilayah,
  ZWilayahFeatureCollection,
  ZWilayahQuery,
  ZWilayahUploadResult,
} from '../../../contracts/org';
import { AppError } from '../../http/errors';
import { OrgErrors } from './errors';
import { OrgActions } from './policy';
import { PROBLEMS } from './routes-shared';
import { addPemdaHead, callerPemdaId, createPemda, getPemda, listPlatformPemdas, listWilayah, uploadBoundaries, wilayahGeoJson } from './service';

/** The caller's Pemda, its heads and regions; the platform's list of Pemdas. */
export const pemdaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/pemda',
    {
      config: { action: OrgActions['pemda.read'] },
      schema: { tags: ['pemda'], summary: 'My Pemda: counts, the head serving today and all heads', response: { 200: ZPemda, ...PROBLEMS } },
    },
    async (request) => getPemda(request.ctx, callerPemdaId(request.actor)),
  );

  app.post(
    '/pemda/heads',
    {
      config: { action: OrgActions['pemda.manage'] },
      schema: {
        tags: ['pemda'],
        summary: 'Add a regional head (elected, Pj, Plt or Plh) with term and legal basis',
        body: ZPemdaHeadCreate,
        response: { 201: ZPemdaHead, ...PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await addPemdaHead(request.ctx, { pemdaId: callerPemdaId(request.actor), head: request.body })),
  );

  app.get(
    '/platform/pemda',
    {
      config: { action: OrgActions['platform.pemda.manage'] },
      schema: { tags: ['platform'], summary: 'All Pemdas on this platform (superadmin)', response: { 200: z.object({ items: z.array(ZPlatformPemda) }), ...PROBLEMS } },
    },
    async (request) => ({ items: await listPlatformPemdas(request.ctx) }),
  );

  app.post(
    '/platform/pemda',
    {
      config: { action: OrgActions['platform.pemda.manage'] },
      schema: {
        tags: ['platform'],
        summary: 'Create a Pemda from its kode wilayah (name, kind, kecamatan and kelurahan/desa from the Kemendagri registry)',
        body: ZPemdaCreate,
        response: { 201: ZPlatformPemda, ...PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await createPemda(request.ctx, request.body.kodeWilayah)),
  );

  app.get(
    '/wilayah',
    {
      config: { action: OrgActions['org.read'] },
      schema: { tags: ['wilayah'], summary: 'Regions of my Pemda (kecamatan, kelurahan, desa)', querystring: ZWilayahQuery, response: { 200: z.object({ items: z.array(ZWilayah) }), ...PROBLEMS } },
    },
    async (request) => ({ items: await listWilayah(request.ctx, callerPemdaId(request.actor), request.query) }),
  );

  app.get(
    '/wilayah/geojson',
    {
      config: { action: OrgActions['org.read'] },
      schema: {
        tags: ['wilayah'],
        summary: 'Boundaries of one level as a GeoJSON FeatureCollection (properties: code, name, level, parent, centroid)',
        description: 'Only regions with a boundary are included. Geometry is a GeoJSON Polygon or MultiPolygon in WGS84.',
        querystring: ZGeoJsonQuery,
        response: { 200: ZWilayahFeatureCollection, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      // Boundaries change rarely and weigh megabytes: let the browser keep them for a few minutes.
      reply.header('Cache-Control', 'private, max-age=300');
      return wilayahGeoJson(request.ctx, callerPemdaId(request.actor), request.query.level);
    },
  );

  app.post(
    '/wilayah/boundaries',
    {
      config: { action: OrgActions['pemda.manage'] },
      schema: {
        tags: ['wilayah'],
        summary: 'Upload region boundaries: a GeoJSON FeatureCollection file (multipart field "file", at most 20 MB)',
        description:
          'Each feature needs properties.code, a kode wilayah of this Pemda, and a Polygon/MultiPolygon geometry. All or nothing: if any feature is wrong, nothing is saved and the 400 problem lists every rejected feature in `errors` (path `features.<index>`).',
        // No body schema: a zod body would be validated before the multipart stream is read. The form is described above.
        consumes: ['multipart/form-data'],
        response: { 200: ZWilayahUploadResult, ...PROBLEMS },
      },
    },
    async (request) => {
      const pemdaId = callerPemdaId(request.actor);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw new AppError(OrgErrors.WILAYAH_FILE_MISSING);
      return uploadBoundaries(request.ctx, { pemdaId, content: await file.toBuffer() });
    },
  );
};
