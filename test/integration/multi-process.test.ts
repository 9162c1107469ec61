import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { connectDatabase, type Database } from '../../src/server/db/connect';
import { SecretBox } from '../../src/server/platform/secrets';
import { buildPemda, buildUser, TEST_PASSWORD } from '../factories';
import { createTestDatabase, type TestDatabase } from '../support/db';

/**
 * Two server instances on one database stand for two processes behind a load balancer. On PostgreSQL each has
 * its own connection pool; on PGlite (one process by nature) they share the embedded instance.
 */
let database: TestDatabase;
let second: Database;
let appA: FastifyInstance;
let appB: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  second = database.url ? await connectDatabase({ kind: 'postgres', databaseUrl: database.url, poolSize: 3 }) : database;
  const config = loadConfig({ PAMONG_DATA_DIR: '.tmp/test-data', PAMONG_LOG_LEVEL: 'silent' });
  const secrets = SecretBox.ephemeral();
  appA = await buildApp({ config, database, secrets, logger: false });
  appB = await buildApp({ config, database: second, secrets, logger: false });
});
afterAll(async () => {
  await appA?.close();
  await appB?.close();
  if (second && second !== database) await second.close();
  await database?.drop();
});

describe('several server processes on one database', () => {
  it('share sessions: signed in on one, known on the other, signed out everywhere', async () => {
    const pemda = await buildPemda(database.db);
    const user = await buildUser(database.db, pemda.id, 'bkpsdm');
    const login = await appA.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const onB = await appB.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(onB.statusCode).toBe(200);
    expect(onB.json().email).toBe(user.email);
    expect((await appB.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect((await appA.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('share the failed-login count, so a lockout cannot be dodged by switching servers', async () => {
    const pemda = await buildPemda(database.db);
    const user = await buildUser(database.db, pemda.id, 'inspektorat');
    for (let i = 0; i < 5; i += 1) {
      const app = i % 2 === 0 ? appA : appB;
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: `salah-${i}-kata-sandi` } });
    }
    const res = await appB.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(423);
  });
});
