import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZLoginRequest,
  ZLoginResponse,
  ZMe,
  ZPasswordChangeRequest,
  ZPlatformAdminCreateRequest,
  ZTotpActivateRequest,
  ZTotpSetupResponse,
  ZUser,
  ZUserCreateRequest,
  ZUserCreatedResponse,
  ZUserUpdateRequest,
} from '../../../contracts/auth';
import { ZOk } from '../../../contracts/common';
import { AppError, CommonErrors } from '../../http/errors';
import { isUser } from '../../http/context';
import { AuthActions } from './policy';
import { activateTotp, changePassword, login, logout, requireSignedIn, startTotpSetup } from './service';
import { resolveSession, SESSION_COOKIE, SESSION_IDLE_MS } from './session';
import { createPemdaAdmin, createUser, describeMe, getUser, listUsers, resetUserCredentials, updateUser } from './users';

const ANY_STAGE = ['totp_enroll', 'password_change'] as ('totp_enroll' | 'password_change')[];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { secrets, config } = app.deps;

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in with e-mail, password and (when enrolled) a TOTP code', body: ZLoginRequest, response: { 200: ZLoginResponse } },
    },
    async (request, reply) => {
      const result = await login(request.ctx, secrets, request.body);
      const secure = config.secureCookies === 'true' || (config.secureCookies === 'auto' && request.protocol === 'https');
      reply.setCookie(SESSION_COOKIE, result.cookie, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_IDLE_MS / 1000 });
      const actor = await resolveSession(app.deps.database.db, result.cookie);
      if (!actor) throw new AppError(CommonErrors.INTERNAL, { requestId: request.id });
      return { stage: result.stage, me: await describeMe(request.ctx, actor) };
    },
  );

  app.post(
    '/auth/logout',
    { config: { action: AuthActions['auth.self'], stages: ANY_STAGE }, schema: { tags: ['auth'], summary: 'Sign out', response: { 200: ZOk } } },
    async (request, reply) => {
      await logout(request.ctx, requireSignedIn(request.actor));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { config: { action: AuthActions['auth.self'], stages: ANY_STAGE }, schema: { tags: ['auth'], summary: 'Who am I, and what may I do', response: { 200: ZMe } } },
    async (request) => describeMe(request.ctx, requireSignedIn(request.actor)),
  );

  app.post(
    '/auth/totp/setup',
    { config: { action: AuthActions['auth.self'], stages: ANY_STAGE }, schema: { tags: ['auth'], summary: 'Start TOTP enrolment: returns the secret and a QR code', response: { 200: ZTotpSetupResponse } } },
    async (request) => startTotpSetup(request.ctx, secrets, requireSignedIn(request.actor)),
  );

  app.post(
    '/auth/totp/activate',
    {
      config: { action: AuthActions['auth.self'], stages: ANY_STAGE, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Confirm TOTP enrolment with a first code', body: ZTotpActivateRequest, response: { 200: z.object({ stage: z.string() }) } },
    },
    async (request) => ({ stage: await activateTotp(request.ctx, secrets, requireSignedIn(request.actor), request.body.code) }),
  );

  app.post(
    '/auth/password',
    {
      config: { action: AuthActions['auth.self'], stages: ['password_change'], rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Change my password (ends my other sessions)', body: ZPasswordChangeRequest, response: { 200: z.object({ stage: z.string() }) } },
    },
    async (request) => ({
      stage: await changePassword(request.ctx, requireSignedIn(request.actor), request.body.currentPassword, request.body.newPassword),
    }),
  );

  // Account administration inside the caller's Pemda.
  const pemdaOf = (actor: Parameters<typeof isUser>[0]) => {
    if (!isUser(actor)) throw new AppError(CommonErrors.FORBIDDEN);
    return actor.pemdaId;
  };

  app.get(
    '/users',
    {
      config: { action: AuthActions['users.manage'] },
      schema: { tags: ['users'], summary: 'Accounts of my Pemda', querystring: z.object({ q: z.string().max(100).optional() }), response: { 200: z.object({ items: z.array(ZUser) }) } },
    },
    async (request) => ({ items: await listUsers(request.ctx, pemdaOf(request.actor), request.query.q) }),
  );

  app.post(
    '/users',
    { config: { action: AuthActions['users.manage'] }, schema: { tags: ['users'], summary: 'Create an account (returns a temporary password)', body: ZUserCreateRequest, response: { 201: ZUserCreatedResponse } } },
    async (request, reply) => {
      const created = await createUser(request.ctx, pemdaOf(request.actor), request.body);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/platform/pemda/:pemdaId/admins',
    {
      config: { action: AuthActions['platform.users.manage'] },
      schema: {
        tags: ['platform'],
        summary: "Create an admin account of a Pemda (superadmin; for a new Pemda's first admin). Returns a temporary password",
        params: z.object({ pemdaId: z.uuid() }),
        body: ZPlatformAdminCreateRequest,
        response: { 201: ZUserCreatedResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await createPemdaAdmin(request.ctx, request.params.pemdaId, request.body)),
  );

  const ZUserParams = z.object({ userId: z.uuid() });

  app.get(
    '/users/:userId',
    { config: { action: AuthActions['users.manage'] }, schema: { tags: ['users'], params: ZUserParams, response: { 200: ZUser } } },
    async (request) => getUser(request.ctx, pemdaOf(request.actor), request.params.userId),
  );

  app.patch(
    '/users/:userId',
    { config: { action: AuthActions['users.manage'] }, schema: { tags: ['users'], summary: 'Change name, role, OPD or deactivate', params: ZUserParams, body: ZUserUpdateRequest, response: { 200: ZUser } } },
    async (request) => updateUser(request.ctx, pemdaOf(request.actor), request.params.userId, request.body),
  );

  app.post(
    '/users/:userId/reset',
    {
      config: { action: AuthActions['users.manage'] },
      schema: {
        tags: ['users'],
        summary: 'New temporary password, unlock, optionally reset TOTP',
        params: ZUserParams,
        body: z.object({ resetTotp: z.boolean().default(false) }),
        response: { 200: z.object({ temporaryPassword: z.string() }) },
      },
    },
    async (request) => ({
      temporaryPassword: await resetUserCredentials(request.ctx, pemdaOf(request.actor), request.params.userId, { resetTotp: request.body.resetTotp }),
    }),
  );
};
