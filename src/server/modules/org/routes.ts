import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { opdRoutes } from './routes-opd';
import { pemdaRoutes } from './routes-pemda';
import { staffRoutes } from './routes-staff';

/** Organisation API, one file per resource: Pemda/platform/wilayah, OPD/units, jabatan/pegawai/appointments. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(pemdaRoutes);
  await app.register(opdRoutes);
  await app.register(staffRoutes);
};
