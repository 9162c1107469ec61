import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBudgetSettings, ZPadKelompok, ZIkuRealisasiRequest, ZIkuRow, ZPadRealisasiRequest, ZPadTargetRequest, ZRealisasiRequest, ZRpjmd, ZRpjmdInput, ZSubKegiatanDetail, ZSubKegiatanUpdate } from '../../../contracts/budget';
import { ZOk, ZPlainText } from '../../../contracts/common';
import { BudgetActions } from './policy';
import { pemdaOf, ZSubParams } from './routes-read';
import { recordRealisasi, updateSubKegiatan } from './service-apbd';
import { recordIkuRealisasi } from './service-plan';
import { putRpjmd } from './service-rpjmd';
import { recordPadRealisasi, setPadTarget, upsertPadSource } from './service-revenue';
import { getSettings, putSettings } from './service-shortfall';

const ZBulan = z.coerce.number().int().min(1).max(12);
const ZTahunParam = z.coerce.number().int().min(2000).max(2100);

/** Entering realisation, revenue, IKU evidence, the RPJMD and the shortfall settings. */
export const budgetWriteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/budget/sub-kegiatan/:subKegiatanId/realisasi/:bulan',
    {
      config: { action: BudgetActions['budget.realisasi.write'] },
      schema: { tags: ['budget'], summary: "Record a month's SP2D total and cumulative physical progress (own OPD)", params: ZSubParams.extend({ bulan: ZBulan }), body: ZRealisasiRequest, response: { 200: ZSubKegiatanDetail } },
    },
    async (request) => recordRealisasi(request.ctx, pemdaOf(request.actor), request.params.subKegiatanId, request.params.bulan, request.body),
  );

  app.patch(
    '/budget/sub-kegiatan/:subKegiatanId',
    {
      config: { action: BudgetActions['budget.plan.manage'] },
      schema: { tags: ['budget'], summary: 'Classify a sub-kegiatan: physical, urgent, protected, contract status, RPJMD target', params: ZSubParams, body: ZSubKegiatanUpdate, response: { 200: ZSubKegiatanDetail } },
    },
    async (request) => updateSubKegiatan(request.ctx, pemdaOf(request.actor), request.params.subKegiatanId, request.body),
  );

  app.post(
    '/budget/revenue/sources',
    {
      config: { action: BudgetActions['budget.revenue.write'] },
      schema: {
        tags: ['budget'],
        summary: 'Add or rename a PAD source (code 4.1.xx.xx is the key)',
        body: z.object({ kode: z.string().trim().regex(/^4\.1\.0[1-4](\.\d{2}){0,3}$/, 'kode rekening PAD 4.1.0x[.xx]'), nama: ZPlainText(200), kelompok: ZPadKelompok }).strict(),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => upsertPadSource(request.ctx, pemdaOf(request.actor), request.body),
  );

  const ZSource = z.object({ sourceId: z.uuid(), tahun: ZTahunParam });
  app.put(
    '/budget/revenue/:sourceId/:tahun/target',
    { config: { action: BudgetActions['budget.revenue.write'] }, schema: { tags: ['budget'], summary: 'Set the yearly PAD target of a source (APBD and revised)', params: ZSource, body: ZPadTargetRequest, response: { 200: ZOk } } },
    async (request) => {
      await setPadTarget(request.ctx, pemdaOf(request.actor), { sourceId: request.params.sourceId, tahun: request.params.tahun, ...request.body });
      return { ok: true as const };
    },
  );

  app.put(
    '/budget/revenue/:sourceId/:tahun/:bulan',
    { config: { action: BudgetActions['budget.revenue.write'] }, schema: { tags: ['budget'], summary: "Record a source's PAD realisation for a month", params: ZSource.extend({ bulan: ZBulan }), body: ZPadRealisasiRequest, response: { 200: ZOk } } },
    async (request) => {
      await recordPadRealisasi(request.ctx, pemdaOf(request.actor), { sourceId: request.params.sourceId, tahun: request.params.tahun, bulan: request.params.bulan, jumlah: request.body.jumlah });
      return { ok: true as const };
    },
  );

  app.put(
    '/budget/iku/:ikuId/:tahun/:triwulan',
    {
      config: { action: BudgetActions['budget.iku.write'] },
      schema: { tags: ['budget'], summary: 'Record an IKU value for a quarter with its evidence', params: z.object({ ikuId: z.uuid(), tahun: ZTahunParam, triwulan: z.coerce.number().int().min(1).max(4) }), body: ZIkuRealisasiRequest, response: { 200: ZIkuRow } },
    },
    async (request) => recordIkuRealisasi(request.ctx, pemdaOf(request.actor), { ikuId: request.params.ikuId, tahun: request.params.tahun, triwulan: request.params.triwulan, ...request.body }),
  );

  app.put(
    '/budget/rpjmd',
    { config: { action: BudgetActions['budget.plan.manage'] }, schema: { tags: ['budget'], summary: 'Enter or correct the RPJMD cascade (codes are keys; idempotent); with prune the body is the whole cascade and nodes left out are removed, unless in use (409)', body: ZRpjmdInput, response: { 200: ZRpjmd } } },
    async (request) => putRpjmd(request.ctx, pemdaOf(request.actor), request.body),
  );

  app.get(
    '/budget/settings',
    { config: { action: BudgetActions['budget.pemda.read'] }, schema: { tags: ['budget'], summary: 'Shortfall rule settings: threshold and ordering criteria', response: { 200: ZBudgetSettings } } },
    async (request) => getSettings(request.ctx, pemdaOf(request.actor)),
  );

  app.put(
    '/budget/settings',
    { config: { action: BudgetActions['budget.plan.manage'] }, schema: { tags: ['budget'], summary: 'Change the shortfall threshold and ordering criteria', body: ZBudgetSettings, response: { 200: ZBudgetSettings } } },
    async (request) => putSettings(request.ctx, pemdaOf(request.actor), request.body),
  );
};
