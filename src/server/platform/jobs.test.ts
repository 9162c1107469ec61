import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db';
import { buildPemda } from '../../../test/factories';
import { dailyInEachTimeZone, nextRunAfter, Scheduler, type ScheduledJobDef } from './jobs';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe('scheduler', () => {
  it('computes daily times in WIB', () => {
    const next = nextRunAfter({ dailyAt: '06:00' }, new Date('2026-11-22T10:00:00Z'));
    expect(next.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(nextRunAfter({ everyMinutes: 15 }, new Date('2026-11-22T10:00:00Z')).toISOString()).toBe('2026-11-22T10:15:00.000Z');
  });

  it('runs a daily job at the local time of each time zone, each for the Pemdas of its zone', async () => {
    // Kota Pangkal Pinang (WIB), Kota Kupang (WITA); no Pemda in WIT: that run does nothing.
    const wib = await buildPemda(database.db, '19.71');
    const wita = await buildPemda(database.db, '53.71');
    const seen: Record<string, string[]> = {};
    const jobs = dailyInEachTimeZone('test.local', '06:30', async (_ctx, _env, ids) => {
      seen[ids.join(',')] = ids;
    });
    expect(jobs.map((j) => [j.name, j.schedule])).toEqual([
      ['test.local@Asia/Jakarta', { dailyAt: '06:30', utcOffsetHours: 7 }],
      ['test.local@Asia/Makassar', { dailyAt: '06:30', utcOffsetHours: 8 }],
      ['test.local@Asia/Jayapura', { dailyAt: '06:30', utcOffsetHours: 9 }],
    ]);
    // 06:30 WITA is 22:30 UTC the day before; 06:30 WIB an hour later.
    expect(nextRunAfter(jobs[1]!.schedule, new Date('2026-11-22T10:00:00Z')).toISOString()).toBe('2026-11-22T22:30:00.000Z');
    const ctx = { db: database.db } as Parameters<ScheduledJobDef['run']>[0];
    await jobs[0]!.run(ctx, {});
    await jobs[1]!.run(ctx, {});
    await jobs[2]!.run(ctx, {});
    expect(Object.values(seen)).toEqual([[wib.id], [wita.id]]);
  });

  it('runs a due job exactly once even when several processes race for it', async () => {
    let runs = 0;
    const job: ScheduledJobDef = {
      name: `test.race.${Date.now()}`,
      schedule: { everyMinutes: 60 },
      run: async () => {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
    };
    // Five schedulers stand for five server processes sharing the database.
    const schedulers = Array.from({ length: 5 }, () => new Scheduler(database.db, [job]));
    const start = new Date('2026-01-01T00:00:00Z');
    await schedulers[0]?.register(start);
    const due = new Date(start.getTime() + 61 * 60_000);
    const ran = await Promise.all(schedulers.map((s) => s.runDue(due)));
    expect(runs).toBe(1);
    expect(ran.flat()).toEqual([job.name]);
    const row = await database.db.selectFrom('scheduled_job').selectAll().where('name', '=', job.name).executeTakeFirstOrThrow();
    expect(row.run_count).toBe(1);
    expect(row.last_status).toBe('ok');
    // Not due again until the next hour.
    expect((await Promise.all(schedulers.map((s) => s.runDue(due)))).flat()).toEqual([]);
  });

  it('records a failing job without stopping the others', async () => {
    const failing: ScheduledJobDef = { name: `test.fail.${Date.now()}`, schedule: { everyMinutes: 1 }, run: async () => { throw new Error('boom'); } };
    let okRuns = 0;
    const fine: ScheduledJobDef = { name: `test.fine.${Date.now()}`, schedule: { everyMinutes: 1 }, run: async () => { okRuns += 1; } };
    const scheduler = new Scheduler(database.db, [failing, fine]);
    const start = new Date('2026-01-01T00:00:00Z');
    await scheduler.register(start);
    await scheduler.runDue(new Date(start.getTime() + 120_000));
    const row = await database.db.selectFrom('scheduled_job').selectAll().where('name', '=', failing.name).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ last_status: 'failed', last_error: 'boom' });
    expect(okRuns).toBe(1);
  });
});
