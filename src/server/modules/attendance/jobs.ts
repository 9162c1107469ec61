import type { CopyFn } from '../../db/connect';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context';
import { addDays, loadCalendar } from '../../platform/calendar';
import { dailyInEachTimeZone, type JobEnv, type ScheduledJobDef } from '../../platform/jobs';
import { recomputeAndEvaluate } from './admin';
import { evaluateDiscipline } from './discipline';
import { recomputeDays } from './status';

/**
 * Nightly: yesterday's status for every pegawai of every Pemda (so days without any event become TK), then the
 * dirty days left by check-ins and imports, then the discipline ledger. With the process's database handle the
 * days are written by COPY on the transaction (the bulk path; the same rows as the upsert, tested).
 */
export async function runDailyStatus(ctx: Ctx, env: JobEnv, today?: (pemdaToday: string) => string, pemdaIds?: string[]): Promise<void> {
  const inBulk = <T>(fn: (tx: TxCtx, copy: CopyFn | undefined) => Promise<T>): Promise<T> =>
    env.database ? env.database.transactionWithCopy((trx, copy) => fn({ ...ctx, db: trx }, copy)) : inTransaction(ctx, (tx) => fn(tx, undefined));
  const pemdas = pemdaIds ? pemdaIds.map((id) => ({ id })) : await ctx.db.selectFrom('pemda').select('id').execute();
  for (const pemda of pemdas) {
    const calendar = await loadCalendar(ctx.db, pemda.id);
    const day = today ? today(calendar.today()) : calendar.today();
    const yesterday = addDays(day, -1);
    await inBulk(async (tx, copy) => {
      const result = await recomputeDays(tx.db, pemda.id, { from: yesterday, to: yesterday, today: day }, { copy });
      await evaluateDiscipline(tx, pemda.id, result.touched, day);
    });
    await inBulk((tx, copy) => recomputeAndEvaluate(tx, pemda.id, day, { copy }));
  }
}

// 01:30 on each Pemda's own clock: its yesterday is over everywhere in the Pemda.
export const ATTENDANCE_JOBS: ScheduledJobDef[] = dailyInEachTimeZone('attendance.daily_status', '01:30', (ctx, env, ids) => runDailyStatus(ctx, env, undefined, ids));
