import { sql } from 'kysely';
import type { z } from 'zod';
import type { TRevealRecipient, ZReporterIdentity, ZReveal, ZRevealCreate, ZRevealDecision } from '../../../contracts/neutrality';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { notify } from '../../platform/notifications';
import { PEMDA_WIDE } from '../../platform/policy';
import { isHandler, loadCaseFor } from './access';
import { NeutralityErrors } from './errors';
import { NeutralityNotifications } from './notification-kinds';
import { neutralitySettings, openIdentity, reporterBox } from './settings';

/**
 * The reporter's identity (issue 7 §5): decrypted only for a case handler, or for someone a handler asked for
 * and a DIFFERENT handler approved, until the approval expires. Every opening, request and decision is audited;
 * the identity itself never enters the audit trail or a log.
 */
type TIdentity = z.infer<typeof ZReporterIdentity>;
type TReveal = z.infer<typeof ZReveal>;

/**
 * The people a handler may name as the recipient of a reveal (the recipient picker of the case page): active
 * accounts of the Pemda whose role may open an identity (PEMDA_WIDE), without the asking handler. Names and roles
 * only; only a handler of the case may ask.
 */
export async function listRevealRecipients(ctx: Ctx, actor: UserActor, caseId: string): Promise<TRevealRecipient[]> {
  const { access } = await loadCaseFor(ctx.db, actor, caseId);
  if (access !== 'handler') throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
  const rows = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'name', 'role'])
    .where('pemda_id', '=', actor.pemdaId)
    .where('active', '=', true)
    .where('role', 'in', PEMDA_WIDE.filter((r) => r !== 'superadmin'))
    .where('id', '<>', actor.userId)
    .orderBy('name')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role }));
}

export async function viewIdentity(ctx: Ctx, actor: UserActor, caseId: string, dataDir: string): Promise<TIdentity> {
  const row = await ctx.db.selectFrom('ntr_case').select(['id', 'reporter_sealed']).where('pemda_id', '=', actor.pemdaId).where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
  let until: Date | null = null;
  let revealId: string | null = null;
  if (!(await isHandler(ctx.db, actor))) {
    const reveal = await ctx.db
      .selectFrom('ntr_reveal')
      .select(['id', 'expires_at'])
      .where('pemda_id', '=', actor.pemdaId)
      .where('case_id', '=', caseId)
      .where('recipient_id', '=', actor.userId)
      .where('status', '=', 'disetujui')
      .where('expires_at', '>', sql<Date>`now()`)
      .orderBy('expires_at', 'desc')
      .executeTakeFirst();
    if (!reveal) throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
    until = reveal.expires_at;
    revealId = reveal.id;
  }
  if (!row.reporter_sealed) throw new AppError(NeutralityErrors.NTR_NO_IDENTITY);
  const identity = openIdentity(reporterBox(dataDir), row.reporter_sealed);
  await inTransaction(ctx, (tx) => writeAudit(tx, { pemdaId: actor.pemdaId, action: 'neutrality.identity.viewed', entityType: 'ntr_case', entityId: caseId, detail: { as: revealId ? 'approved_reveal' : 'handler', revealId } }));
  return { ...identity, until: until ? until.toISOString() : null };
}

export async function requestReveal(ctx: Ctx, actor: UserActor, caseId: string, input: z.infer<typeof ZRevealCreate>): Promise<TReveal> {
  return inTransaction(ctx, async (tx) => {
    const { access } = await loadCaseFor(tx.db, actor, caseId);
    if (access !== 'handler') throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
    const sealed = await tx.db.selectFrom('ntr_case').select(['reporter_sealed', 'number']).where('pemda_id', '=', actor.pemdaId).where('id', '=', caseId).executeTakeFirstOrThrow();
    if (!sealed.reporter_sealed) throw new AppError(NeutralityErrors.NTR_NO_IDENTITY);
    const recipient = await tx.db.selectFrom('app_user').select(['id', 'role', 'active', 'name']).where('pemda_id', '=', actor.pemdaId).where('id', '=', input.recipientId).executeTakeFirst();
    if (!recipient || !recipient.active || !(PEMDA_WIDE as readonly string[]).includes(recipient.role)) throw new AppError(NeutralityErrors.NTR_REVEAL_RECIPIENT);
    const row = await tx.db
      .insertInto('ntr_reveal')
      .values({ pemda_id: actor.pemdaId, case_id: caseId, requested_by: actor.userId, recipient_id: recipient.id, reason: input.reason })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'neutrality.identity.reveal_requested', entityType: 'ntr_reveal', entityId: row.id, after: { caseId, recipientId: recipient.id, reason: input.reason } });
    const settings = await neutralitySettings(tx.db, actor.pemdaId);
    const others = await tx.db.selectFrom('app_user').select('id').where('pemda_id', '=', actor.pemdaId).where('role', 'in', settings.handlerRoles).where('active', '=', true).where('id', '<>', actor.userId).execute();
    await notify(tx, {
      pemdaId: actor.pemdaId,
      recipients: others.map((u) => u.id),
      kind: NeutralityNotifications['neutrality.reveal'],
      title: { id: `Persetujuan pembukaan identitas pelapor ${sealed.number}`, en: `Approval to reveal the reporter of ${sealed.number}` },
      body: { id: 'Seorang penangan meminta identitas pelapor dibuka. Persetujuan harus dari penangan lain.', en: 'A handler asks to reveal the reporter’s identity. Another handler must approve.' },
      link: `/netralitas/kasus/${caseId}`,
    });
    return { id: row.id, requestedBy: actor.userId, recipientId: recipient.id, recipientName: recipient.name, reason: input.reason, status: 'diminta', decidedBy: null, expiresAt: null, createdAt: row.created_at.toISOString() };
  });
}

export async function decideReveal(ctx: Ctx, actor: UserActor, caseId: string, revealId: string, input: z.infer<typeof ZRevealDecision>): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { access } = await loadCaseFor(tx.db, actor, caseId);
    if (access !== 'handler') throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
    const reveal = await tx.db.selectFrom('ntr_reveal').select(['id', 'requested_by', 'recipient_id', 'status']).where('pemda_id', '=', actor.pemdaId).where('case_id', '=', caseId).where('id', '=', revealId).forUpdate().executeTakeFirst();
    if (!reveal) throw new AppError(NeutralityErrors.NTR_REVEAL_NOT_FOUND);
    if (reveal.status !== 'diminta') throw new AppError(NeutralityErrors.NTR_REVEAL_DECIDED);
    // The second person: never the one who asked.
    if (reveal.requested_by === actor.userId) throw new AppError(NeutralityErrors.NTR_REVEAL_SELF_APPROVE);
    const expiresAt = input.approve ? new Date(Date.now() + input.hours * 3_600_000) : null;
    await tx.db
      .updateTable('ntr_reveal')
      .set({ status: input.approve ? 'disetujui' : 'ditolak', decided_by: actor.userId, decided_at: new Date(), expires_at: expiresAt })
      .where('pemda_id', '=', actor.pemdaId)
      .where('id', '=', revealId)
      .execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: input.approve ? 'neutrality.identity.reveal_approved' : 'neutrality.identity.reveal_rejected', entityType: 'ntr_reveal', entityId: revealId, after: { caseId, expiresAt: expiresAt?.toISOString() ?? null } });
    if (input.approve) {
      await notify(tx, {
        pemdaId: actor.pemdaId,
        recipients: [reveal.recipient_id],
        kind: NeutralityNotifications['neutrality.reveal'],
        title: { id: 'Identitas pelapor dapat Anda lihat sementara', en: 'You may see a reporter’s identity for a limited time' },
        body: { id: `Akses berlaku ${input.hours} jam dan setiap pembukaan dicatat.`, en: `Access lasts ${input.hours} hours and every opening is recorded.` },
        link: `/netralitas/kasus/${caseId}`,
      });
    }
  });
}

export async function listReveals(ctx: Ctx, actor: UserActor, caseId: string): Promise<TReveal[]> {
  const { access } = await loadCaseFor(ctx.db, actor, caseId);
  if (access !== 'handler') throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
  const rows = await ctx.db
    .selectFrom('ntr_reveal as r')
    .innerJoin('app_user as u', (join) => join.onRef('u.pemda_id', '=', 'r.pemda_id').onRef('u.id', '=', 'r.recipient_id'))
    .select(['r.id', 'r.requested_by', 'r.recipient_id', 'u.name', 'r.reason', 'r.status', 'r.decided_by', 'r.expires_at', 'r.created_at'])
    .where('r.pemda_id', '=', actor.pemdaId)
    .where('r.case_id', '=', caseId)
    .orderBy('r.created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, requestedBy: r.requested_by, recipientId: r.recipient_id, recipientName: r.name, reason: r.reason, status: r.status, decidedBy: r.decided_by, expiresAt: r.expires_at?.toISOString() ?? null, createdAt: r.created_at.toISOString() }));
}
