import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { TReceiptView } from '../../../contracts/neutrality';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { notify } from '../../platform/notifications';
import { dummyVerify, verifyPassword } from '../auth/password';
import { NeutralityErrors } from './errors';
import { NeutralityNotifications } from './notification-kinds';
import { kodeOfReceipt } from './rules';
import { neutralitySettings } from './settings';

/**
 * The anonymous reporter follows the case with the receipt code and its secret, and answers the handlers'
 * questions. Wrong secrets are counted per receipt and per address (kept as a keyed hash) in the database, so the
 * limit holds across server processes: 5 wrong secrets for one receipt, or 20 from one address, within
 * 15 minutes lock further tries until the window passes.
 */
export const RECEIPT_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_RECEIPT = 5;
export const MAX_FAILURES_PER_IP = 20;

const ipHash = (pemdaId: string, ip: string | null) => createHash('sha256').update(`${pemdaId}:${ip ?? '-'}`).digest('hex').slice(0, 32);

interface OpenedCase {
  pemdaId: string;
  id: string;
  number: string;
  stage: TReceiptView['stage'];
  category: string;
  createdAt: Date;
}

async function lockedMinutes(ctx: Ctx, pemdaId: string, code: string, ipKey: string): Promise<number | null> {
  const since = sql<Date>`now() - make_interval(mins => ${RECEIPT_WINDOW_MINUTES})`;
  const stats = await ctx.db
    .selectFrom('ntr_receipt_failure')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('receipt_code', '=', code).as('by_code'),
      eb.fn.countAll<number>().filterWhere('ip_hash', '=', ipKey).as('by_ip'),
      eb.fn.min('at').as('oldest'),
    ])
    .where('pemda_id', '=', pemdaId)
    .where('at', '>', since)
    .where((eb) => eb.or([eb('receipt_code', '=', code), eb('ip_hash', '=', ipKey)]))
    .executeTakeFirstOrThrow();
  if (Number(stats.by_code) < MAX_FAILURES_PER_RECEIPT && Number(stats.by_ip) < MAX_FAILURES_PER_IP) return null;
  const oldest = stats.oldest ? new Date(stats.oldest).getTime() : Date.now();
  return Math.max(1, Math.ceil((oldest + RECEIPT_WINDOW_MINUTES * 60_000 - Date.now()) / 60_000));
}

/** Checks code and secret; a wrong pair is recorded (in its own transaction, so the refusal does not undo it). */
export async function openReceipt(ctx: Ctx, code: string, secret: string): Promise<OpenedCase> {
  const kode = kodeOfReceipt(code);
  const pemda = kode ? await ctx.db.selectFrom('pemda').select('id').where('kode_wilayah', '=', kode).executeTakeFirst() : undefined;
  if (!pemda) {
    await dummyVerify(secret);
    throw new AppError(NeutralityErrors.NTR_RECEIPT_INVALID);
  }
  const ipKey = ipHash(pemda.id, ctx.ip);
  const locked = await lockedMinutes(ctx, pemda.id, code, ipKey);
  if (locked !== null) throw new AppError(NeutralityErrors.NTR_RECEIPT_LOCKED, { minutes: locked });
  const row = await ctx.db
    .selectFrom('ntr_case')
    .select(['id', 'number', 'stage', 'category', 'created_at', 'receipt_secret_hash'])
    .where('pemda_id', '=', pemda.id)
    .where('receipt_code', '=', code)
    .executeTakeFirst();
  const ok = row ? await verifyPassword(row.receipt_secret_hash, secret) : await dummyVerify(secret);
  if (!row || !ok) {
    await ctx.db.insertInto('ntr_receipt_failure').values({ pemda_id: pemda.id, receipt_code: code, ip_hash: ipKey }).execute();
    throw new AppError(NeutralityErrors.NTR_RECEIPT_INVALID);
  }
  return { pemdaId: pemda.id, id: row.id, number: row.number, stage: row.stage, category: row.category, createdAt: row.created_at };
}

async function reporterView(ctx: Ctx, opened: OpenedCase): Promise<TReceiptView> {
  const events = await ctx.db
    .selectFrom('ntr_case_event')
    .select(['id', 'at', 'kind', 'stage', 'text', 'reply_to'])
    .where('pemda_id', '=', opened.pemdaId)
    .where('case_id', '=', opened.id)
    .where('for_reporter', '=', true)
    .where('kind', 'in', ['stage', 'question', 'answer'])
    .orderBy('at')
    .execute();
  const answered = new Set(events.filter((e) => e.kind === 'answer' && e.reply_to).map((e) => e.reply_to));
  return {
    number: opened.number,
    stage: opened.stage,
    category: opened.category,
    createdAt: opened.createdAt.toISOString(),
    // Stage changes show only the stage: the handlers' notes stay internal.
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind as 'stage' | 'question' | 'answer',
      stage: e.stage,
      text: e.kind === 'stage' ? null : e.text,
      answered: e.kind === 'question' && answered.has(e.id),
    })),
  };
}

export async function viewReceipt(ctx: Ctx, code: string, secret: string): Promise<TReceiptView> {
  const opened = await openReceipt(ctx, code, secret);
  await inTransaction(ctx, (tx) => writeAudit(tx, { pemdaId: opened.pemdaId, action: 'neutrality.case.viewed', entityType: 'ntr_case', entityId: opened.id, detail: { via: 'receipt' } }));
  return reporterView(ctx, opened);
}

export async function answerQuestion(ctx: Ctx, input: { code: string; secret: string; questionId: string; text: string }): Promise<TReceiptView> {
  const opened = await openReceipt(ctx, input.code, input.secret);
  if (opened.stage === 'selesai' || opened.stage === 'ditolak') throw new AppError(NeutralityErrors.NTR_CASE_CLOSED);
  await inTransaction(ctx, async (tx) => {
    const question = await tx.db
      .selectFrom('ntr_case_event')
      .select('id')
      .where('pemda_id', '=', opened.pemdaId)
      .where('case_id', '=', opened.id)
      .where('id', '=', input.questionId)
      .where('kind', '=', 'question')
      .executeTakeFirst();
    if (!question) throw new AppError(NeutralityErrors.NTR_QUESTION_NOT_FOUND);
    const already = await tx.db.selectFrom('ntr_case_event').select('id').where('pemda_id', '=', opened.pemdaId).where('case_id', '=', opened.id).where('reply_to', '=', question.id).executeTakeFirst();
    if (already) throw new AppError(NeutralityErrors.NTR_QUESTION_ANSWERED);
    await tx.db.insertInto('ntr_case_event').values({ pemda_id: opened.pemdaId, case_id: opened.id, kind: 'answer', stage: null, text: input.text, actor_user_id: null, for_reporter: true, reply_to: question.id }).execute();
    await writeAudit(tx, { pemdaId: opened.pemdaId, action: 'neutrality.receipt.answered', entityType: 'ntr_case', entityId: opened.id, detail: { questionId: question.id } });
    const settings = await neutralitySettings(tx.db, opened.pemdaId);
    await notify(tx, {
      pemdaId: opened.pemdaId,
      recipients: { role: settings.handlerRoles },
      kind: NeutralityNotifications['neutrality.case_update'],
      title: { id: `Pelapor menjawab pertanyaan pada ${opened.number}`, en: `The reporter answered a question on ${opened.number}` },
      body: { id: 'Buka kasus untuk membaca jawabannya.', en: 'Open the case to read the answer.' },
      link: `/netralitas/kasus/${opened.id}`,
    });
  });
  return reporterView(ctx, opened);
}
