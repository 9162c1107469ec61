import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import type { WorkingCalendar } from '../../platform/calendar';
import type { ScheduledJobDef } from '../../platform/jobs';
import type { Flag, FlagSource } from '../../platform/metrics';
import { defineNotificationKinds, notify } from '../../platform/notifications';
import { cachedCalendar } from './cache';
import type { ComplaintStatus, DeadlineStage } from './tables';

/**
 * SP4N-LAPOR! clocks (PermenPANRB 62/2018, BRIEF 4.8): verification within 3 working days, first substantive
 * follow-up within 5, resolution within 60 (per deadline class), on the Pemda's working days (platform/calendar).
 * An overdue clock escalates: a flag in the leader's inbox (GET /api/v1/flags) and a notification to the head and
 * the sekda, once per complaint and stage.
 */
export const OPEN: ComplaintStatus[] = ['received', 'verified', 'in_progress', 'followed_up'];

export interface ClockFacts {
  status: ComplaintStatus;
  verifiedAt: Date | null;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  verifyDue: string;
  respondDue: string;
  resolveDue: string;
}

export function currentStage(facts: ClockFacts): DeadlineStage | 'done' {
  if (!OPEN.includes(facts.status)) return 'done';
  if (!facts.verifiedAt && !facts.firstResponseAt) return 'verify';
  if (!facts.firstResponseAt) return 'respond';
  return 'resolve';
}

export function dueOf(facts: ClockFacts, stage: DeadlineStage): string {
  return stage === 'verify' ? facts.verifyDue : stage === 'respond' ? facts.respondDue : facts.resolveDue;
}

export type DeadlineState = 'on_time' | 'due_soon' | 'overdue' | 'met' | 'late';

/** How the running clock stands today; for a finished complaint, whether it closed by its resolution date. */
export function deadlineState(calendar: WorkingCalendar, facts: ClockFacts, today: string): DeadlineState {
  const stage = currentStage(facts);
  if (stage === 'done') {
    if (!facts.closedAt) return 'met';
    return calendar.today(facts.closedAt) <= facts.resolveDue ? 'met' : 'late';
  }
  const due = dueOf(facts, stage);
  if (today > due) return 'overdue';
  return calendar.workingDaysBetween(today, due) <= 1 ? 'due_soon' : 'on_time';
}

/** The most advanced stage whose clock has run out, or null. */
export function overdueStage(facts: ClockFacts, today: string): DeadlineStage | null {
  if (!OPEN.includes(facts.status)) return null;
  if (facts.resolveDue < today) return 'resolve';
  if (!facts.firstResponseAt && facts.respondDue < today) return 'respond';
  if (!facts.verifiedAt && !facts.firstResponseAt && facts.verifyDue < today) return 'verify';
  return null;
}

/** SQL twin of overdueStage(...) !== null, for list filters and counts. */
export function overdueSql(today: string): Expression<SqlBool> {
  return sql<SqlBool>`(c.status IN ('received', 'verified', 'in_progress', 'followed_up') AND (c.resolve_due < ${today}::date OR (c.first_response_at IS NULL AND c.respond_due < ${today}::date) OR (c.verified_at IS NULL AND c.first_response_at IS NULL AND c.verify_due < ${today}::date)))`;
}

const STAGE_RANK: Record<DeadlineStage, number> = { verify: 1, respond: 2, resolve: 3 };
const STAGE_LABEL: Record<DeadlineStage, { id: string; en: string }> = {
  verify: { id: 'verifikasi (3 hari kerja)', en: 'verification (3 working days)' },
  respond: { id: 'tindak lanjut pertama (5 hari kerja)', en: 'first follow-up (5 working days)' },
  resolve: { id: 'penyelesaian', en: 'resolution' },
};

export const ComplaintNotificationKinds = defineNotificationKinds({
  'complaints.escalated': { id: 'Pengaduan melewati tenggat', en: 'Complaint past its deadline' },
  'complaints.rerouted': { id: 'Pengaduan dialihkan ke OPD Anda', en: 'Complaint routed to your agency' },
});

interface OverdueByOpd {
  opd_id: string;
  opd_name: string;
  n: number;
  resolve_n: number;
  since: string;
}

async function overdueByOpd(db: Kysely<DB>, pemdaId: string, today: string): Promise<OverdueByOpd[]> {
  return db
    .selectFrom('complaint as c')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'c.pemda_id').onRef('o.id', '=', 'c.opd_id'))
    .select([
      'c.opd_id',
      'o.name as opd_name',
      sql<number>`count(*)::int`.as('n'),
      sql<number>`count(*) FILTER (WHERE c.resolve_due < ${today}::date)::int`.as('resolve_n'),
      sql<string>`to_char(min(LEAST(c.verify_due, c.respond_due, c.resolve_due)), 'YYYY-MM-DD')`.as('since'),
    ])
    .where('c.pemda_id', '=', pemdaId)
    .where(overdueSql(today))
    .groupBy(['c.opd_id', 'o.name'])
    .orderBy('n', 'desc')
    .execute();
}

export const overdueFlags: FlagSource = {
  kind: 'complaints.overdue',
  async list(ctx, pemdaId) {
    const calendar = await cachedCalendar(ctx.db, pemdaId);
    const rows = await overdueByOpd(ctx.db, pemdaId, calendar.today());
    return rows.map((row): Flag => ({
      kind: 'complaints.overdue',
      severity: row.resolve_n > 0 ? 'critical' : 'warning',
      opdId: row.opd_id,
      since: row.since,
      title: {
        id: `${row.opd_name}: ${row.n} pengaduan masyarakat melewati tenggat SP4N-LAPOR!${row.resolve_n > 0 ? ` (${row.resolve_n} belum selesai dalam batas penyelesaian)` : ''}`,
        en: `${row.opd_name}: ${row.n} public complaints past their SP4N-LAPOR! deadline${row.resolve_n > 0 ? ` (${row.resolve_n} past resolution)` : ''}`,
      },
      link: `/pengaduan?opd=${row.opd_id}&status=overdue`,
    }));
  },
};

/** Marks newly overdue complaints, writes an internal timeline entry and tells the leaders, once per stage. */
export async function escalateOverdue(ctx: Ctx, pemdaId: string, now = new Date()): Promise<number> {
  const calendar = await cachedCalendar(ctx.db, pemdaId);
  const today = calendar.today(now);
  const candidates = await ctx.db
    .selectFrom('complaint as c')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'c.pemda_id').onRef('o.id', '=', 'c.opd_id'))
    .select(['c.id', 'c.code', 'c.status', 'c.opd_id', 'o.name as opd_name', 'c.verified_at', 'c.first_response_at', 'c.closed_at', 'c.verify_due', 'c.respond_due', 'c.resolve_due', 'c.escalated_stage'])
    .where('c.pemda_id', '=', pemdaId)
    .where(overdueSql(today))
    .limit(5000)
    .execute();
  const due = candidates
    .map((c) => ({ row: c, stage: overdueStage({ status: c.status, verifiedAt: c.verified_at, firstResponseAt: c.first_response_at, closedAt: c.closed_at, verifyDue: c.verify_due, respondDue: c.respond_due, resolveDue: c.resolve_due }, today) }))
    .filter((c): c is { row: (typeof candidates)[number]; stage: DeadlineStage } => c.stage !== null && (!c.row.escalated_stage || STAGE_RANK[c.stage] > STAGE_RANK[c.row.escalated_stage]));
  if (due.length === 0) return 0;
  await inTransaction(ctx, async (tx) => {
    for (const { row, stage } of due) {
      await tx.db.updateTable('complaint').set({ escalated_stage: stage }).where('pemda_id', '=', pemdaId).where('id', '=', row.id).execute();
      await tx.db
        .insertInto('complaint_event')
        .values({ pemda_id: pemdaId, complaint_id: row.id, kind: 'escalated', public: false, status: row.status, body: `Tenggat ${STAGE_LABEL[stage].id} terlewati; dilaporkan kepada pimpinan.`, opd_from: null, opd_to: null, actor_user_id: null })
        .execute();
    }
    const byOpd = new Map<string, { name: string; codes: string[] }>();
    for (const { row } of due) {
      const entry = byOpd.get(row.opd_id) ?? { name: row.opd_name, codes: [] };
      entry.codes.push(row.code);
      byOpd.set(row.opd_id, entry);
    }
    for (const [opdId, entry] of byOpd) {
      await notify(tx, {
        pemdaId,
        recipients: { role: ['kepala_daerah', 'sekda'] },
        kind: ComplaintNotificationKinds['complaints.escalated'],
        title: { id: `${entry.name}: ${entry.codes.length} pengaduan melewati tenggat`, en: `${entry.name}: ${entry.codes.length} complaints past deadline` },
        body: { id: `Pengaduan: ${entry.codes.slice(0, 10).join(', ')}${entry.codes.length > 10 ? ', ...' : ''}`, en: `Complaints: ${entry.codes.slice(0, 10).join(', ')}${entry.codes.length > 10 ? ', ...' : ''}` },
        link: `/pengaduan?opd=${opdId}&status=overdue`,
      });
    }
    await writeAudit(tx, { pemdaId, action: 'complaints.escalated', entityType: 'complaint', detail: { count: due.length, opds: byOpd.size, today } });
  });
  return due.length;
}

export const ESCALATION_JOB: ScheduledJobDef = {
  name: 'complaints.escalate_overdue',
  schedule: { everyMinutes: 30 },
  run: async (ctx) => {
    const pemdas = await ctx.db.selectFrom('complaint').select('pemda_id').distinct().execute();
    for (const { pemda_id } of pemdas) await escalateOverdue(ctx, pemda_id);
  },
};
