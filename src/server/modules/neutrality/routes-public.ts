import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPublicOptions, ZPublicReport, ZReceipt, ZReceiptAnswer, ZReceiptCredentials, ZReceiptView, ZUploaded } from '../../../contracts/neutrality';
import { AppError } from '../../http/errors';
import { currentBanners } from './election';
import { NeutralityErrors } from './errors';
import { answerQuestion, viewReceipt } from './receipt';
import { pemdaByKode, submitReport } from './reports';
import { receiveEvidence } from './upload';

/**
 * Public, signed-out routes: the anonymous report form and the receipt follow-up. Nothing here logs or echoes
 * the reporter; receipt code and secret travel in POST bodies, never in a URL (which the access log keeps).
 */
const tags = ['neutrality-public'];
const ZKode = z.object({ kode: z.string().regex(/^\d{2}\.\d{2}$/) });

export const neutralityPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;

  app.get(
    '/neutrality/public/options',
    { config: { public: true }, schema: { tags, summary: 'What the public report form needs: the Pemda, its OPDs (names only) and the election banners', querystring: z.object({ pemda: z.string().regex(/^\d{2}\.\d{2}$/).optional() }), response: { 200: ZPublicOptions } } },
    async (request) => {
      let kode = request.query.pemda;
      if (!kode) {
        const all = await request.ctx.db.selectFrom('pemda').select('kode_wilayah').limit(2).execute();
        if (all.length !== 1) throw new AppError(NeutralityErrors.NTR_PEMDA_NOT_FOUND, { kode: '-' });
        kode = all[0]?.kode_wilayah as string;
      }
      const pemda = await pemdaByKode(request.ctx.db, kode);
      const opds = await request.ctx.db.selectFrom('opd').select(['id', 'name']).where('pemda_id', '=', pemda.id).where('active', '=', true).orderBy('name').execute();
      return { pemda: { kode: pemda.kode, name: pemda.name }, opds, banners: await currentBanners(request.ctx.db, pemda.id) };
    },
  );

  app.post(
    '/neutrality/public/:kode/files',
    { config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { tags, summary: 'Upload one evidence file (JPEG, PNG, WebP or PDF, at most 10 MB)', params: ZKode, consumes: ['multipart/form-data'], response: { 201: ZUploaded } } },
    async (request, reply) => {
      const pemda = await pemdaByKode(request.ctx.db, request.params.kode);
      const stored = await receiveEvidence(request, request.ctx, { pemdaId: pemda.id, filesDir: config.filesDir, uploadedBy: null });
      return reply.code(201).send({ sha256: stored.sha256, mime: stored.mime, size: stored.size, name: stored.originalName });
    },
  );

  app.post(
    '/neutrality/public/:kode/reports',
    { config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags, summary: 'Report a neutrality violation (anonymous or identified); returns the receipt code and secret once', params: ZKode, body: ZPublicReport, response: { 201: ZReceipt } } },
    async (request, reply) => {
      const pemda = await pemdaByKode(request.ctx.db, request.params.kode);
      const body = request.body;
      const identity = body.anonymous || !body.reporter ? null : { name: body.reporter.name, contact: body.reporter.contact, nik: body.reporter.nik ?? null, userId: null };
      const receipt = await submitReport(request.ctx, { pemdaId: pemda.id, kodeWilayah: pemda.kode, channel: 'publik', body, anonymous: body.anonymous, identity, dataDir: config.dataDir, enteredBy: null });
      return reply.code(201).header('Cache-Control', 'no-store').send(receipt);
    },
  );

  app.post(
    '/neutrality/public/receipt',
    { config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, summary: 'Follow a report with its receipt code and secret', body: ZReceiptCredentials, response: { 200: ZReceiptView } } },
    async (request, reply) => reply.header('Cache-Control', 'no-store').send(await viewReceipt(request.ctx, request.body.code, request.body.secret)),
  );

  app.post(
    '/neutrality/public/receipt/answer',
    { config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, summary: "Answer a handler's question through the receipt", body: ZReceiptAnswer, response: { 200: ZReceiptView } } },
    async (request, reply) => reply.header('Cache-Control', 'no-store').send(await answerQuestion(request.ctx, request.body)),
  );
};
