import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { TenantRole } from '../../contracts/roles';
import type { DB } from '../db/schema';
import type { TxCtx } from '../http/context';
import type { ScheduledJobDef } from './jobs';

/**
 * One call to tell people something: `notify(tx, ...)` writes inbox rows in the caller's transaction (so a
 * rolled-back action notifies nobody) and queues one e-mail per recipient who has not switched e-mail off for that
 * kind. The queue (job_queue, kind 'notification.email') is sent after commit by a job that runs every minute and
 * claims rows with FOR UPDATE SKIP LOCKED, so several server processes never send one mail twice.
 *
 * No personal data in logs (UU PDP 27/2022): logs and job errors carry ids and counts, never addresses or text.
 */
export type Localized = { id: string; en: string };

export type Recipients = readonly string[] | { role: TenantRole | readonly TenantRole[] } | { opdHeadOf: string };

export interface NotifyInput {
  pemdaId: string;
  recipients: Recipients;
  kind: string;
  title: Localized;
  body: Localized;
  /** Web path inside Pamong (e.g. /koordinasi/arahan/<id>); e-mails make it absolute. */
  link: string;
}

const kinds = new Map<string, Localized>();

/** Modules name their notification kinds once, so preferences can list them with a label. */
export function defineNotificationKinds<const T extends Record<string, Localized>>(defs: T): { [K in keyof T]: K } {
  const names = {} as { [K in keyof T]: K };
  for (const [kind, label] of Object.entries(defs)) {
    kinds.set(kind, label);
    (names as Record<string, string>)[kind] = kind;
  }
  return names;
}

export function listNotificationKinds(): Array<{ kind: string; label: Localized }> {
  return [...kinds.entries()].map(([kind, label]) => ({ kind, label })).sort((a, b) => a.kind.localeCompare(b.kind));
}

export const EMAIL_JOB_KIND = 'notification.email';

async function resolveRecipients(db: Kysely<DB>, pemdaId: string, recipients: Recipients): Promise<string[]> {
  let query = db.selectFrom('app_user').select('id').where('pemda_id', '=', pemdaId).where('active', '=', true);
  if (Array.isArray(recipients)) {
    const ids = [...new Set(recipients as readonly string[])];
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  } else if ('role' in recipients) {
    const roles = (Array.isArray(recipients.role) ? recipients.role : [recipients.role]) as TenantRole[];
    query = query.where('role', 'in', roles);
  } else if ('opdHeadOf' in recipients) {
    query = query.where('role', '=', 'kepala_opd').where('opd_id', '=', recipients.opdHeadOf);
  }
  return (await query.execute()).map((row) => row.id);
}

/** Writes the inbox rows and queues the e-mails; returns the user ids notified. */
export async function notify(tx: TxCtx, input: NotifyInput): Promise<string[]> {
  const userIds = await resolveRecipients(tx.db, input.pemdaId, input.recipients);
  if (userIds.length === 0) return [];
  const rows = await tx.db
    .insertInto('notification')
    .values(userIds.map((userId) => ({
      pemda_id: input.pemdaId,
      user_id: userId,
      kind: input.kind,
      title: JSON.stringify(input.title),
      body: JSON.stringify(input.body),
      link: input.link,
    })))
    .returning(['id', 'user_id'])
    .execute();
  const optedOut = new Set(
    (
      await tx.db
        .selectFrom('notification_preference')
        .select('user_id')
        .where('pemda_id', '=', input.pemdaId)
        .where('kind', '=', input.kind)
        .where('email', '=', false)
        .where('user_id', 'in', userIds)
        .execute()
    ).map((row) => row.user_id),
  );
  const mails = rows.filter((row) => !optedOut.has(row.user_id));
  if (mails.length > 0) {
    await tx.db
      .insertInto('job_queue')
      .values(mails.map((row) => ({ kind: EMAIL_JOB_KIND, pemda_id: input.pemdaId, payload: JSON.stringify({ notificationId: row.id }) })))
      .execute();
  }
  return userIds;
}

export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
  publicUrl: string | undefined;
}

let mailSettings: MailSettings = { smtpUrl: process.env.SMTP_URL, from: process.env.PAMONG_MAIL_FROM ?? 'Pamong <no-reply@pamong.local>', publicUrl: process.env.PAMONG_PUBLIC_URL };

/** Set once by the notifications module from the server's parsed configuration. */
export function configureMail(settings: MailSettings): void {
  mailSettings = settings;
}

export const MAX_EMAIL_ATTEMPTS = 5;

export interface SendResult {
  sent: number;
  failed: number;
  dropped: number;
}

interface Claimed {
  id: number;
  pemdaId: string | null;
  notificationId: string;
  attempts: number;
}

/** Claims up to `limit` due e-mails; a row locked for over 10 minutes belonged to a process that died. */
async function claim(db: Kysely<DB>, limit: number, worker: string): Promise<Claimed[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('job_queue')
      .select(['id', 'pemda_id', 'payload', 'attempts'])
      .where('kind', '=', EMAIL_JOB_KIND)
      .where('done_at', 'is', null)
      .where('run_at', '<=', sql<Date>`now()`)
      .where((eb) => eb.or([eb('locked_at', 'is', null), eb('locked_at', '<', sql<Date>`now() - interval '10 minutes'`)]))
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    await trx
      .updateTable('job_queue')
      .set({ locked_at: sql<Date>`now()`, locked_by: worker, attempts: sql<number>`attempts + 1` })
      .where('id', 'in', due.map((row) => row.id))
      .execute();
    return due.map((row) => ({ id: row.id, pemdaId: row.pemda_id, notificationId: String(row.payload.notificationId ?? ''), attempts: row.attempts + 1 }));
  });
}

function absolute(link: string, publicUrl: string | undefined): string {
  if (!publicUrl) return link;
  return new URL(link, publicUrl).toString();
}

/** Sends queued e-mails through SMTP (nodemailer). Indonesian first, English below. */
export async function sendQueuedEmails(db: Kysely<DB>, settings: MailSettings = mailSettings, options: { limit?: number } = {}): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0, dropped: 0 };
  const worker = `${os.hostname()}:${process.pid}`;
  const batch = await claim(db, options.limit ?? 50, worker);
  if (batch.length === 0) return result;
  const transport = settings.smtpUrl ? nodemailer.createTransport(settings.smtpUrl) : null;
  try {
    for (const job of batch) {
      const finish = (error: string | null) =>
        db.updateTable('job_queue').set({ done_at: sql<Date>`now()`, locked_at: null, error }).where('id', '=', job.id).execute();
      const row = job.pemdaId
        ? await db
            .selectFrom('notification as n')
            .innerJoin('app_user as u', (join) => join.onRef('u.pemda_id', '=', 'n.pemda_id').onRef('u.id', '=', 'n.user_id'))
            .select(['n.id', 'n.title', 'n.body', 'n.link', 'u.email', 'u.name', 'u.active'])
            .where('n.pemda_id', '=', job.pemdaId)
            .where('n.id', '=', job.notificationId)
            .executeTakeFirst()
        : undefined;
      if (!row || !row.active) {
        result.dropped += 1;
        await finish('recipient gone');
        continue;
      }
      if (!transport) {
        // No SMTP configured: the in-app inbox still has the message.
        result.dropped += 1;
        await finish('SMTP_URL not set');
        continue;
      }
      const url = absolute(row.link, settings.publicUrl);
      try {
        await transport.sendMail({
          from: settings.from,
          to: { name: row.name, address: row.email },
          subject: `[Pamong] ${row.title.id}`,
          text: `${row.title.id}\n\n${row.body.id}\n\n${url}\n\n--\n${row.title.en}\n\n${row.body.en}\n\nPamong`,
          headers: { 'X-Pamong-Notification': row.id },
        });
        await finish(null);
        await db.updateTable('notification').set({ emailed_at: sql<Date>`now()` }).where('pemda_id', '=', job.pemdaId as string).where('id', '=', row.id).execute();
        result.sent += 1;
      } catch (cause) {
        const message = cause instanceof Error ? cause.message.slice(0, 200) : 'send failed';
        result.failed += 1;
        if (job.attempts >= MAX_EMAIL_ATTEMPTS) {
          await finish(`gave up: ${message}`);
        } else {
          // Back off 2, 4, 8, 16 minutes.
          await db
            .updateTable('job_queue')
            .set({ locked_at: null, error: message, run_at: sql<Date>`now() + make_interval(mins => ${2 ** job.attempts})` })
            .where('id', '=', job.id)
            .execute();
        }
      }
    }
  } finally {
    transport?.close();
  }
  return result;
}

export const EMAIL_JOB: ScheduledJobDef = {
  name: 'notifications.send_email',
  schedule: { everyMinutes: 1 },
  run: async (ctx) => {
    // Drain the queue in batches; a failing mail server stops the loop until the next minute.
    for (let round = 0; round < 20; round += 1) {
      const result = await sendQueuedEmails(ctx.db);
      if (result.sent + result.dropped === 0) break;
    }
  },
};
