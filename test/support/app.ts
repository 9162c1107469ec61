import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { SecretBox } from '../../src/server/platform/secrets';
import { createTestDatabase, type TestDatabase } from './db';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  secrets: SecretBox;
  config: Config;
  request(options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** `env` adds environment settings for this app only (e.g. PAMONG_PUBLIC_URL). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const secrets = SecretBox.ephemeral();
  const config = { ...loadConfig({ PAMONG_DATA_DIR: '.tmp/test-data', PAMONG_LOG_LEVEL: 'silent', ...env }), databaseKind: database.kind };
  const app = await buildApp({ config, database, secrets, logger: false });
  await app.ready();
  return {
    app,
    database,
    secrets,
    config,
    request({ cookie, headers, ...options }) {
      return app.inject({ ...options, headers: { ...(headers ?? {}), ...(cookie ? { cookie: `pamong_session=${cookie}` } : {}) } });
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** The session cookie value a sign-in response set (for `request({ cookie })`). */
export function sessionCookieOf(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  const line = Array.isArray(raw) ? raw[0] : String(raw);
  return /pamong_session=([^;]+)/.exec(line)?.[1] ?? '';
}
