import { sql } from 'kysely';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { createUserSession } from '../src/server/modules/auth/session';
import { hashPassword } from '../src/server/modules/auth/password';
import { SecretBox } from '../src/server/platform/secrets';
import { seedDemoOrganisation } from '../src/server/seed/demo';
import { benchDatabase } from './support';
import { percentile, timeMany, type Bench, type BenchResult } from './types';

const PEGAWAI = 50_000;
const SAMPLES = 400;

/**
 * Pegawai search at 50,000 pegawai through the real HTTP route (session lookup, validation, query, presenter,
 * serialisation), with what people type: name fragments, whole names, NIP prefixes and whole NIPs. The baseline
 * is GET /api/v1/health (one trivial query) in the same process on the same database.
 */
const bench: Bench = {
  name: 'org.search',
  async run(ctx) {
    const results: BenchResult[] = [];
    for (const kind of ctx.databases) {
      const database = await benchDatabase(kind, ctx.postgresUrl);
      try {
        const pemdaId = await seedDemoOrganisation(database, { pegawaiCount: PEGAWAI, log: () => undefined });
        await sql`ANALYZE`.execute(database.db);
        const user = await database.db
          .insertInto('app_user')
          .values({ pemda_id: pemdaId, email: 'bench@pamong.test', name: 'Bench', password_hash: await hashPassword('bench-password-1'), role: 'bkpsdm', opd_id: null, pegawai_id: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        const cookie = `pamong_session=${await createUserSession(database.db, pemdaId, user.id, 'full')}`;
        const app = await buildApp({ config: loadConfig({ PAMONG_LOG_LEVEL: 'silent' }), database, secrets: SecretBox.ephemeral(), logger: false });
        const sample = await database.db.selectFrom('pegawai').select(['name', 'nip']).where('pemda_id', '=', pemdaId).orderBy('id').limit(200).execute();
        const queries = sample.flatMap((p) => {
          const words = p.name.split(/\s+/);
          return [words[0] ?? p.name, p.name, words[words.length - 1]?.slice(0, 4) ?? p.name, p.nip?.slice(0, 8) ?? p.name, p.nip ?? p.name];
        });
        const search = (i: number) => app.inject({ method: 'GET', url: `/api/v1/pegawai?q=${encodeURIComponent(queries[i % queries.length] as string)}&limit=25`, headers: { cookie } });
        await timeMany(50, search); // warm-up
        const searchMs = await timeMany(SAMPLES, search);
        const health = () => app.inject({ method: 'GET', url: '/api/v1/health' });
        await timeMany(50, health);
        const healthMs = await timeMany(SAMPLES, health);
        const p50 = percentile(searchMs, 50);
        const p95 = percentile(searchMs, 95);
        const base95 = percentile(healthMs, 95);
        results.push({ name: `org.search.pegawai_50k.p50.${kind}`, value: p50, unit: 'ms', baseline: percentile(healthMs, 50), ratio: p50 / percentile(healthMs, 50) });
        results.push({ name: `org.search.pegawai_50k.p95.${kind}`, value: p95, unit: 'ms', baseline: base95, ratio: p95 / base95, target: kind === 'postgres' ? 'p95 <= 20 ms' : undefined });
        await app.close();
      } finally {
        await database.drop();
      }
    }
    return results;
  },
};
export default bench;
