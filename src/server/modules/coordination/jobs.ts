import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { dailyInEachTimeZone, type ScheduledJobDef } from '../../platform/jobs';
import { notify } from '../../platform/notifications';
import { coordinationSettings, OPEN_STATUSES, overdueCutoff } from './common';
import { computeSilence } from './inbox';
import { CoordinationNotifications } from './notification-kinds';

/**
 * Scheduled work of the coordination module. Each job is claimed once per run across server processes
 * (platform/jobs.ts) and is idempotent: notices and reminders are recorded, so a rerun sends nothing twice.
 */
async function pemdaIds(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('pemda').select('id').execute()).map((row) => row.id);
}

/** Seed 000: the head of a silent OPD is told once per silence spell. */
export async function notifySilentOpds(ctx: Ctx, pemdaId: string, now = new Date()): Promise<number> {
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const settings = await coordinationSettings(ctx.db, pemdaId);
  const rows = (await computeSilence(ctx.db, pemdaId, calendar, { silenceDays: settings.silenceDays, now })).filter((row) => row.silent);
  let notified = 0;
  for (const row of rows) {
    await inTransaction(ctx, async (tx) => {
      const claimed = await tx.db
        .insertInto('coord_silence_notice')
        .values({ pemda_id: pemdaId, opd_id: row.opdId, spell_start: row.spellStart, days_silent: row.daysSilent })
        .onConflict((oc) => oc.columns(['pemda_id', 'opd_id', 'spell_start']).doNothing())
        .returning('opd_id')
        .executeTakeFirst();
      if (!claimed) return;
      await notify(tx, {
        pemdaId,
        recipients: { opdHeadOf: row.opdId },
        kind: CoordinationNotifications['coordination.silent_opd'],
        title: { id: `${row.opdName} belum melapor selama ${row.daysSilent} hari`, en: `${row.opdName} has not reported for ${row.daysSilent} days` },
        body: {
          id: 'Kirim laporan berkala atau laporan tindak lanjut arahan. Pimpinan menganggap tidak ada masalah bila OPD tidak pernah melapor, padahal kenyataannya berbeda.',
          en: 'Send a periodic report or a follow-up on your directives. Leadership cannot help with problems it never hears about.',
        },
        link: `/koordinasi/opd/${row.opdId}`,
      });
      await writeAudit(tx, { pemdaId, action: 'coordination.silence_notified', entityType: 'opd', entityId: row.opdId, detail: { daysSilent: row.daysSilent, overdue: row.overdueCount } });
      notified += 1;
    });
  }
  return notified;
}

/** Due-soon (due today or the next working day) and overdue reminders to the OPD, each sent once. */
export async function sendReminders(ctx: Ctx, pemdaId: string): Promise<number> {
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const today = calendar.today();
  const soon = calendar.addWorkingDays(today, 1);
  const cutoff = overdueCutoff(calendar, today);
  const rows = await ctx.db
    .selectFrom('coord_assignment as a')
    .innerJoin('coord_directive as d', (join) => join.onRef('d.pemda_id', '=', 'a.pemda_id').onRef('d.id', '=', 'a.directive_id'))
    .select(['a.directive_id', 'a.opd_id', 'a.due_date', 'd.number'])
    .where('a.pemda_id', '=', pemdaId)
    .where('a.status', 'in', OPEN_STATUSES)
    .where('a.due_date', '<=', soon)
    .limit(5000)
    .execute();
  let sent = 0;
  for (const row of rows) {
    const kind = row.due_date < cutoff ? ('overdue' as const) : ('due_soon' as const);
    const claimed = await inTransaction(ctx, async (tx) => {
      const fresh = await tx.db
        .insertInto('coord_reminder')
        .values({ pemda_id: pemdaId, directive_id: row.directive_id, opd_id: row.opd_id, kind })
        .onConflict((oc) => oc.doNothing())
        .returning('kind')
        .executeTakeFirst();
      if (!fresh) return false;
      const users = await tx.db.selectFrom('app_user').select('id').where('pemda_id', '=', pemdaId).where('opd_id', '=', row.opd_id).where('role', 'in', ['kepala_opd', 'operator_opd']).where('active', '=', true).execute();
      await notify(tx, {
        pemdaId,
        recipients: users.map((u) => u.id),
        kind: CoordinationNotifications['coordination.reminder'],
        title: kind === 'overdue' ? { id: `Arahan ${row.number} lewat tenggat`, en: `Directive ${row.number} is overdue` } : { id: `Arahan ${row.number} jatuh tempo ${row.due_date}`, en: `Directive ${row.number} is due on ${row.due_date}` },
        body: { id: 'Laporkan tindak lanjutnya di Pamong.', en: 'Report its follow-up in Pamong.' },
        link: `/koordinasi/arahan/${row.directive_id}`,
      });
      await writeAudit(tx, { pemdaId, action: 'coordination.reminder_sent', entityType: 'coord_assignment', entityId: `${row.directive_id}:${row.opd_id}`, detail: { kind } });
      return true;
    });
    if (claimed) sent += 1;
  }
  return sent;
}

/** The leader's daily digest: overdue, obstacles, completions to accept, silent OPDs. */
export async function sendDailyDigest(ctx: Ctx, pemdaId: string): Promise<number> {
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const settings = await coordinationSettings(ctx.db, pemdaId);
  const cutoff = overdueCutoff(calendar, calendar.today());
  const counts = await ctx.db
    .selectFrom('coord_assignment')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere((w) => w.and([w('status', 'in', OPEN_STATUSES), w('due_date', '<', cutoff)])).as('overdue'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'terkendala').as('obstacles'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'selesai').as('awaiting'),
    ])
    .where('pemda_id', '=', pemdaId)
    .executeTakeFirstOrThrow();
  const silent = (await computeSilence(ctx.db, pemdaId, calendar, { silenceDays: settings.silenceDays })).filter((row) => row.silent).length;
  const [overdue, obstacles, awaiting] = [Number(counts.overdue), Number(counts.obstacles), Number(counts.awaiting)];
  if (overdue + obstacles + awaiting + silent === 0) return 0;
  return inTransaction(ctx, async (tx) => {
    const users = await notify(tx, {
      pemdaId,
      recipients: { role: ['kepala_daerah', 'sekda'] },
      kind: CoordinationNotifications['coordination.daily_digest'],
      title: { id: `Ringkasan koordinasi ${calendar.today()}`, en: `Coordination digest ${calendar.today()}` },
      body: {
        id: `${overdue} tindak lanjut lewat tenggat, ${obstacles} kendala menunggu keputusan, ${awaiting} laporan selesai menunggu diterima, ${silent} OPD diam.`,
        en: `${overdue} follow-ups overdue, ${obstacles} obstacles waiting for a decision, ${awaiting} completions to accept, ${silent} silent OPDs.`,
      },
      link: '/koordinasi',
    });
    await writeAudit(tx, { pemdaId, action: 'coordination.digest_sent', entityType: 'pemda', entityId: pemdaId, detail: { overdue, obstacles, awaiting, silent, recipients: users.length } });
    return users.length;
  });
}

const forEveryPemda = (work: (ctx: Ctx, pemdaId: string) => Promise<unknown>) => async (ctx: Ctx) => {
  for (const pemdaId of await pemdaIds(ctx.db)) await work(ctx, pemdaId);
};

const forEach = (work: (ctx: Ctx, pemdaId: string) => Promise<unknown>) => async (ctx: Ctx, _env: unknown, ids: string[]) => {
  for (const pemdaId of ids) await work(ctx, pemdaId);
};

export const COORDINATION_JOBS: ScheduledJobDef[] = [
  { name: 'coordination.silence_watch', schedule: { everyMinutes: 60 }, run: forEveryPemda((ctx, pemdaId) => notifySilentOpds(ctx, pemdaId)) },
  // At these times on each Pemda's own clock (WIB, WITA or WIT).
  ...dailyInEachTimeZone('coordination.reminders', '07:00', forEach(sendReminders)),
  ...dailyInEachTimeZone('coordination.daily_digest', '06:30', forEach(sendDailyDigest)),
];
