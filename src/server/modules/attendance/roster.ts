import type { z } from 'zod';
import type { TRosterWeek, ZRosterClear } from '../../../contracts/attendance-screens';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { addDays } from '../../platform/calendar';
import { authorize } from '../../platform/policy';
import { loadRuleBook } from './config';
import { evaluateDiscipline } from './discipline';
import { AttendanceErrors } from './errors';
import { AttendanceActions } from './policy';
import { recomputeDays } from './status';

/**
 * The shift roster of an OPD as a week grid (issue 5 §1: hospital, Satpol PP, fire brigade; a shift may cross
 * midnight). Reading and clearing live here; saving is admin.ts `saveRoster`.
 */
const SHOWN = 300;

/** The Monday on or before a date. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  return addDays(date, -weekday);
}

export async function rosterWeek(ctx: Ctx, actor: UserActor, opdId: string, fromDate: string): Promise<TRosterWeek> {
  const opd = await ctx.db.selectFrom('opd').select(['id', 'name']).where('pemda_id', '=', actor.pemdaId).where('id', '=', opdId).executeTakeFirst();
  if (!opd) throw new AppError(AttendanceErrors.ATT_OPD_NOT_FOUND);
  authorize(actor, AttendanceActions['attendance.roster'], { pemdaId: actor.pemdaId, opdId: opd.id });
  const from = mondayOf(fromDate);
  const to = addDays(from, 6);
  const schedule = (await loadRuleBook(ctx.db, actor.pemdaId)).get('schedule', from, opd.id);
  const people = ctx.db.selectFrom('pegawai').where('pemda_id', '=', actor.pemdaId).where('opd_id', '=', opd.id).where('active', '=', true);
  const [count, pegawai] = await Promise.all([
    people.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    people.select(['id', 'name', 'nip']).orderBy('name').orderBy('id').limit(SHOWN).execute(),
  ]);
  const ids = pegawai.map((p) => p.id);
  const shifts = ids.length
    ? await ctx.db
        .selectFrom('att_roster')
        .select(['pegawai_id', 'date', 'shift_name', 'start_time', 'end_time'])
        .where('pemda_id', '=', actor.pemdaId)
        .where('pegawai_id', 'in', ids)
        .where('date', '>=', from)
        .where('date', '<=', to)
        .orderBy('date')
        .execute()
    : [];
  const byPegawai = new Map<string, TRosterWeek['pegawai'][number]['shifts']>();
  for (const s of shifts) {
    const list = byPegawai.get(s.pegawai_id) ?? [];
    const start = s.start_time.slice(0, 5);
    const end = s.end_time.slice(0, 5);
    list.push({ date: String(s.date).slice(0, 10), shiftName: s.shift_name, start, end, crossesMidnight: end <= start });
    byPegawai.set(s.pegawai_id, list);
  }
  return {
    opdId: opd.id,
    opdName: opd.name,
    from,
    to,
    mode: schedule.body.mode,
    scheduleBasis: schedule.legalBasis,
    total: Number(count.n),
    pegawai: pegawai.map((p) => ({ id: p.id, name: p.name, nip: p.nip, shifts: byPegawai.get(p.id) ?? [] })),
  };
}

/** Removes roster entries (the day becomes "no shift" again) and recomputes the days already computed. */
export async function clearRoster(ctx: Ctx, actor: UserActor, input: z.infer<typeof ZRosterClear>) {
  return inTransaction(ctx, async (tx) => {
    const ids = [...new Set(input.entries.map((e) => e.pegawaiId))];
    const people = await tx.db.selectFrom('pegawai').select(['id', 'opd_id']).where('pemda_id', '=', actor.pemdaId).where('id', 'in', ids).execute();
    if (people.length !== ids.length) throw new AppError(AttendanceErrors.ATT_PEGAWAI_NOT_FOUND);
    for (const person of people) authorize(actor, AttendanceActions['attendance.roster'], { pemdaId: actor.pemdaId, opdId: person.opd_id });
    let removed = 0;
    for (const entry of input.entries) {
      const result = await tx.db.deleteFrom('att_roster').where('pemda_id', '=', actor.pemdaId).where('pegawai_id', '=', entry.pegawaiId).where('date', '=', entry.date).executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    const dates = input.entries.map((e) => e.date).sort();
    const first = dates[0] as string;
    const last = dates[dates.length - 1] as string;
    // A night shift's check-out falls on the next morning: that day is recomputed too.
    const result = await recomputeDays(tx.db, actor.pemdaId, { from: first, to: addDays(last, 1), pegawaiIds: ids });
    await evaluateDiscipline(tx, actor.pemdaId, result.touched);
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'attendance.roster_cleared', entityType: 'att_roster', entityId: null, detail: { entries: removed, pegawai: ids.length, from: first, to: last } });
    return { saved: removed, recomputedDays: result.days };
  });
}
