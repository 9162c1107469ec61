import { sql } from 'kysely';
import { COMPLAINT_STATUS_LABELS } from '../../../contracts/complaints';
import { inTransaction, type Ctx, type TxCtx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { authorize, can } from '../../platform/policy';
import { notify } from '../../platform/notifications';
import { ComplaintNotificationKinds, OPEN } from './deadlines';
import { ComplaintErrors } from './errors';
import { ComplaintActions as A } from './policy';
import type { ComplaintStatus, EventKind } from './tables';

/**
 * What OPD staff and the coordinator do with a complaint (BRIEF 4.8): verify, respond in public or note
 * internally, resolve, declare invalid / archive / transfer, re-route to another OPD ("no wrong door") and merge
 * duplicates. Every action checks the complaint's OPD, writes a timeline entry and an audit row in one transaction.
 */
async function loadForUpdate(tx: TxCtx, actor: UserActor, id: string, action: string = A['complaints.handle']) {
  const row = await tx.db
    .selectFrom('complaint')
    .select(['id', 'code', 'status', 'opd_id', 'verified_at', 'first_response_at', 'merged_into'])
    .where('pemda_id', '=', actor.pemdaId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND);
  const resource = { pemdaId: actor.pemdaId, opdId: row.opd_id };
  // A complaint the caller may not even read is "not found"; one they can read but not handle is forbidden.
  if (!can(actor, A['complaints.read'], resource) && !can(actor, action, resource)) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND);
  authorize(actor, action, resource);
  return row;
}

function requireOpen(status: ComplaintStatus): void {
  if (!OPEN.includes(status)) throw new AppError(ComplaintErrors.COMPLAINT_STATE_CONFLICT, { status: COMPLAINT_STATUS_LABELS[status].id });
}

async function addEvent(tx: TxCtx, actor: UserActor, complaintId: string, event: { kind: EventKind; public: boolean; status: ComplaintStatus; body?: string | null; opdFrom?: string | null; opdTo?: string | null }) {
  await tx.db
    .insertInto('complaint_event')
    .values({ pemda_id: actor.pemdaId, complaint_id: complaintId, kind: event.kind, public: event.public, status: event.status, body: event.body ?? null, opd_from: event.opdFrom ?? null, opd_to: event.opdTo ?? null, actor_user_id: actor.userId })
    .execute();
}

async function setStatus(tx: TxCtx, actor: UserActor, id: string, values: Partial<{ status: ComplaintStatus; verified_at: Date; first_response_at: Date; closed_at: Date; status_notes: string | null; opd_id: string; merged_into: string }>) {
  await tx.db.updateTable('complaint').set({ ...values, updated_at: sql<Date>`now()` }).where('pemda_id', '=', actor.pemdaId).where('id', '=', id).execute();
}

export async function verifyComplaint(ctx: Ctx, actor: UserActor, id: string, note?: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await loadForUpdate(tx, actor, id);
    if (row.status !== 'received') throw new AppError(ComplaintErrors.COMPLAINT_STATE_CONFLICT, { status: COMPLAINT_STATUS_LABELS[row.status].id });
    await setStatus(tx, actor, id, { status: 'verified', verified_at: new Date() });
    await addEvent(tx, actor, id, { kind: 'verified', public: true, status: 'verified', body: note ?? 'Pengaduan Anda telah diverifikasi dan diteruskan kepada perangkat daerah yang menangani.' });
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'complaints.verified', entityType: 'complaint', entityId: id, before: { status: row.status }, after: { status: 'verified' } });
  });
}

export async function startWork(ctx: Ctx, actor: UserActor, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await loadForUpdate(tx, actor, id);
    if (row.status !== 'received' && row.status !== 'verified') throw new AppError(ComplaintErrors.COMPLAINT_STATE_CONFLICT, { status: COMPLAINT_STATUS_LABELS[row.status].id });
    await setStatus(tx, actor, id, { status: 'in_progress', ...(row.verified_at ? {} : { verified_at: new Date() }) });
    await addEvent(tx, actor, id, { kind: 'status', public: true, status: 'in_progress', body: 'Pengaduan sedang diproses.' });
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'complaints.in_progress', entityType: 'complaint', entityId: id, before: { status: row.status }, after: { status: 'in_progress' } });
  });
}

/** A public reply is the first substantive follow-up (5 working days); an internal note changes nothing public. */
export async function replyToComplaint(ctx: Ctx, actor: UserActor, id: string, input: { body: string; public: boolean }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await loadForUpdate(tx, actor, id);
    if (!input.public) {
      await addEvent(tx, actor, id, { kind: 'note', public: false, status: row.status, body: input.body });
      await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'complaints.noted', entityType: 'complaint', entityId: id, detail: { length: input.body.length } });
      return;
    }
    requireOpen(row.status);
    const now = new Date();
    const next: ComplaintStatus = 'followed_up';
    await setStatus(tx, actor, id, { status: next, ...(row.first_response_at ? {} : { first_response_at: now }), ...(row.verified_at ? {} : { verified_at: now }) });
    await addEvent(tx, actor, id, { kind: 'reply', public: true, status: next, body: input.body });
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'complaints.replied', entityType: 'complaint', entityId: id, before: { status: row.status }, after: { status: next }, detail: { first: !row.first_response_at } });
  });
}

export async function resolveComplaint(ctx: Ctx, actor: UserActor, id: string, body: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await loadForUpdate(tx, actor, id);
    requireOpen(row.status);
    const now = new Date();
    await setStatus(tx, actor, id, { status: 'closed', closed_at: now, status_notes: body.slice(0, 500), ...(row.first_response_at ? {} : { first_response_at: now }), ...(row.verified_at ? {} : { verified_at: now }) });
    await addEvent(tx, actor, id, { kind: 'closed', public: true, status: 'closed', body });
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'complaints.closed', entityType: 'complaint', entityId: id, before: { status: row.status }, after: { status: 'closed' } });
  });
}

/** Invalid (not a complaint), archived (no follow-up possible) or transferred (another body's authority). */
export async function closeWithoutAction(ctx: Ctx, actor: UserActor, id: string, input: { reason: string; outcome: 'invalid' | 'archived' | 'transferred' }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await loadForUpdate(tx, actor, id);
    requireOpen(row.status);
    await setStatus(tx, actor, id, { status: input.outcome, closed_at: new Date(), status_notes: input.reason.slice(0, 500) });
    await addEvent(tx, actor, id, { kind: 'invalid', public: true, status: input.outcome, body: input.reason });
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: `complaints.${input.outcome}`, entityType: 'complaint', entityId: id, before: { status: row.status }, after: { status: input.outcome } });
  });
}

/** "No wrong door": the coordinator (or the OPD holding it) sends it on; the clocks keep running. */
export async function rerouteComplaint(ctx: Ctx, actor: UserActor, id: string, input: { opdId: string; reason: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await loadForUpdate(tx, actor, id);
    requireOpen(row.status);
    if (row.opd_id === input.opdId) throw new AppError(ComplaintErrors.COMPLAINT_REROUTE_SAME);
    const target = await tx.db.selectFrom('opd').select(['id', 'name']).where('pemda_id', '=', actor.pemdaId).where('id', '=', input.opdId).where('active', '=', true).executeTakeFirst();
    if (!target) throw new AppError(ComplaintErrors.COMPLAINT_OPD_UNKNOWN);
    await setStatus(tx, actor, id, { opd_id: target.id });
    await addEvent(tx, actor, id, { kind: 'rerouted', public: true, status: row.status, body: `Dialihkan kepada ${target.name}: ${input.reason}`, opdFrom: row.opd_id, opdTo: target.id });
    const staff = await tx.db.selectFrom('app_user').select('id').where('pemda_id', '=', actor.pemdaId).where('opd_id', '=', target.id).where('role', 'in', ['kepala_opd', 'operator_opd']).where('active', '=', true).execute();
    await notify(tx, {
      pemdaId: actor.pemdaId,
      recipients: staff.map((s) => s.id),
      kind: ComplaintNotificationKinds['complaints.rerouted'],
      title: { id: `Pengaduan ${row.code} dialihkan ke ${target.name}`, en: `Complaint ${row.code} routed to ${target.name}` },
      body: { id: input.reason, en: input.reason },
      link: `/pengaduan/${id}`,
    });
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'complaints.rerouted', entityType: 'complaint', entityId: id, before: { opd_id: row.opd_id }, after: { opd_id: target.id } });
  });
}

/** Merges a duplicate into the complaint that stays; the duplicate closes as 'merged' pointing to it. */
export async function mergeComplaint(ctx: Ctx, actor: UserActor, id: string, intoId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    if (id === intoId) throw new AppError(ComplaintErrors.COMPLAINT_MERGE_SELF);
    const duplicate = await loadForUpdate(tx, actor, id);
    const keeper = await loadForUpdate(tx, actor, intoId);
    requireOpen(duplicate.status);
    if (keeper.status === 'merged') throw new AppError(ComplaintErrors.COMPLAINT_MERGE_SELF);
    await setStatus(tx, actor, id, { status: 'merged', merged_into: intoId, closed_at: new Date(), status_notes: `Duplikat dari ${keeper.code}` });
    await addEvent(tx, actor, id, { kind: 'merged', public: true, status: 'merged', body: `Pengaduan ini sama dengan ${keeper.code} dan digabung ke sana; pantau ${keeper.code} untuk tindak lanjutnya.` });
    await addEvent(tx, actor, intoId, { kind: 'note', public: false, status: keeper.status, body: `${duplicate.code} digabung ke pengaduan ini sebagai duplikat.` });
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'complaints.merged', entityType: 'complaint', entityId: id, before: { status: duplicate.status }, after: { status: 'merged', merged_into: intoId } });
  });
}
