import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOk } from '../../../contracts/common';
import { ZNotificationInbox, ZNotificationPreferences, ZNotificationPreferencesUpdate, ZNotificationQuery } from '../../../contracts/notifications';
import { configureMail } from '../../platform/notifications';
import { requireUser } from '../../platform/tenant';
import { NotificationActions } from './policy';
import { markAllRead, markRead, myInbox, myPreferences, setPreferences } from './service';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  configureMail({ smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl });
  const action = NotificationActions['notifications.self'];

  app.get(
    '/notifications',
    { config: { action }, schema: { tags: ['notifications'], summary: 'My inbox, newest first, with the unread count', querystring: ZNotificationQuery, response: { 200: ZNotificationInbox } } },
    async (request) => {
      const q = request.query;
      return myInbox(request.ctx, requireUser(request.actor), { unreadOnly: q.unreadOnly === 'true', limit: q.limit, cursor: q.cursor });
    },
  );

  app.post(
    '/notifications/:notificationId/read',
    { config: { action }, schema: { tags: ['notifications'], summary: 'Mark one notification read', params: z.object({ notificationId: z.uuid() }), response: { 200: ZOk } } },
    async (request) => {
      await markRead(request.ctx, requireUser(request.actor), request.params.notificationId);
      return { ok: true as const };
    },
  );

  app.post(
    '/notifications/read-all',
    { config: { action }, schema: { tags: ['notifications'], summary: 'Mark every notification read', response: { 200: z.object({ updated: z.number() }) } } },
    async (request) => ({ updated: await markAllRead(request.ctx, requireUser(request.actor)) }),
  );

  app.get(
    '/notifications/preferences',
    { config: { action }, schema: { tags: ['notifications'], summary: 'E-mail on or off per kind of notification', response: { 200: ZNotificationPreferences } } },
    async (request) => myPreferences(request.ctx, requireUser(request.actor)),
  );

  app.put(
    '/notifications/preferences',
    { config: { action }, schema: { tags: ['notifications'], summary: 'Switch e-mail on or off per kind', body: ZNotificationPreferencesUpdate, response: { 200: ZNotificationPreferences } } },
    async (request) => setPreferences(request.ctx, requireUser(request.actor), request.body),
  );
};
