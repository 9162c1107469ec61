import type { ScheduledJobDef } from '../../platform/jobs';
import { inTransaction } from '../../http/context';
import { addDays, loadCalendar } from '../../platform/calendar';
import { evaluateDiscipline } from './discipline';
import { recomputeAndEvaluate } from './admin';
import { recomputeDays } from './status';

/**
 * Nightly: yesterday's status for every pegawai of every Pemda (so days without any event become TK), then the
 * dirty days left by check-ins and imports, then the discipline ledger.
 */
export const ATTENDANCE_JOBS: ScheduledJobDef[] = [
  {
    name: 'attendance.daily_status',
    schedule: { dailyAt: '01:30' },
    async run(ctx) {
      const pemdas = await ctx.db.selectFrom('pemda').select('id').execute();
      for (const pemda of pemdas) {
        const calendar = await loadCalendar(ctx.db, pemda.id);
        const yesterday = addDays(calendar.today(), -1);
        await inTransaction(ctx, async (tx) => {
          const result = await recomputeDays(tx.db, pemda.id, { from: yesterday, to: yesterday });
          await evaluateDiscipline(tx, pemda.id, result.touched);
        });
        await recomputeAndEvaluate(ctx, pemda.id);
      }
    },
  },
];
