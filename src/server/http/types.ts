import type { SessionStage } from '../modules/auth/tables';
import type { Config } from '../config';
import type { Database } from '../db/connect';
import type { SecretBox } from '../platform/secrets';
import type { Actor, Ctx } from './context';
import type { Lang } from './errors';

export interface RouteEntry {
  method: string;
  url: string;
  action: string | null;
  public: boolean;
}

/** What route plugins receive besides the request: shared services, built once in buildApp. */
export interface AppDeps {
  config: Config;
  database: Database;
  secrets: SecretBox;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Policy action checked at role level before the body is read. */
    action?: string;
    /** Route open to anonymous callers. */
    public?: boolean;
    /** Session stages besides 'full' allowed on this route (TOTP enrolment, forced password change). */
    stages?: SessionStage[];
  }
  interface FastifyRequest {
    actor: Actor;
    lang: Lang;
    ctx: Ctx;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** Every API route with who may call it; the route-by-role test walks it. */
    routeTable: RouteEntry[];
  }
}
