import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { budgetFileRoutes } from './routes-files';
import { budgetReadRoutes } from './routes-read';
import { budgetShortfallRoutes } from './routes-shortfall';
import { budgetWriteRoutes } from './routes-write';

export const budgetRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(budgetReadRoutes);
  await app.register(budgetWriteRoutes);
  await app.register(budgetShortfallRoutes);
  await app.register(budgetFileRoutes);
};
