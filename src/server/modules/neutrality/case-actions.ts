import type { z } from 'zod';
import type { ZDecideRequest, ZRecommendRequest, ZReferralCreate, ZReferralReply, ZVerifyRequest } from '../../../contracts/neutrality';
import { inTransaction, type Ctx, type TxCtx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { notify } from '../../platform/notifications';
import { loadCaseFor } from './access';
import { NeutralityErrors } from './errors';
import { NeutralityNotifications } from './notification-kinds';
import { recordSanction } from './sanctions';
import { neutralitySettings } from './settings';
import type { CaseStage, HandlerUnit, NtrCaseTable, Pp94Level, Track } from './tables';

/**
 * The case workflow (BRIEF §4.6): verification → investigation (Inspektorat or BKPSDM) → recommendation (ethics
 * or discipline track with its PP 94/2021 level) → decision by the authorised official (PPK) → monitoring of the
 * sanction → closed. A report that fails verification is rejected. Each stage has a deadline in working days.
 */
type CaseUpdate = Partial<{
  handler_unit: HandlerUnit;
  track: Track | null;
  pp94_level: Pp94Level | null;
  recommendation: string | null;
  outcome: NtrCaseTable['outcome'];
  decision_number: string | null;
  decided_on: string | null;
  decided_by: string | null;
}>;

async function handlerCase(tx: TxCtx, actor: UserActor, caseId: string, stages: CaseStage[] | null) {
  const { access, facts } = await loadCaseFor(tx.db, actor, caseId);
  if (access !== 'handler') throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
  if (stages && !stages.includes(facts.stage)) throw new AppError(NeutralityErrors.NTR_WRONG_STAGE, { stage: facts.stage });
  return facts;
}

async function moveTo(tx: TxCtx, actor: UserActor, input: { caseId: string; from: CaseStage; to: CaseStage; note: string; update?: CaseUpdate }): Promise<void> {
  const { caseId, to } = input;
  const settings = await neutralitySettings(tx.db, actor.pemdaId);
  const calendar = await loadCalendar(tx.db, actor.pemdaId);
  const days = to === 'verifikasi' || to === 'investigasi' || to === 'keputusan' ? settings.stageDays[to] : null;
  const due = days ? calendar.addWorkingDays(calendar.today(), days) : null;
  const row = await tx.db
    .updateTable('ntr_case')
    .set({ ...(input.update ?? {}), stage: to, stage_since: new Date(), stage_due_on: due, updated_at: new Date() })
    .where('pemda_id', '=', actor.pemdaId)
    .where('id', '=', caseId)
    .where('stage', '=', input.from)
    .returning(['number'])
    .executeTakeFirst();
  // Someone else moved the case meanwhile.
  if (!row) throw new AppError(NeutralityErrors.NTR_WRONG_STAGE, { stage: input.from });
  await tx.db.insertInto('ntr_case_event').values({ pemda_id: actor.pemdaId, case_id: caseId, kind: 'stage', stage: to, text: input.note, actor_user_id: actor.userId, for_reporter: true, reply_to: null }).execute();
  await writeAudit(tx, { pemdaId: actor.pemdaId, action: `neutrality.case.${to}`, entityType: 'ntr_case', entityId: caseId, before: { stage: input.from }, after: { stage: to, stage_due_on: due, ...(input.update ?? {}) } });
  if (to === 'keputusan') {
    await notify(tx, {
      pemdaId: actor.pemdaId,
      recipients: { role: ['kepala_daerah'] },
      kind: NeutralityNotifications['neutrality.case_update'],
      title: { id: `Rekomendasi kasus netralitas ${row.number} menunggu keputusan`, en: `Neutrality case ${row.number} awaits your decision` },
      body: { id: `Tetapkan keputusan paling lambat ${due ?? '-'}.`, en: `Decide by ${due ?? '-'}.` },
      link: `/netralitas/kasus/${caseId}`,
    });
  }
}

export async function verifyCase(ctx: Ctx, actor: UserActor, caseId: string, input: z.infer<typeof ZVerifyRequest>): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await handlerCase(tx, actor, caseId, ['verifikasi']);
    const settings = await neutralitySettings(tx.db, actor.pemdaId);
    // BKPSDM may investigate only where the Pemda has made it a case handler.
    const unit = settings.handlerRoles.includes(input.handlerUnit) ? input.handlerUnit : 'inspektorat';
    await moveTo(tx, actor, { caseId, from: 'verifikasi', to: input.decision === 'terima' ? 'investigasi' : 'ditolak', note: input.note, update: { handler_unit: unit } });
  });
}

export async function recommendCase(ctx: Ctx, actor: UserActor, caseId: string, input: z.infer<typeof ZRecommendRequest>): Promise<void> {
  if (input.track === 'disiplin' && !input.level) throw new AppError(NeutralityErrors.NTR_LEVEL_REQUIRED);
  await inTransaction(ctx, async (tx) => {
    await handlerCase(tx, actor, caseId, ['investigasi']);
    const update: CaseUpdate = { track: input.track, pp94_level: input.track === 'disiplin' ? (input.level ?? null) : null, recommendation: input.recommendation };
    await moveTo(tx, actor, { caseId, from: 'investigasi', to: 'keputusan', note: input.recommendation, update });
  });
}

/** The authorised official's decision; a proven case records its sanction through recordSanction. */
export async function decideCase(ctx: Ctx, actor: UserActor, caseId: string, input: z.infer<typeof ZDecideRequest>): Promise<void> {
  if (input.outcome === 'terbukti' && !input.sanction) throw new AppError(NeutralityErrors.NTR_SANCTION_REQUIRED);
  await inTransaction(ctx, async (tx) => {
    const { access, facts } = await loadCaseFor(tx.db, actor, caseId);
    if (access !== 'official') throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
    if (facts.stage !== 'keputusan') throw new AppError(NeutralityErrors.NTR_WRONG_STAGE, { stage: facts.stage });
    const row = await tx.db.selectFrom('ntr_case').select(['reported_pegawai_id', 'track', 'pp94_level']).where('pemda_id', '=', actor.pemdaId).where('id', '=', caseId).executeTakeFirstOrThrow();
    if (input.outcome === 'terbukti' && !row.reported_pegawai_id) throw new AppError(NeutralityErrors.NTR_SANCTION_NEEDS_PEGAWAI);
    const update: CaseUpdate = { outcome: input.outcome, decision_number: input.decisionNumber, decided_on: input.decidedOn, decided_by: actor.userId };
    await moveTo(tx, actor, { caseId, from: 'keputusan', to: input.outcome === 'terbukti' ? 'monitoring' : 'selesai', note: input.note, update });
    if (input.outcome === 'terbukti' && input.sanction && row.reported_pegawai_id) {
      await recordSanction(tx, {
        pemdaId: actor.pemdaId,
        caseId,
        pegawaiId: row.reported_pegawai_id,
        track: row.track ?? 'etik',
        level: row.pp94_level,
        sanction: input.sanction.text,
        decisionNumber: input.decisionNumber,
        decidedOn: input.decidedOn,
        startsOn: input.sanction.startsOn,
        endsOn: input.sanction.endsOn ?? null,
      });
    }
  });
}

export async function closeCase(ctx: Ctx, actor: UserActor, caseId: string, note: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await handlerCase(tx, actor, caseId, ['monitoring']);
    await moveTo(tx, actor, { caseId, from: 'monitoring', to: 'selesai', note });
    await tx.db.updateTable('ntr_sanction').set({ status: 'selesai', monitoring_note: note }).where('pemda_id', '=', actor.pemdaId).where('case_id', '=', caseId).execute();
  });
}

/** A question to the reporter (seen on the receipt page) or an internal note. */
export async function addCaseEvent(ctx: Ctx, actor: UserActor, caseId: string, input: { kind: 'question' | 'note'; text: string }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    await handlerCase(tx, actor, caseId, input.kind === 'question' ? ['verifikasi', 'investigasi', 'keputusan', 'monitoring'] : null);
    const row = await tx.db
      .insertInto('ntr_case_event')
      .values({ pemda_id: actor.pemdaId, case_id: caseId, kind: input.kind, stage: null, text: input.text, actor_user_id: actor.userId, for_reporter: input.kind === 'question', reply_to: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: `neutrality.case.${input.kind}`, entityType: 'ntr_case', entityId: caseId, detail: { eventId: row.id } });
    return row;
  });
}

/** Referral of the findings to the receiving body (BKN by default; settings.ts). */
export async function referCase(ctx: Ctx, actor: UserActor, caseId: string, input: z.infer<typeof ZReferralCreate>): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    await handlerCase(tx, actor, caseId, ['verifikasi', 'investigasi', 'keputusan', 'monitoring']);
    const settings = await neutralitySettings(tx.db, actor.pemdaId);
    const row = await tx.db
      .insertInto('ntr_referral')
      .values({ pemda_id: actor.pemdaId, case_id: caseId, body: settings.referralBody.name, legal_basis: settings.referralBody.legalBasis, sent_on: input.sentOn, letter_number: input.letterNumber })
      .returning('id')
      .executeTakeFirstOrThrow();
    const text = `Diteruskan ke ${settings.referralBody.name} (${input.letterNumber}, ${input.sentOn})${input.note ? `: ${input.note}` : ''}`;
    await tx.db.insertInto('ntr_case_event').values({ pemda_id: actor.pemdaId, case_id: caseId, kind: 'referral', stage: null, text, actor_user_id: actor.userId, for_reporter: false, reply_to: null }).execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'neutrality.case.referred', entityType: 'ntr_referral', entityId: row.id, after: { caseId, body: settings.referralBody.name, ...input } });
    return row;
  });
}

export async function recordReferralReply(ctx: Ctx, actor: UserActor, caseId: string, referralId: string, input: z.infer<typeof ZReferralReply>): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await handlerCase(tx, actor, caseId, null);
    const referral = await tx.db.selectFrom('ntr_referral').select('sent_on').where('pemda_id', '=', actor.pemdaId).where('case_id', '=', caseId).where('id', '=', referralId).executeTakeFirst();
    if (!referral) throw new AppError(NeutralityErrors.NTR_REFERRAL_NOT_FOUND);
    if (input.replyOn < referral.sent_on) throw new AppError(NeutralityErrors.NTR_REPLY_BEFORE_SENT, { sent: referral.sent_on });
    const updated = await tx.db
      .updateTable('ntr_referral')
      .set({ reply_on: input.replyOn, reply_summary: input.replySummary })
      .where('pemda_id', '=', actor.pemdaId)
      .where('case_id', '=', caseId)
      .where('id', '=', referralId)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError(NeutralityErrors.NTR_REFERRAL_NOT_FOUND);
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'neutrality.referral.replied', entityType: 'ntr_referral', entityId: referralId, after: { ...input } });
  });
}
