import type { z } from 'zod';
import type { TLeave, ZLeaveCreate, ZLeaveDecision } from '../../../contracts/attendance';
import { inTransaction, type Ctx, type TxCtx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { notify } from '../../platform/notifications';
import { authorize } from '../../platform/policy';
import { evaluateDiscipline } from './discipline';
import { AttendanceErrors } from './errors';
import { AttendanceActions } from './policy';
import { recomputeDays } from './status';

/**
 * Leave and permissions (issue 5 §3): requested by the pegawai, decided by the superior (head of the OPD) or
 * BKPSDM, with an attachment (content-addressed evidence). An approval excuses the days at once: they are
 * recomputed in the same transaction, and the discipline ledger with them.
 */
const COLUMNS = ['l.id', 'l.pegawai_id', 'p.name', 'l.opd_id', 'l.kind', 'l.start_date', 'l.end_date', 'l.reason', 'l.status', 'l.attachment_sha256', 'l.decision_note', 'l.created_at'] as const;

type LeaveRow = { id: string; pegawai_id: string; name: string; opd_id: string; kind: string; start_date: string; end_date: string; reason: string; status: TLeave['status']; attachment_sha256: string | null; decision_note: string | null; created_at: Date };

function present(r: LeaveRow): TLeave {
  return { id: r.id, pegawaiId: r.pegawai_id, pegawaiName: r.name, opdId: r.opd_id, kind: r.kind as TLeave['kind'], startDate: r.start_date, endDate: r.end_date, reason: r.reason, status: r.status, hasAttachment: !!r.attachment_sha256, decisionNote: r.decision_note, createdAt: new Date(r.created_at).toISOString() };
}

function baseQuery(ctx: Ctx, pemdaId: string) {
  return ctx.db
    .selectFrom('att_leave as l')
    .innerJoin('pegawai as p', (j) => j.onRef('p.pemda_id', '=', 'l.pemda_id').onRef('p.id', '=', 'l.pegawai_id'))
    .select(COLUMNS)
    .where('l.pemda_id', '=', pemdaId);
}

export async function requestLeave(ctx: Ctx, actor: UserActor, input: z.infer<typeof ZLeaveCreate>): Promise<TLeave> {
  if (!actor.pegawaiId) throw new AppError(AttendanceErrors.ATT_NO_PEGAWAI);
  const pegawaiId = actor.pegawaiId;
  const id = await inTransaction(ctx, async (tx) => {
    const person = await tx.db.selectFrom('pegawai').select(['id', 'opd_id', 'name']).where('pemda_id', '=', actor.pemdaId).where('id', '=', pegawaiId).executeTakeFirst();
    if (!person) throw new AppError(AttendanceErrors.ATT_NO_PEGAWAI);
    const overlap = await tx.db.selectFrom('att_leave').select(['start_date', 'end_date']).where('pemda_id', '=', actor.pemdaId).where('pegawai_id', '=', pegawaiId).where('status', 'in', ['diajukan', 'disetujui']).where('start_date', '<=', input.endDate).where('end_date', '>=', input.startDate).executeTakeFirst();
    if (overlap) throw new AppError(AttendanceErrors.ATT_LEAVE_OVERLAP, { from: overlap.start_date, to: overlap.end_date });
    const row = await tx.db
      .insertInto('att_leave')
      .values({ pemda_id: actor.pemdaId, pegawai_id: pegawaiId, opd_id: person.opd_id, kind: input.kind, start_date: input.startDate, end_date: input.endDate, reason: input.reason, attachment_sha256: null, requested_by: actor.userId, decided_by: null, decided_at: null, decision_note: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'attendance.leave_requested', entityType: 'att_leave', entityId: row.id, after: { kind: input.kind, from: input.startDate, to: input.endDate } });
    await notify(tx, { pemdaId: actor.pemdaId, recipients: { opdHeadOf: person.opd_id }, kind: 'attendance.leave_requested', title: { id: `Pengajuan ${input.kind.replace(/_/g, ' ')}: ${person.name}`, en: `Leave request: ${person.name}` }, body: { id: `${input.startDate} s.d. ${input.endDate}`, en: `${input.startDate} to ${input.endDate}` }, link: '/absensi/cuti' });
    return row.id;
  });
  return present((await baseQuery(ctx, actor.pemdaId).where('l.id', '=', id).executeTakeFirstOrThrow()) as LeaveRow);
}

/** Own requests for a pegawai; the OPD's for its head; all for BKPSDM. */
export async function listLeave(ctx: Ctx, actor: UserActor, filter: { status?: TLeave['status']; mine: boolean }) {
  let query = baseQuery(ctx, actor.pemdaId).orderBy('l.created_at', 'desc').limit(200);
  if (filter.status) query = query.where('l.status', '=', filter.status);
  const decider = actor.role === 'bkpsdm' || actor.role === 'kepala_opd';
  if (filter.mine || !decider) query = query.where('l.pegawai_id', '=', actor.pegawaiId ?? '00000000-0000-4000-8000-000000000000');
  else if (actor.role === 'kepala_opd') query = query.where('l.opd_id', '=', actor.opdId ?? '00000000-0000-4000-8000-000000000000');
  return { items: ((await query.execute()) as LeaveRow[]).map(present) };
}

export async function decideLeave(ctx: Ctx, actor: UserActor, leaveId: string, input: z.infer<typeof ZLeaveDecision>): Promise<TLeave> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('att_leave').select(['id', 'pegawai_id', 'opd_id', 'status', 'start_date', 'end_date', 'kind', 'requested_by']).where('pemda_id', '=', actor.pemdaId).where('id', '=', leaveId).executeTakeFirst();
    if (!row) throw new AppError(AttendanceErrors.ATT_LEAVE_NOT_FOUND);
    authorize(actor, AttendanceActions['attendance.leave.decide'], { pemdaId: actor.pemdaId, opdId: row.opd_id });
    if (row.pegawai_id === actor.pegawaiId) throw new AppError(AttendanceErrors.ATT_LEAVE_SELF);
    if (row.status !== 'diajukan') throw new AppError(AttendanceErrors.ATT_LEAVE_DECIDED, { status: row.status });
    await tx.db.updateTable('att_leave').set({ status: input.decision, decided_by: actor.userId, decided_at: new Date(), decision_note: input.note ?? null }).where('pemda_id', '=', actor.pemdaId).where('id', '=', leaveId).execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'attendance.leave_decided', entityType: 'att_leave', entityId: leaveId, before: { status: row.status }, after: { status: input.decision, note: input.note ?? null } });
    if (input.decision === 'disetujui') {
      const result = await recomputeDays(tx.db, actor.pemdaId, { from: row.start_date, to: row.end_date, pegawaiIds: [row.pegawai_id] });
      await evaluateDiscipline(tx, actor.pemdaId, result.touched);
    }
    if (row.requested_by) {
      await notify(tx, { pemdaId: actor.pemdaId, recipients: [row.requested_by], kind: 'attendance.leave_decided', title: { id: `Pengajuan ${row.kind.replace(/_/g, ' ')} ${input.decision}`, en: `Leave request ${input.decision === 'disetujui' ? 'approved' : 'refused'}` }, body: { id: `${row.start_date} s.d. ${row.end_date}`, en: `${row.start_date} to ${row.end_date}` }, link: '/absensi/cuti' });
    }
  });
  return present((await baseQuery(ctx, actor.pemdaId).where('l.id', '=', leaveId).executeTakeFirstOrThrow()) as LeaveRow);
}

/** Attaches a letter (PDF or photo) to one's own pending request. */
export async function attachToLeave(ctx: Ctx, actor: UserActor, leaveId: string, store: (tx: TxCtx) => Promise<string>): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('att_leave').select(['id', 'pegawai_id']).where('pemda_id', '=', actor.pemdaId).where('id', '=', leaveId).executeTakeFirst();
    if (!row || row.pegawai_id !== actor.pegawaiId) throw new AppError(AttendanceErrors.ATT_LEAVE_NOT_FOUND);
    const sha256 = await store(tx);
    await tx.db.updateTable('att_leave').set({ attachment_sha256: sha256 }).where('pemda_id', '=', actor.pemdaId).where('id', '=', leaveId).execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'attendance.leave_attachment', entityType: 'att_leave', entityId: leaveId, detail: { sha256 } });
  });
}

const DECIDERS = new Set(['bkpsdm', 'kepala_opd']);

/**
 * Withdraws a request: a pegawai their own pending one; the superior or BKPSDM a pending or approved one. Revoking
 * an approval makes its days count again: they are recomputed (and the discipline ledger) in the same transaction.
 */
export async function cancelLeave(ctx: Ctx, actor: UserActor, leaveId: string, note: string | undefined): Promise<TLeave> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('att_leave').select(['id', 'pegawai_id', 'opd_id', 'status', 'start_date', 'end_date', 'kind', 'requested_by']).where('pemda_id', '=', actor.pemdaId).where('id', '=', leaveId).executeTakeFirst();
    const own = !!row && row.pegawai_id === actor.pegawaiId;
    if (!row || (!own && !DECIDERS.has(actor.role))) throw new AppError(AttendanceErrors.ATT_LEAVE_NOT_FOUND);
    if (!own) authorize(actor, AttendanceActions['attendance.leave.decide'], { pemdaId: actor.pemdaId, opdId: row.opd_id });
    const allowed = own ? row.status === 'diajukan' : row.status === 'diajukan' || row.status === 'disetujui';
    if (!allowed) throw new AppError(AttendanceErrors.ATT_LEAVE_NOT_CANCELLABLE, { status: row.status });
    await tx.db.updateTable('att_leave').set({ status: 'dibatalkan', decided_by: actor.userId, decided_at: new Date(), decision_note: note ?? null }).where('pemda_id', '=', actor.pemdaId).where('id', '=', leaveId).execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'attendance.leave_cancelled', entityType: 'att_leave', entityId: leaveId, before: { status: row.status }, after: { status: 'dibatalkan', note: note ?? null } });
    if (row.status === 'disetujui') {
      const result = await recomputeDays(tx.db, actor.pemdaId, { from: row.start_date, to: row.end_date, pegawaiIds: [row.pegawai_id] });
      await evaluateDiscipline(tx, actor.pemdaId, result.touched);
    }
    if (!own && row.requested_by) {
      await notify(tx, { pemdaId: actor.pemdaId, recipients: [row.requested_by], kind: 'attendance.leave_decided', title: { id: `Pengajuan ${row.kind.replace(/_/g, ' ')} dibatalkan`, en: 'Leave request withdrawn' }, body: { id: `${row.start_date} s.d. ${row.end_date}`, en: `${row.start_date} to ${row.end_date}` }, link: '/absensi/cuti' });
    }
  });
  return present((await baseQuery(ctx, actor.pemdaId).where('l.id', '=', leaveId).executeTakeFirstOrThrow()) as LeaveRow);
}

/** The attachment of a request, for its pegawai and for whoever may decide it; 404 for anyone else. */
export async function leaveAttachmentOf(ctx: Ctx, actor: UserActor, leaveId: string): Promise<string> {
  const row = await ctx.db.selectFrom('att_leave').select(['pegawai_id', 'opd_id', 'attachment_sha256']).where('pemda_id', '=', actor.pemdaId).where('id', '=', leaveId).executeTakeFirst();
  const own = !!row && row.pegawai_id === actor.pegawaiId;
  if (!row || (!own && !DECIDERS.has(actor.role))) throw new AppError(AttendanceErrors.ATT_LEAVE_NOT_FOUND);
  if (!own) authorize(actor, AttendanceActions['attendance.leave.decide'], { pemdaId: actor.pemdaId, opdId: row.opd_id });
  if (!row.attachment_sha256) throw new AppError(AttendanceErrors.ATT_LEAVE_NO_ATTACHMENT);
  return row.attachment_sha256;
}
