import path from 'node:path';
import { z } from 'zod';

/**
 * Environment parsed once at start-up into a typed object. Problems are listed together so an operator fixes
 * them in one go instead of one restart per typo.
 */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PAMONG_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  PAMONG_PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(16).max(8192).optional(),
  PAMONG_ADMIN_EMAIL: z.string().email().optional(),
  PAMONG_ADMIN_PASSWORD: z.string().min(10).optional(),
  PAMONG_PUBLIC_URL: z.string().url().optional(),
  PAMONG_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  PAMONG_SECRET_KEY_FILE: z.string().optional(),
  PAMONG_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PAMONG_SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  PAMONG_DEMO_PEGAWAI: z.coerce.number().int().min(0).max(200000).default(4000),
  PAMONG_JOBS: z.enum(['on', 'off']).default('on'),
  PAMONG_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SMTP_URL: z.string().optional(),
  PAMONG_MAIL_FROM: z.string().default('Pamong <no-reply@pamong.local>'),
  NODE_ENV: z.string().default('development'),
});

export type DatabaseKind = 'pglite' | 'postgres';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseKind: DatabaseKind;
  /** PGlite's buffer pool (the embedded database only); undefined: the default in db/connect.ts. */
  pgliteSharedBuffersMb: number | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  publicUrl: string | undefined;
  secureCookies: 'auto' | 'true' | 'false';
  secretKeyFile: string;
  filesDir: string;
  logLevel: z.infer<typeof ZEnv>['PAMONG_LOG_LEVEL'];
  seedDemo: 'auto' | 'true' | 'false';
  demoPegawai: number;
  jobs: boolean;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  production: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.PAMONG_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseKind: e.DATABASE_URL ? 'postgres' : 'pglite',
    pgliteSharedBuffersMb: e.PAMONG_PGLITE_SHARED_BUFFERS_MB,
    adminEmail: e.PAMONG_ADMIN_EMAIL,
    adminPassword: e.PAMONG_ADMIN_PASSWORD,
    publicUrl: e.PAMONG_PUBLIC_URL,
    secureCookies: e.PAMONG_SECURE_COOKIES,
    secretKeyFile: e.PAMONG_SECRET_KEY_FILE ?? path.join(dataDir, 'secret.key'),
    filesDir: path.join(dataDir, 'files'),
    logLevel: e.PAMONG_LOG_LEVEL,
    seedDemo: e.PAMONG_SEED_DEMO,
    demoPegawai: e.PAMONG_DEMO_PEGAWAI,
    jobs: e.PAMONG_JOBS === 'on',
    trustProxy: e.PAMONG_TRUST_PROXY === 'true',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.PAMONG_MAIL_FROM,
    production: e.NODE_ENV === 'production',
  };
}
