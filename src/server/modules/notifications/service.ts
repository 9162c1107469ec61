import { sql } from 'kysely';
import type { TNotificationInbox, TNotificationPreferences, TNotificationPreferencesUpdate } from '../../../contracts/notifications';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { listNotificationKinds } from '../../platform/notifications';
import { NotificationErrors } from './errors';

export async function myInbox(ctx: Ctx, actor: UserActor, query: { unreadOnly: boolean; limit: number; cursor?: string | undefined }): Promise<TNotificationInbox> {
  let q = ctx.db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('pemda_id', '=', actor.pemdaId)
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.unreadOnly) q = q.where('read_at', 'is', null);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) => eb.or([eb('created_at', '<', new Date(String(at))), eb.and([eb('created_at', '=', new Date(String(at))), eb('id', '<', String(id))])]));
  }
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  const unread = await ctx.db
    .selectFrom('notification')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('pemda_id', '=', actor.pemdaId)
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({ id: row.id, kind: row.kind, title: row.title, body: row.body, link: row.link, createdAt: row.created_at.toISOString(), readAt: row.read_at?.toISOString() ?? null })),
    unread: unread.n,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
  };
}

export async function markRead(ctx: Ctx, actor: UserActor, notificationId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('notification').select(['id', 'read_at']).where('pemda_id', '=', actor.pemdaId).where('user_id', '=', actor.userId).where('id', '=', notificationId).executeTakeFirst();
    if (!row) throw new AppError(NotificationErrors.NOTIFICATION_NOT_FOUND);
    if (row.read_at) return;
    await tx.db.updateTable('notification').set({ read_at: new Date() }).where('pemda_id', '=', actor.pemdaId).where('id', '=', notificationId).execute();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'notification.read', entityType: 'notification', entityId: notificationId });
  });
}

export async function markAllRead(ctx: Ctx, actor: UserActor): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const result = await tx.db
      .updateTable('notification')
      .set({ read_at: new Date() })
      .where('pemda_id', '=', actor.pemdaId)
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    // Nothing changed, nothing to record.
    if (count === 0) return 0;
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'notification.read_all', entityType: 'app_user', entityId: actor.userId, detail: { count } });
    return count;
  });
}

export async function myPreferences(ctx: Ctx, actor: UserActor): Promise<TNotificationPreferences> {
  const rows = await ctx.db.selectFrom('notification_preference').select(['kind', 'email']).where('pemda_id', '=', actor.pemdaId).where('user_id', '=', actor.userId).execute();
  const chosen = new Map(rows.map((row) => [row.kind, row.email]));
  return { items: listNotificationKinds().map(({ kind, label }) => ({ kind, label, email: chosen.get(kind) ?? true })) };
}

export async function setPreferences(ctx: Ctx, actor: UserActor, input: TNotificationPreferencesUpdate): Promise<TNotificationPreferences> {
  const known = new Set(listNotificationKinds().map((k) => k.kind));
  const unknown = input.items.find((item) => !known.has(item.kind));
  if (unknown) throw new AppError(NotificationErrors.NOTIFICATION_KIND_UNKNOWN, { kind: unknown.kind });
  await inTransaction(ctx, async (tx) => {
    for (const item of input.items) {
      await tx.db
        .insertInto('notification_preference')
        .values({ pemda_id: actor.pemdaId, user_id: actor.userId, kind: item.kind, email: item.email })
        .onConflict((oc) => oc.columns(['pemda_id', 'user_id', 'kind']).doUpdateSet({ email: item.email, updated_at: new Date() }))
        .execute();
    }
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'notification.preferences_changed', entityType: 'app_user', entityId: actor.userId, detail: { email: Object.fromEntries(input.items.map((i) => [i.kind, i.email])) } });
  });
  return myPreferences(ctx, actor);
}
