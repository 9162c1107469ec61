import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Database } from '../db/connect';
import type { FlagSource, MetricDef } from '../platform/metrics';
import type { ScheduledJobDef } from '../platform/jobs';
import { attendanceModule } from './attendance/module';
import { auditModule } from './audit/module';
import { authModule } from './auth/module';
import { budgetModule } from './budget/module';
import { calendarModule } from './calendar/module';
import { complaintsModule, open311Module } from './complaints/module';
import { coordinationModule } from './coordination/module';
import { ckanModule, indicatorsModule } from './indicators/module';
import { importModule } from './org/import/module';
import { neutralityModule } from './neutrality/module';
import { notificationsModule } from './notifications/module';
import { orgModule } from './org/module';
import { staffingModule } from './staffing/module';
import { systemModule } from './system/module';

export interface DemoSeedContext {
  db: Kysely<DB>;
  /** The same database with COPY (`transactionWithCopy`), for seeders that load many rows. */
  database?: Database;
  pemdaId: string;
  pegawaiCount: number;
  /** Deterministic random source shared by the seeders. */
  random: () => number;
  log: (message: string) => void;
  /** The demo's clock (the real time unless a test pins it): history is laid out up to this instant. */
  now?: Date;
}

/** Everything a domain module plugs into the house, declared in one object. */
export interface PamongModule {
  name: string;
  routes?: FastifyPluginAsyncZod;
  /** Defaults to /api/v1. */
  prefix?: string;
  metrics?: MetricDef[];
  flags?: FlagSource[];
  jobs?: ScheduledJobDef[];
  /** Extends the demo Pemda; runs after the organisation is seeded, in module order. */
  seedDemo?: (seed: DemoSeedContext) => Promise<void>;
  /** Runs once every module has seeded: links between modules' demo data (e.g. an intervention to its budget line). */
  linkDemo?: (seed: DemoSeedContext) => Promise<void>;
}

export const MODULES: PamongModule[] = [systemModule, authModule, orgModule, importModule, auditModule, calendarModule, notificationsModule, coordinationModule, indicatorsModule, ckanModule, budgetModule, neutralityModule, staffingModule, complaintsModule, open311Module, attendanceModule];

export const ALL_METRICS = (): MetricDef[] => MODULES.flatMap((m) => m.metrics ?? []);
export const ALL_FLAGS = (): FlagSource[] => MODULES.flatMap((m) => m.flags ?? []);
export const ALL_JOBS = (): ScheduledJobDef[] => MODULES.flatMap((m) => m.jobs ?? []);
