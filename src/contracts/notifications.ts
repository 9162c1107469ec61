import { z } from 'zod';
import { ZLocalized } from './common';

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: ZLocalized,
  body: ZLocalized,
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationQuery = z.object({
  unreadOnly: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(200).optional(),
});

export const ZNotificationInbox = z.object({
  items: z.array(ZNotification),
  unread: z.number(),
  nextCursor: z.string().nullable(),
});
export type TNotificationInbox = z.infer<typeof ZNotificationInbox>;

export const ZNotificationPreference = z.object({ kind: z.string(), label: ZLocalized, email: z.boolean() });
export const ZNotificationPreferences = z.object({ items: z.array(ZNotificationPreference) });
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export const ZNotificationPreferencesUpdate = z.object({
  items: z.array(z.object({ kind: z.string().min(1).max(100), email: z.boolean() })).min(1).max(100),
});
export type TNotificationPreferencesUpdate = z.infer<typeof ZNotificationPreferencesUpdate>;
