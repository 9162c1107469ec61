import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/http/context';
import { runDailyStatus } from '../../src/server/modules/attendance/jobs';
import { Scheduler, type JobEnv } from '../../src/server/platform/jobs';
import { buildOpd, buildPegawai, buildPemda } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

/**
 * The nightly attendance job: yesterday for everybody (no event = TK), the dirty days of a late import, and the
 * same rows whether it writes by COPY (the server hands it the database) or by upsert. 'Today' is pinned to
 * Thursday 16 January 2025; the 15th and the 13th are working days (07:30–16:00).
 */
let t: TestApp;
let pemda: { id: string };
let people: Array<{ id: string }>;
const TODAY = '2025-01-16';

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
  const opd = await buildOpd(t.database.db, pemda.id);
  people = [];
  for (let i = 0; i < 3; i += 1) people.push(await buildPegawai(t.database.db, pemda.id, opd.id));
  const device = await t.database.db.insertInto('att_device').values({ pemda_id: pemda.id, code: 'j1', name: 'Jobs', kind: 'zkteco', opd_id: null, serial_number: null, column_map: null }).returning('id').executeTakeFirstOrThrow();
  const [a, , c] = people as [{ id: string }, { id: string }, { id: string }];
  const events: Array<[string, string, number]> = [
    [a.id, '2025-01-15 07:20:00', 0], [a.id, '2025-01-15 16:10:00', 1],
    // A late import for c on Monday the 13th: 40 minutes late (TL2), marked dirty as the importer does.
    [c.id, '2025-01-13 08:10:00', 0], [c.id, '2025-01-13 16:05:00', 1],
  ];
  let n = 0;
  for (const [pegawaiId, at, state] of events) {
    n += 1;
    await t.database.db.insertInto('att_event').values({ pemda_id: pemda.id, device_id: device.id, pin: String(n), at, state, verify: 1, workcode: '0', pegawai_id: pegawaiId, import_id: null, mode: null, lat: null, lng: null, accuracy_m: null }).execute();
  }
});
afterAll(async () => t?.close());

async function snapshot() {
  return (await sql<Record<string, unknown>>`
    SELECT pegawai_id, date, status, check_in, check_out, late_minutes, tl, psw, reason
    FROM att_day WHERE pemda_id = ${pemda.id} ORDER BY pegawai_id, date`.execute(t.database.db)).rows;
}

async function markDirty() {
  await sql`INSERT INTO att_dirty (pemda_id, pegawai_id, date) VALUES (${pemda.id}, ${(people[2] as { id: string }).id}, '2025-01-13') ON CONFLICT DO NOTHING`.execute(t.database.db);
}

describe('nightly attendance job', () => {
  it('computes yesterday for everybody and the dirty days, the same by COPY as by upsert', async () => {
    await markDirty();
    await runDailyStatus(systemCtx(t.database.db, 'job:test'), {}, () => TODAY);
    const upserted = await snapshot();
    const [a, b, c] = people as [{ id: string }, { id: string }, { id: string }];
    const byKey = new Map(upserted.map((r) => [`${r.pegawai_id as string}|${r.date as string}`, r]));
    expect(byKey.get(`${a.id}|2025-01-15`)).toMatchObject({ status: 'hadir', check_in: '07:20', check_out: '16:10', tl: 0 });
    expect(byKey.get(`${b.id}|2025-01-15`)).toMatchObject({ status: 'tk' });
    expect(byKey.get(`${c.id}|2025-01-13`)).toMatchObject({ status: 'hadir', late_minutes: 40, tl: 2 });
    const dirty = await t.database.db.selectFrom('att_dirty').select('date').where('pemda_id', '=', pemda.id).execute();
    expect(dirty).toEqual([]);

    await t.database.db.deleteFrom('att_day').where('pemda_id', '=', pemda.id).execute();
    await markDirty();
    await runDailyStatus(systemCtx(t.database.db, 'job:test'), { database: t.database }, () => TODAY);
    expect(await snapshot()).toEqual(upserted);
  });

  it('the scheduler hands its environment to the job', async () => {
    let seen: JobEnv | undefined;
    const scheduler = new Scheduler(t.database.db, [{ name: `test.env.${Date.now()}`, schedule: { everyMinutes: 1 }, run: async (_ctx, env) => { seen = env; } }], undefined, { database: t.database });
    const start = new Date('2025-01-16T00:00:00Z');
    await scheduler.register(start);
    expect(await scheduler.runDue(new Date(start.getTime() + 120_000))).toHaveLength(1);
    expect(seen?.database).toBe(t.database);
  });
});
