import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { ZAuditPage, ZAuditVerify } from '../../../contracts/audit';
import { isUser } from '../../http/context';
import { AppError, CommonErrors } from '../../http/errors';
import { verifyAuditChain } from '../../platform/audit';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { definePolicy } from '../../platform/policy';

export const AuditActions = definePolicy({
  'audit.read': { roles: ['admin_pemda', 'inspektorat'] },
});


export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { action: AuditActions['audit.read'] },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail of my Pemda, newest first',
        querystring: z.object({
          action: z.string().max(100).optional(),
          entityType: z.string().max(100).optional(),
          entityId: z.string().max(100).optional(),
          actorId: z.uuid().optional(),
          from: z.iso.date().optional(),
          to: z.iso.date().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(100).optional(),
        }),
        response: { 200: ZAuditPage },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (!isUser(actor)) throw new AppError(CommonErrors.FORBIDDEN);
      const q = request.query;
      let query = request.ctx.db
        .selectFrom('audit_log as a')
        .leftJoin('app_user as u', (join) => join.onRef('u.pemda_id', '=', 'a.pemda_id').onRef('u.id', '=', 'a.actor_id'))
        .selectAll('a')
        .select('u.name as actor_name')
        .where('a.pemda_id', '=', actor.pemdaId)
        .orderBy('a.seq', 'desc')
        .limit(q.limit + 1);
      if (q.action) query = query.where('a.action', 'like', `${q.action}%`);
      if (q.entityType) query = query.where('a.entity_type', '=', q.entityType);
      if (q.entityId) query = query.where('a.entity_id', '=', q.entityId);
      if (q.actorId) query = query.where('a.actor_id', '=', q.actorId);
      if (q.from) query = query.where('a.at', '>=', new Date(`${q.from}T00:00:00+07:00`));
      if (q.to) query = query.where('a.at', '<', sql<Date>`${new Date(`${q.to}T00:00:00+07:00`)}::timestamptz + interval '1 day'`);
      if (q.cursor) {
        const [seq] = decodeCursor(q.cursor, 1);
        query = query.where('a.seq', '<', Number(seq));
      }
      const rows = await query.execute();
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((row) => ({
          seq: row.seq,
          at: row.at.toISOString(),
          actorKind: row.actor_kind,
          actorId: row.actor_id,
          actorName: row.actor_name ?? null,
          actorRole: row.actor_role,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          diff: row.diff,
          requestId: row.request_id,
          ip: row.ip,
          hash: row.hash,
        })),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.seq]) : null,
      };
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { action: AuditActions['audit.read'] },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of my Pemda',
        response: { 200: ZAuditVerify },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (!isUser(actor)) throw new AppError(CommonErrors.FORBIDDEN);
      const result = await verifyAuditChain(request.ctx.db, actor.pemdaId);
      return { rows: result.rows, ok: result.ok, problems: result.problems };
    },
  );
};
