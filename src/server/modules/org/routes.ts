import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import './policy';

/** Organisation routes: being written (pemda, wilayah, OPD, units, jabatan, pegawai, import). */
export const orgRoutes: FastifyPluginAsyncZod = async () => {};
