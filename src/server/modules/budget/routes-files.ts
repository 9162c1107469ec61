import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBudgetImportResult } from '../../../contracts/budget';
import type { Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { BudgetErrors } from './errors';
import { alignmentTable, opdTable, overviewTable, postponementTable, revenueTable, tableToPdf, tableToXlsx, type ReportTable } from './export';
import { readOneFile } from '../../http/multipart';
import { unsafeOpenStoredFile } from '../../platform/files';
import { padTemplateCsv } from './import/pad';
import { runBudgetImport } from './import/service';
import { runPadImport } from './service-pad-import';
import { rpjmdTemplateCsv } from './import/rpjmd';
import { runRpjmdImport } from './service-rpjmd-import';
import { getRpjmdEditable } from './service-rpjmd';
import { attachIkuEvidence, findIkuEvidence } from './service-iku-evidence';
import { buildBudgetTemplateCsv, buildBudgetTemplateXlsx } from './import/template';
import { BudgetActions } from './policy';
import { pemdaOf, ZOpdParams } from './routes-read';
import { getOpdBudget, getOverview } from './service-apbd';
import { getAlignment, ikuEvidencePath } from './service-plan';
import { getRevenue } from './service-revenue';
import { getPostponement } from './service-shortfall';

const ZFormat = z.enum(['xlsx', 'pdf']);
const ZQuery = z.object({ tahun: z.coerce.number().int().min(2000).max(2100).optional(), bulan: z.coerce.number().int().min(1).max(12).optional() });

async function pemdaName(ctx: Ctx, pemdaId: string): Promise<string> {
  const row = await ctx.db.selectFrom('pemda').select('name').where('id', '=', pemdaId).executeTakeFirst();
  return row?.name ?? 'Pemda';
}

async function send(reply: FastifyReply, table: ReportTable, format: 'xlsx' | 'pdf', name: string, pemda: string) {
  reply.header('Content-Disposition', `attachment; filename="${name}.${format}"`);
  if (format === 'xlsx') return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await tableToXlsx(table));
  return reply.type('application/pdf').send(await tableToPdf(table, pemda));
}

const ZIkuQuarter = z.object({ ikuId: z.uuid(), tahun: z.coerce.number().int().min(2000).max(2100), triwulan: z.coerce.number().int().min(1).max(4) });

/** The APBD import (docs/budget-import.md), its template, XLSX/PDF exports of every budget screen, IKU evidence files. */
export const budgetFileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/budget/revenue/import/template.csv',
    { config: { action: BudgetActions['budget.revenue.write'] }, schema: { tags: ['budget'], summary: 'Template of the monthly PAD recap import (Kode Rekening; Tahun; Jan … Des)' } },
    async (_request, reply) => {
      reply.header('Content-Disposition', 'attachment; filename="template-realisasi-pad.csv"');
      return reply.type('text/csv; charset=utf-8').send(padTemplateCsv(new Date().getFullYear()));
    },
  );

  app.post(
    '/budget/revenue/import',
    {
      config: { action: BudgetActions['budget.revenue.write'] },
      schema: {
        tags: ['budget'],
        summary: "Import Bapenda's monthly PAD recap (XLSX/CSV, multipart field \"file\": Kode Rekening, Tahun, one column per month); dryRun=true previews",
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        consumes: ['multipart/form-data'],
        response: { 200: ZBudgetImportResult },
      },
    },
    async (request) => {
      const file = await readOneFile(request, BudgetErrors.BUDGET_IMPORT_FILE_MISSING);
      return runPadImport(request.ctx, { pemdaId: pemdaOf(request.actor), buffer: file.data, filename: file.name, dryRun: request.query.dryRun === 'true' });
    },
  );

  app.get(
    '/budget/rpjmd/import/template.csv',
    { config: { action: BudgetActions['budget.plan.manage'] }, schema: { tags: ['budget'], summary: 'Template of the RPJMD cascade import: one row per IKU, a "Target YYYY" column per year of the period in force' } },
    async (request, reply) => {
      const cascade = await getRpjmdEditable(request.ctx, pemdaOf(request.actor));
      reply.header('Content-Disposition', 'attachment; filename="template-kaskade-rpjmd.csv"');
      return reply.type('text/csv; charset=utf-8').send(rpjmdTemplateCsv(cascade.periodStart, cascade.periodEnd));
    },
  );

  app.post(
    '/budget/rpjmd/import',
    {
      config: { action: BudgetActions['budget.plan.manage'] },
      schema: {
        tags: ['budget'],
        summary: 'Import the RPJMD cascade (XLSX/CSV, multipart field "file"; No Misi, Kode Tujuan, Kode Sasaran, Kode IKU, …, Target YYYY): adds and updates by code, never removes; dryRun=true previews; saved only when every row is right',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true'), tahun: z.coerce.number().int().min(2000).max(2100).optional() }),
        consumes: ['multipart/form-data'],
        response: { 200: ZBudgetImportResult },
      },
    },
    async (request) => {
      const file = await readOneFile(request, BudgetErrors.BUDGET_IMPORT_FILE_MISSING);
      return runRpjmdImport(request.ctx, { pemdaId: pemdaOf(request.actor), buffer: file.data, filename: file.name, dryRun: request.query.dryRun === 'true', tahun: request.query.tahun });
    },
  );

  app.post(
    '/budget/iku/:ikuId/:tahun/:triwulan/bukti',
    {
      config: { action: BudgetActions['budget.iku.write'] },
      schema: {
        tags: ['budget'],
        summary: "Attach an evidence file (PDF, JPEG, PNG, WebP; multipart field \"file\") to a quarter's recorded IKU value (own OPD)",
        params: ZIkuQuarter,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ sha256: z.string(), url: z.string() }) },
      },
    },
    async (request) => {
      const pemdaId = pemdaOf(request.actor);
      const file = await readOneFile(request, BudgetErrors.BUDGET_IKU_EVIDENCE_MISSING);
      const { sha256 } = await attachIkuEvidence(request.ctx, pemdaId, request.params, file, app.deps.config.filesDir);
      return { sha256, url: ikuEvidencePath(request.params.ikuId, request.params.tahun, request.params.triwulan, sha256) };
    },
  );

  app.get(
    '/budget/iku/:ikuId/:tahun/:triwulan/bukti/:sha256',
    { config: { action: BudgetActions['budget.read'] }, schema: { tags: ['budget'], summary: "A quarter's IKU evidence file", params: ZIkuQuarter.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (request, reply) => {
      const { sha256, ...key } = request.params;
      const file = await findIkuEvidence(request.ctx, pemdaOf(request.actor), key, sha256);
      return reply
        .type(file.mime)
        .header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', `inline; filename="${file.originalName}"`)
        .send(unsafeOpenStoredFile(app.deps.config.filesDir, file.sha256));
    },
  );

  app.get(
    '/budget/import/template/:file',
    { config: { action: BudgetActions['budget.plan.manage'] }, schema: { tags: ['budget'], summary: 'APBD import template (layout in docs/budget-import.md)', params: z.object({ file: z.enum(['apbd.xlsx', 'apbd.csv']) }) } },
    async (request, reply) => {
      reply.header('Content-Disposition', `attachment; filename="template-${request.params.file}"`);
      if (request.params.file === 'apbd.csv') return reply.type('text/csv; charset=utf-8').send(buildBudgetTemplateCsv());
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await buildBudgetTemplateXlsx());
    },
  );

  app.post(
    '/budget/import',
    {
      config: { action: BudgetActions['budget.plan.manage'] },
      schema: {
        tags: ['budget'],
        summary: 'Import APBD structure, cash/physical plan and optionally realisation from XLSX/CSV (multipart field "file"); dryRun=true previews',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        consumes: ['multipart/form-data'],
        response: { 200: ZBudgetImportResult },
      },
    },
    async (request) => {
      const pemdaId = pemdaOf(request.actor);
      if (!request.isMultipart()) throw new AppError(BudgetErrors.BUDGET_IMPORT_FILE_MISSING);
      const file = await request.file();
      if (!file) throw new AppError(BudgetErrors.BUDGET_IMPORT_FILE_MISSING);
      return runBudgetImport(request.ctx, app.deps.database, { pemdaId, buffer: await file.toBuffer(), filename: file.filename, dryRun: request.query.dryRun === 'true' });
    },
  );

  app.get(
    '/budget/export/:report/:format',
    {
      config: { action: BudgetActions['budget.pemda.read'] },
      schema: { tags: ['budget'], summary: 'Export the overview, revenue or alignment report as XLSX or PDF', params: z.object({ report: z.enum(['overview', 'revenue', 'alignment']), format: ZFormat }), querystring: ZQuery },
    },
    async (request, reply) => {
      const pemdaId = pemdaOf(request.actor);
      const name = await pemdaName(request.ctx, pemdaId);
      const lang = request.lang;
      const { report, format } = request.params;
      const table =
        report === 'overview'
          ? overviewTable(await getOverview(request.ctx, pemdaId, request.query), name, lang)
          : report === 'revenue'
            ? revenueTable(await getRevenue(request.ctx, pemdaId, request.query), name, lang)
            : alignmentTable(await getAlignment(request.ctx, pemdaId, request.query.tahun), lang);
      return send(reply, table, format, `${report}-${request.query.tahun ?? 'terkini'}`, name);
    },
  );

  app.get(
    '/budget/opd/:opdId/export',
    { config: { action: BudgetActions['budget.read'] }, schema: { tags: ['budget'], summary: "Export one OPD's budget page as XLSX or PDF (?format=xlsx|pdf)", params: ZOpdParams, querystring: ZQuery.extend({ format: ZFormat.default('xlsx') }) } },
    async (request, reply) => {
      const pemdaId = pemdaOf(request.actor);
      const data = await getOpdBudget(request.ctx, pemdaId, request.params.opdId, request.query);
      return send(reply, opdTable(data, request.lang), request.query.format, `anggaran-${data.summary.opdCode}-${data.tahun}`, await pemdaName(request.ctx, pemdaId));
    },
  );

  app.get(
    '/budget/postponements/:postponementId/export/:format',
    { config: { action: BudgetActions['budget.pemda.read'] }, schema: { tags: ['budget'], summary: 'Export a postponement proposal or decision as XLSX or PDF', params: z.object({ postponementId: z.uuid(), format: ZFormat }) } },
    async (request, reply) => {
      const pemdaId = pemdaOf(request.actor);
      const data = await getPostponement(request.ctx, pemdaId, request.params.postponementId);
      return send(reply, postponementTable(data, request.lang), request.params.format, `penundaan-${data.tahun}`, await pemdaName(request.ctx, pemdaId));
    },
  );
};
