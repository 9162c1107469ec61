import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/connect';
import { ANONYMOUS, type Ctx } from './http/context';
import { AppError, CommonErrors, type Lang } from './http/errors';
import { errorHandler, sendProblem } from './http/problem';
import type { AppDeps, RouteEntry } from './http/types';
import { AuthErrors } from './modules/auth/errors';
import { resolveSession, SESSION_COOKIE } from './modules/auth/session';
import { MODULES } from './modules';
import { canAtAll } from './platform/policy';
import type { SecretBox } from './platform/secrets';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'dist/web');
export const API_PREFIX = '/api/v1';
export const BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

function languageOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'id';
}

/** Public API prefixes that have their own (non-session) authentication or none at all. */
const OPEN_PREFIXES = ['/open311', '/api/3', '/v/', '/public'];

export interface BuildAppOptions {
  config: Config;
  database: Database;
  secrets: SecretBox;
  logger?: boolean;
}

export async function buildApp({ config, database, secrets, logger = true }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          // Only method, path and status: query strings and bodies may carry personal data (UU PDP 27/2022).
          serializers: {
            req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
            res: (res: { statusCode: number }) => ({ status: res.statusCode }),
          },
        }
      : false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  const deps: AppDeps = { config, database, secrets };
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(rateLimit, { global: false, errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, code: 'RATE_LIMITED', message: `retry in ${ctx.after}` }) });
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 10, fields: 50 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pamong API',
        version: '1',
        description:
          'Pamong: koordinasi OPD dan ASN Pemda. Errors are RFC 9457 problem+json with a stable `code`; send `Accept-Language: en` for English messages. Sign in with POST /api/v1/auth/login; the session cookie authenticates the rest.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs`, uiConfig: { docExpansion: 'none', deepLinking: true } });

  // Every API route must say who may call it: an action of the policy, or public. Caught at start-up, not in use.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(`${API_PREFIX}/docs`)) return;
    const routeConfig = route.config as { action?: string; public?: boolean } | undefined;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    for (const method of methods) {
      routeTable.push({ method, url: route.url, action: routeConfig?.action ?? null, public: routeConfig?.public ?? false });
    }
    if (!route.url.startsWith(API_PREFIX)) return;
    if (!routeConfig?.action && !routeConfig?.public) {
      throw new Error(`Route ${route.method} ${route.url} declares neither config.action nor config.public`);
    }
  });

  app.decorateRequest('actor', { getter: () => ANONYMOUS });
  app.decorateRequest('lang', 'id');
  app.decorateRequest('ctx', null as unknown as Ctx);

  // Authentication and the role-level policy check run before the body is read: a caller who may never perform
  // an action gets 401/403 whatever the body, and nothing is parsed on their behalf.
  app.addHook('onRequest', async (request, reply) => {
    request.lang = languageOf(request);
    const actor = (await resolveSession(database.db, request.cookies[SESSION_COOKIE])) ?? ANONYMOUS;
    Object.defineProperty(request, 'actor', { value: actor, writable: true });
    request.ctx = { db: database.db, actor, requestId: request.id, ip: request.ip ?? null, lang: request.lang };
    const routeConfig = request.routeOptions.config;
    if (!request.url.startsWith(API_PREFIX) || routeConfig.public) return;
    if (!routeConfig.action) return;
    if (actor.kind === 'anonymous') return sendProblem(reply, request, CommonErrors.UNAUTHENTICATED);
    if (actor.kind === 'user' || actor.kind === 'platform') {
      if (actor.stage !== 'full' && !routeConfig.stages?.includes(actor.stage)) {
        return sendProblem(reply, request, actor.stage === 'totp_enroll' ? AuthErrors.AUTH_STAGE_TOTP_ENROLL : AuthErrors.AUTH_STAGE_PASSWORD_CHANGE);
      }
    }
    if (!canAtAll(actor, routeConfig.action)) return sendProblem(reply, request, CommonErrors.FORBIDDEN);
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
  });

  for (const module of MODULES) {
    if (module.routes) await app.register(module.routes, { prefix: module.prefix ?? API_PREFIX });
  }

  app.get(`${API_PREFIX}/openapi.json`, { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  // The single-page app: index.html for its own routes (/, /opd/..., /v/<code> ...), never cached, so a new
  // release is picked up at once; hashed assets are served by the static plugin.
  const sendIndex = (reply: FastifyReply) => {
    const index = path.join(WEB_DIST, 'index.html');
    if (!fs.existsSync(index)) return reply.code(503).type('text/plain').send('The web app is not built yet: run `npm run build`.');
    return reply.header('Cache-Control', 'no-cache').type('text/html').send(fs.createReadStream(index));
  };
  // An explicit route: the static plugin's wildcard would otherwise answer "/" (a directory) with an error.
  app.get('/', { config: { public: true }, schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    // wildcard: files built after start are served too (a rebuilt bundle must not answer with index.html).
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = OPEN_PREFIXES.concat(API_PREFIX).some((prefix) => request.url.startsWith(prefix) && prefix !== '/v/' && prefix !== '/public');
    if (isApi || request.method !== 'GET') return sendProblem(reply, request, CommonErrors.ROUTE_NOT_FOUND);
    return sendIndex(reply);
  });

  return app;
}

export { AppError };
