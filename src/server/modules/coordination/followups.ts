import type { ReadStream } from 'node:fs';
import type { TFollowUpRequest, TReviewRequest } from '../../../contracts/coordination';
import { inTransaction, type Ctx, type TxCtx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { findStoredFile, storeFile, unsafeOpenStoredFile, type StoredFile } from '../../platform/files';
import { notify } from '../../platform/notifications';
import { authorize } from '../../platform/policy';
import { CoordinationErrors } from './errors';
import { assignedOpdIds, loadDirective } from './directives';
import { CoordinationNotifications } from './notification-kinds';
import { CoordinationActions, seesInternal } from './policy';
import type { AssignmentStatus } from './tables';

/**
 * Follow-up (tindak lanjut) of one directive at one OPD: progress reports with evidence, obstacles that need the
 * leader's decision, and the issuer's acceptance or return. Every step is a new coord_followup row (full history);
 * coord_assignment holds only the current state.
 */
async function lockAssignment(tx: TxCtx, pemdaId: string, directiveId: string, opdId: string) {
  const row = await tx.db
    .selectFrom('coord_assignment')
    .selectAll()
    .where('pemda_id', '=', pemdaId)
    .where('directive_id', '=', directiveId)
    .where('opd_id', '=', opdId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError(CoordinationErrors.ASSIGNMENT_NOT_FOUND);
  return row;
}

async function opdUserIds(tx: TxCtx, pemdaId: string, opdId: string): Promise<string[]> {
  const rows = await tx.db
    .selectFrom('app_user')
    .select('id')
    .where('pemda_id', '=', pemdaId)
    .where('opd_id', '=', opdId)
    .where('role', 'in', ['kepala_opd', 'operator_opd'])
    .where('active', '=', true)
    .execute();
  return rows.map((row) => row.id);
}

export async function recordFollowUp(ctx: Ctx, actor: UserActor, directiveId: string, opdId: string, input: TFollowUpRequest): Promise<string> {
  const pemdaId = actor.pemdaId;
  authorize(actor, CoordinationActions['coordination.followup.write'], { pemdaId, opdId });
  const directive = await loadDirective(ctx, pemdaId, directiveId);
  if (input.status === 'terkendala' && !input.obstacle) throw new AppError(CoordinationErrors.FOLLOWUP_OBSTACLE_REQUIRED);
  const calendar = await loadCalendar(ctx.db, pemdaId);
  return inTransaction(ctx, async (tx) => {
    const assignment = await lockAssignment(tx, pemdaId, directiveId, opdId);
    if (assignment.status === 'diterima' || assignment.status === 'dibatalkan') throw new AppError(CoordinationErrors.FOLLOWUP_CLOSED, { status: assignment.status });
    for (const sha256 of input.files) {
      if (!(await findStoredFile(tx.db, pemdaId, sha256))) throw new AppError(CoordinationErrors.FOLLOWUP_FILE_UNKNOWN, { sha256 });
    }
    const now = new Date();
    const followUp = await tx.db
      .insertInto('coord_followup')
      .values({
        pemda_id: pemdaId,
        directive_id: directiveId,
        opd_id: opdId,
        kind: 'progress',
        status_to: input.status,
        note: input.note,
        obstacle: input.status === 'terkendala' ? (input.obstacle ?? null) : null,
        internal: input.internal,
        author_user_id: actor.userId,
        author_name: actor.name,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.files.length) {
      await tx.db.insertInto('coord_followup_file').values([...new Set(input.files)].map((sha256) => ({ pemda_id: pemdaId, followup_id: followUp.id, sha256 }))).execute();
    }
    await tx.db
      .updateTable('coord_assignment')
      .set({
        status: input.status,
        first_activity_at: assignment.first_activity_at ?? now,
        last_activity_at: now,
        completed_on: input.status === 'selesai' ? calendar.today(now) : null,
        obstacle: input.status === 'terkendala' ? (input.obstacle ?? null) : null,
        updated_at: now,
      })
      .where('pemda_id', '=', pemdaId)
      .where('directive_id', '=', directiveId)
      .where('opd_id', '=', opdId)
      .execute();
    await writeAudit(tx, {
      pemdaId,
      action: 'coordination.followup_recorded',
      entityType: 'coord_assignment',
      entityId: `${directiveId}:${opdId}`,
      before: { status: assignment.status },
      after: { status: input.status },
      detail: { followUpId: followUp.id, files: input.files, internal: input.internal },
    });
    if ((input.status === 'selesai' || input.status === 'terkendala') && directive.issuer_user_id) {
      const opd = await tx.db.selectFrom('opd').select('name').where('pemda_id', '=', pemdaId).where('id', '=', opdId).executeTakeFirstOrThrow();
      const done = input.status === 'selesai';
      await notify(tx, {
        pemdaId,
        recipients: [directive.issuer_user_id],
        kind: CoordinationNotifications['coordination.followup_review'],
        title: done ? { id: `${opd.name} melaporkan arahan ${directive.number} selesai`, en: `${opd.name} reports directive ${directive.number} done` } : { id: `${opd.name} menghadapi kendala pada arahan ${directive.number}`, en: `${opd.name} reports an obstacle on directive ${directive.number}` },
        body: done ? { id: 'Periksa buktinya, lalu terima atau kembalikan.', en: 'Check the evidence, then accept or send it back.' } : { id: `Kendala: ${input.obstacle ?? ''}`, en: `Obstacle: ${input.obstacle ?? ''}` },
        link: `/koordinasi/arahan/${directiveId}`,
      });
    }
    return followUp.id;
  });
}

/** The issuer (or the kepala daerah / sekda) accepts a completion or returns it with a comment. */
export async function reviewFollowUp(ctx: Ctx, actor: UserActor, directiveId: string, opdId: string, input: TReviewRequest): Promise<void> {
  const pemdaId = actor.pemdaId;
  const directive = await loadDirective(ctx, pemdaId, directiveId);
  authorize(actor, CoordinationActions['coordination.read'], { pemdaId, opdIds: await assignedOpdIds(ctx, pemdaId, directiveId) });
  if (!(actor.role === 'kepala_daerah' || actor.role === 'sekda' || directive.issuer_user_id === actor.userId)) throw new AppError(CoordinationErrors.REVIEW_NOT_ISSUER);
  if (input.decision === 'return' && !input.comment) throw new AppError(CoordinationErrors.REVIEW_COMMENT_REQUIRED);
  await inTransaction(ctx, async (tx) => {
    const assignment = await lockAssignment(tx, pemdaId, directiveId, opdId);
    if (assignment.status !== 'selesai') throw new AppError(CoordinationErrors.REVIEW_NOT_READY, { status: assignment.status });
    const accept = input.decision === 'accept';
    const status: AssignmentStatus = accept ? 'diterima' : 'proses';
    const now = new Date();
    await tx.db
      .insertInto('coord_followup')
      .values({ pemda_id: pemdaId, directive_id: directiveId, opd_id: opdId, kind: accept ? 'accepted' : 'returned', status_to: status, note: input.comment || (accept ? 'Diterima.' : ''), obstacle: null, internal: false, author_user_id: actor.userId, author_name: actor.name, created_at: now })
      .execute();
    await tx.db
      .updateTable('coord_assignment')
      .set({ status, accepted_at: accept ? now : null, completed_on: accept ? assignment.completed_on : null, updated_at: now })
      .where('pemda_id', '=', pemdaId)
      .where('directive_id', '=', directiveId)
      .where('opd_id', '=', opdId)
      .execute();
    await writeAudit(tx, { pemdaId, action: accept ? 'coordination.followup_accepted' : 'coordination.followup_returned', entityType: 'coord_assignment', entityId: `${directiveId}:${opdId}`, before: { status: assignment.status }, after: { status }, detail: { comment: input.comment } });
    await notify(tx, {
      pemdaId,
      recipients: await opdUserIds(tx, pemdaId, opdId),
      kind: CoordinationNotifications['coordination.followup_reviewed'],
      title: accept ? { id: `Tindak lanjut arahan ${directive.number} diterima`, en: `Follow-up of directive ${directive.number} accepted` } : { id: `Tindak lanjut arahan ${directive.number} dikembalikan`, en: `Follow-up of directive ${directive.number} sent back` },
      body: { id: input.comment || 'Terima kasih.', en: input.comment || 'Thank you.' },
      link: `/koordinasi/arahan/${directiveId}`,
    });
  });
}

/** The leader's decision on an obstacle: recorded in the history; the OPD resumes work (status proses). */
export async function decideObstacle(ctx: Ctx, actor: UserActor, directiveId: string, opdId: string, note: string): Promise<void> {
  const pemdaId = actor.pemdaId;
  const directive = await loadDirective(ctx, pemdaId, directiveId);
  authorize(actor, CoordinationActions['coordination.read'], { pemdaId, opdIds: await assignedOpdIds(ctx, pemdaId, directiveId) });
  if (!(actor.role === 'kepala_daerah' || actor.role === 'sekda' || directive.issuer_user_id === actor.userId)) throw new AppError(CoordinationErrors.REVIEW_NOT_ISSUER);
  await inTransaction(ctx, async (tx) => {
    const assignment = await lockAssignment(tx, pemdaId, directiveId, opdId);
    if (assignment.status !== 'terkendala') throw new AppError(CoordinationErrors.DECISION_NOT_NEEDED, { status: assignment.status });
    const now = new Date();
    await tx.db
      .insertInto('coord_followup')
      .values({ pemda_id: pemdaId, directive_id: directiveId, opd_id: opdId, kind: 'decision', status_to: 'proses', note, obstacle: assignment.obstacle, internal: false, author_user_id: actor.userId, author_name: actor.name, created_at: now })
      .execute();
    await tx.db.updateTable('coord_assignment').set({ status: 'proses', obstacle: null, updated_at: now }).where('pemda_id', '=', pemdaId).where('directive_id', '=', directiveId).where('opd_id', '=', opdId).execute();
    await writeAudit(tx, { pemdaId, action: 'coordination.obstacle_decided', entityType: 'coord_assignment', entityId: `${directiveId}:${opdId}`, before: { status: 'terkendala', obstacle: assignment.obstacle }, after: { status: 'proses' }, detail: { note } });
    await notify(tx, {
      pemdaId,
      recipients: await opdUserIds(tx, pemdaId, opdId),
      kind: CoordinationNotifications['coordination.followup_reviewed'],
      title: { id: `Keputusan pimpinan atas kendala arahan ${directive.number}`, en: `Leader's decision on the obstacle of directive ${directive.number}` },
      body: { id: note, en: note },
      link: `/koordinasi/arahan/${directiveId}`,
    });
  });
}

/** Stores one evidence file for the caller's Pemda; a follow-up then names it by its SHA-256. */
export async function uploadEvidence(ctx: Ctx, actor: UserActor, filesDir: string, file: { data: Buffer; name: string }): Promise<StoredFile> {
  return inTransaction(ctx, (tx) => storeFile(tx, { filesDir, pemdaId: actor.pemdaId, data: file.data, originalName: file.name, uploadedBy: actor.userId }));
}

/** Serves a file of a follow-up after the same checks as the directive page, internal follow-ups included. */
export async function openFollowUpFile(ctx: Ctx, actor: UserActor, filesDir: string, followUpId: string, sha256: string): Promise<{ stream: ReadStream; mime: string; name: string; size: number }> {
  const pemdaId = actor.pemdaId;
  const followUp = await ctx.db.selectFrom('coord_followup').select(['directive_id', 'opd_id', 'internal']).where('pemda_id', '=', pemdaId).where('id', '=', followUpId).executeTakeFirst();
  if (!followUp) throw new AppError(CoordinationErrors.FILE_NOT_ATTACHED);
  authorize(actor, CoordinationActions['coordination.read'], { pemdaId, opdIds: await assignedOpdIds(ctx, pemdaId, followUp.directive_id) });
  if (followUp.internal && !seesInternal(actor, followUp.opd_id)) throw new AppError(CoordinationErrors.FILE_NOT_ATTACHED);
  const attached = await ctx.db.selectFrom('coord_followup_file').select('sha256').where('pemda_id', '=', pemdaId).where('followup_id', '=', followUpId).where('sha256', '=', sha256).executeTakeFirst();
  const record = attached ? await findStoredFile(ctx.db, pemdaId, sha256) : null;
  if (!record) throw new AppError(CoordinationErrors.FILE_NOT_ATTACHED);
  return { stream: unsafeOpenStoredFile(filesDir, sha256), mime: record.mime, name: record.originalName, size: record.size };
}
