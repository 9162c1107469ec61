import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/connect';
import type { DB } from '../db/schema';
import { systemCtx, type Ctx } from '../http/context';
import { UTC_OFFSET_HOURS } from './calendar';

/**
 * Scheduled jobs as data. A run is claimed by one atomic UPDATE that moves next_run_at forward only if it is due,
 * so among several server processes on one PostgreSQL exactly one wins each run (the others' UPDATE re-checks
 * the condition after the winner commits and matches nothing). The same code runs in-process on PGlite.
 */
export interface ScheduledJobDef {
  name: string;
  /** Either an interval or a daily time of day (HH:MM, in WIB unless the job says otherwise). */
  schedule: { everyMinutes: number } | { dailyAt: string; utcOffsetHours?: number };
  run(ctx: Ctx, env: JobEnv): Promise<void>;
}

/** What a job may use besides its context: the database handle for bulk work (COPY), when the process has one. */
export interface JobEnv {
  database?: Database;
}

/**
 * A daily job at a local time of day in every Pemda: one scheduled job per time zone (WIB, WITA, WIT), each for
 * the Pemdas of its zone, so a digest meant for 06:30 reaches a Pemda in Jayapura at 06:30 its time, not 08:30.
 */
export function dailyInEachTimeZone(name: string, dailyAt: string, run: (ctx: Ctx, env: JobEnv, pemdaIds: string[]) => Promise<void>): ScheduledJobDef[] {
  return Object.entries(UTC_OFFSET_HOURS).map(([timezone, utcOffsetHours]) => ({
    name: `${name}@${timezone}`,
    schedule: { dailyAt, utcOffsetHours },
    async run(ctx, env) {
      const ids = (await ctx.db.selectFrom('pemda').select('id').where('timezone', '=', timezone).orderBy('id').execute()).map((row) => row.id);
      if (ids.length > 0) await run(ctx, env, ids);
    },
  }));
}

export function nextRunAfter(schedule: ScheduledJobDef['schedule'], from: Date): Date {
  if ('everyMinutes' in schedule) return new Date(from.getTime() + schedule.everyMinutes * 60_000);
  const [hh, mm] = schedule.dailyAt.split(':').map(Number);
  const offset = schedule.utcOffsetHours ?? 7;
  const candidate = new Date(from);
  candidate.setUTCHours((hh ?? 0) - offset, mm ?? 0, 0, 0);
  while (candidate <= from) candidate.setUTCDate(candidate.getUTCDate() + 1);
  return candidate;
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly jobs: ScheduledJobDef[],
    private readonly log: (message: string, error?: unknown) => void = () => undefined,
    private readonly env: JobEnv = {},
  ) {}

  async register(now = new Date()): Promise<void> {
    for (const job of this.jobs) {
      await this.db
        .insertInto('scheduled_job')
        .values({ name: job.name, next_run_at: nextRunAfter(job.schedule, now) })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
  }

  /** Claims and runs every due job once; returns the names this process ran. */
  async runDue(now = new Date()): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      const claimed = await this.db
        .updateTable('scheduled_job')
        .set({ next_run_at: nextRunAfter(job.schedule, now), last_started_at: now, run_count: sql`run_count + 1` })
        .where('name', '=', job.name)
        .where('next_run_at', '<=', now)
        .returning('name')
        .executeTakeFirst();
      if (!claimed) continue;
      ran.push(job.name);
      let status = 'ok';
      let error: string | null = null;
      try {
        await job.run(systemCtx(this.db, `job:${job.name}`), this.env);
      } catch (cause) {
        status = 'failed';
        error = cause instanceof Error ? cause.message : String(cause);
        this.log(`job ${job.name} failed`, cause);
      }
      await this.db
        .updateTable('scheduled_job')
        .set({ last_finished_at: new Date(), last_status: status, last_error: error })
        .where('name', '=', job.name)
        .execute();
    }
    return ran;
  }

  start(intervalMs = 30_000): void {
    const tick = async () => {
      if (this.running) return;
      this.running = true;
      try {
        await this.runDue();
      } catch (cause) {
        this.log('scheduler tick failed', cause);
      } finally {
        this.running = false;
      }
    };
    this.timer = setInterval(() => void tick(), intervalMs);
    this.timer.unref();
    void tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
