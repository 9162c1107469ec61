import type { Kysely } from 'kysely';
import type { TPublicReport, TReceipt, TStaffReport } from '../../../contracts/neutrality';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx, type TxCtx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { notify } from '../../platform/notifications';
import { hashPassword } from '../auth/password';
import { NeutralityErrors } from './errors';
import { listElections } from './election';
import { NeutralityNotifications } from './notification-kinds';
import { caseNumber, newReceiptCode, newReceiptSecret, within } from './rules';
import { neutralitySettings, reporterBox, sealIdentity, type ReporterIdentity } from './settings';
import type { Channel } from './tables';

/**
 * Reports from the public, from ASN inside the Pemda, and those staff enter from paper, phone or Bawaslu findings
 * (BRIEF §4.6). Every report becomes a case at verification and gets a receipt code with a secret, shown once;
 * the secret is kept as an argon2id hash. The reporter's identity, when given, is sealed with the reporter key
 * (settings.ts) and never logged, audited or exported.
 */
type ReportBody = Omit<TPublicReport, 'anonymous' | 'reporter'>;

export interface SubmitInput {
  pemdaId: string;
  kodeWilayah: string;
  channel: Channel;
  body: ReportBody;
  anonymous: boolean;
  identity: ReporterIdentity | null;
  dataDir: string;
  enteredBy: string | null;
}

export async function pemdaByKode(db: Kysely<DB>, kode: string): Promise<{ id: string; name: string; kode: string }> {
  const row = await db.selectFrom('pemda').select(['id', 'name', 'kode_wilayah']).where('kode_wilayah', '=', kode).executeTakeFirst();
  if (!row) throw new AppError(NeutralityErrors.NTR_PEMDA_NOT_FOUND, { kode });
  return { id: row.id, name: row.name, kode: row.kode_wilayah };
}

async function resolveReported(tx: TxCtx, pemdaId: string, reported: ReportBody['reported']): Promise<{ pegawaiId: string | null; name: string | null; opdId: string | null }> {
  const byId = reported.pegawaiId
    ? await tx.db.selectFrom('pegawai').select(['id', 'opd_id']).where('pemda_id', '=', pemdaId).where('id', '=', reported.pegawaiId).executeTakeFirst()
    : reported.nip
      ? await tx.db.selectFrom('pegawai').select(['id', 'opd_id']).where('pemda_id', '=', pemdaId).where('nip', '=', reported.nip).executeTakeFirst()
      : undefined;
  if (byId) return { pegawaiId: byId.id, name: null, opdId: byId.opd_id };
  if (reported.name && reported.opdId) {
    const opd = await tx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('id', '=', reported.opdId).executeTakeFirst();
    if (!opd) throw new AppError(NeutralityErrors.NTR_OPD_NOT_FOUND);
    return { pegawaiId: null, name: reported.name, opdId: opd.id };
  }
  if (reported.pegawaiId || reported.nip) throw new AppError(NeutralityErrors.NTR_REPORTED_NOT_FOUND);
  throw new AppError(NeutralityErrors.NTR_REPORTED_REQUIRED);
}

export async function submitReport(ctx: Ctx, input: SubmitInput): Promise<TReceipt> {
  const { pemdaId, body } = input;
  if (!body.reported.pegawaiId && !body.reported.nip && !(body.reported.name && body.reported.opdId)) throw new AppError(NeutralityErrors.NTR_REPORTED_REQUIRED);
  if (!input.anonymous && !input.identity) throw new AppError(NeutralityErrors.NTR_REPORTER_REQUIRED);
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const today = calendar.today();
  if (body.occurredOn > today) throw new AppError(NeutralityErrors.NTR_OCCURRED_IN_FUTURE);
  const settings = await neutralitySettings(ctx.db, pemdaId);
  const election = (await listElections(ctx.db, pemdaId)).find((e) => within(body.occurredOn, e.watch));
  const secret = newReceiptSecret();
  const secretHash = await hashPassword(secret);
  const sealed = !input.anonymous && input.identity ? sealIdentity(reporterBox(input.dataDir), input.identity) : null;
  return inTransaction(ctx, async (tx) => {
    const reported = await resolveReported(tx, pemdaId, body.reported);
    const files = [...new Set(body.files)];
    if (files.length > 0) {
      const known = await tx.db.selectFrom('stored_file').select('sha256').where('pemda_id', '=', pemdaId).where('sha256', 'in', files).execute();
      const missing = files.find((f) => !known.some((k) => k.sha256 === f));
      if (missing) throw new AppError(NeutralityErrors.NTR_FILE_UNKNOWN, { sha256: missing });
    }
    const year = Number(today.slice(0, 4));
    const count = await tx.db.selectFrom('ntr_case').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('number', 'like', `NTR/${year}/%`).executeTakeFirstOrThrow();
    const number = caseNumber(year, Number(count.n) + 1);
    const receiptCode = newReceiptCode(input.kodeWilayah);
    const row = await tx.db
      .insertInto('ntr_case')
      .values({
        pemda_id: pemdaId,
        number,
        channel: input.channel,
        anonymous: input.anonymous,
        receipt_code: receiptCode,
        receipt_secret_hash: secretHash,
        reporter_sealed: sealed,
        reported_pegawai_id: reported.pegawaiId,
        reported_name: reported.name,
        reported_opd_id: reported.opdId,
        category: body.category,
        occurred_on: body.occurredOn,
        place: body.place,
        description: body.description,
        links: JSON.stringify(body.links),
        election_id: election?.id ?? null,
        stage_due_on: calendar.addWorkingDays(today, settings.stageDays.verifikasi),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (files.length > 0) await tx.db.insertInto('ntr_case_file').values(files.map((sha256) => ({ pemda_id: pemdaId, case_id: row.id, sha256 }))).execute();
    await tx.db.insertInto('ntr_case_event').values({ pemda_id: pemdaId, case_id: row.id, kind: 'stage', stage: 'verifikasi', text: null, actor_user_id: input.enteredBy, for_reporter: true, reply_to: null }).execute();
    // No reporter data in the audit trail: channel, category and whether an identity exists, nothing more.
    await writeAudit(tx, { pemdaId, action: 'neutrality.report.received', entityType: 'ntr_case', entityId: row.id, detail: { number, channel: input.channel, category: body.category, anonymous: input.anonymous, files: files.length } });
    await notify(tx, {
      pemdaId,
      recipients: { role: settings.handlerRoles },
      kind: NeutralityNotifications['neutrality.case_new'],
      title: { id: `Laporan netralitas baru ${number}`, en: `New neutrality report ${number}` },
      body: { id: 'Verifikasi laporan ini sebelum tenggatnya.', en: 'Verify this report before its deadline.' },
      link: `/netralitas/kasus/${row.id}`,
    });
    return { number, receiptCode, secret };
  });
}

/** An internal report by a signed-in ASN: identified reports carry the account's identity, sealed. */
export async function submitInternal(ctx: Ctx, actor: UserActor, body: ReportBody & { anonymous: boolean }, dataDir: string): Promise<TReceipt> {
  const pemda = await ctx.db.selectFrom('pemda').select('kode_wilayah').where('id', '=', actor.pemdaId).executeTakeFirstOrThrow();
  const identity: ReporterIdentity | null = body.anonymous ? null : { name: actor.name, contact: actor.email, nik: null, userId: actor.userId };
  return submitReport(ctx, { pemdaId: actor.pemdaId, kodeWilayah: pemda.kode_wilayah, channel: 'internal', body, anonymous: body.anonymous, identity, dataDir, enteredBy: null });
}

export async function submitStaffEntered(ctx: Ctx, actor: UserActor, body: TStaffReport, dataDir: string): Promise<TReceipt> {
  const pemda = await ctx.db.selectFrom('pemda').select('kode_wilayah').where('id', '=', actor.pemdaId).executeTakeFirstOrThrow();
  const identity: ReporterIdentity | null = body.anonymous || !body.reporter ? null : { name: body.reporter.name, contact: body.reporter.contact, nik: body.reporter.nik ?? null, userId: null };
  return submitReport(ctx, { pemdaId: actor.pemdaId, kodeWilayah: pemda.kode_wilayah, channel: body.channel, body, anonymous: body.anonymous, identity, dataDir, enteredBy: actor.userId });
}
