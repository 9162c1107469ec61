import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZImportKind, ZImportResult } from '../../../../contracts/org';
import { isUser } from '../../../http/context';
import { AppError, CommonErrors } from '../../../http/errors';
import { OrgErrors } from '../errors';
import { OrgActions } from '../policy';
import { runImport } from './service';
import { buildTemplateCsv, buildTemplateXlsx } from './template';

const ZTemplateParams = z.object({ file: z.enum(['pegawai.xlsx', 'pegawai.csv', 'jabatan.xlsx', 'jabatan.csv']) });

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/import/template/:file',
    {
      config: { action: OrgActions['org.import'] },
      schema: { tags: ['import'], summary: 'Download the import template (layout in docs/import-layout.md)', params: ZTemplateParams },
    },
    async (request, reply) => {
      const [kind, extension] = request.params.file.split('.') as ['pegawai' | 'jabatan', 'xlsx' | 'csv'];
      reply.header('Content-Disposition', `attachment; filename="template-${request.params.file}"`);
      if (extension === 'csv') return reply.type('text/csv; charset=utf-8').send(buildTemplateCsv(kind));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await buildTemplateXlsx(kind));
    },
  );

  app.post(
    '/import/:kind',
    {
      config: { action: OrgActions['org.import'] },
      schema: {
        tags: ['import'],
        summary: 'Import positions or pegawai from one XLSX/CSV file (multipart field "file"); dryRun=true previews without saving',
        params: z.object({ kind: ZImportKind }),
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResult },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (!isUser(actor)) throw new AppError(CommonErrors.FORBIDDEN);
      if (!request.isMultipart()) throw new AppError(OrgErrors.IMPORT_FILE_MISSING);
      const file = await request.file();
      if (!file) throw new AppError(OrgErrors.IMPORT_FILE_MISSING);
      const buffer = await file.toBuffer();
      return runImport(request.ctx, app.deps.database, {
        pemdaId: actor.pemdaId,
        kind: request.params.kind,
        buffer,
        filename: file.filename,
        dryRun: request.query.dryRun === 'true',
      });
    },
  );
};
