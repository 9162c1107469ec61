import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOpd, ZOpdCreate, ZOpdDetail, ZOpdQuery, ZOpdUpdate, ZUnit, ZUnitCreate, ZUnitUpdate } from '../../../contracts/org';
import { OrgActions } from './policy';
import { PROBLEMS, ZOpdParams, ZUnitParams } from './routes-shared';
import { callerPemdaId, createOpd, createUnit, getOpdDetail, listOpd, updateOpd, updateUnit } from './service';

/** OPDs (perangkat daerah) and their units. */
export const opdRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/opd',
    {
      config: { action: OrgActions['org.read'] },
      schema: {
        tags: ['opd'],
        summary: 'All OPDs of my Pemda with parent, head, and counts of pegawai, positions and vacancies',
        querystring: ZOpdQuery,
        response: { 200: z.object({ items: z.array(ZOpd) }), ...PROBLEMS },
      },
    },
    async (request) => ({ items: await listOpd(request.ctx, callerPemdaId(request.actor), request.query) }),
  );

  app.get(
    '/opd/:opdId',
    {
      config: { action: OrgActions['org.read'] },
      schema: { tags: ['opd'], summary: 'One OPD: children, units, positions with their current holder', params: ZOpdParams, response: { 200: ZOpdDetail, ...PROBLEMS } },
    },
    async (request) => getOpdDetail(request.ctx, { pemdaId: callerPemdaId(request.actor), opdId: request.params.opdId }),
  );

  app.post(
    '/opd',
    {
      config: { action: OrgActions['org.manage'] },
      schema: {
        tags: ['opd'],
        summary: 'Create an OPD (a kecamatan or kelurahan OPD must link its region)',
        body: ZOpdCreate,
        response: { 201: ZOpd, ...PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await createOpd(request.ctx, { pemdaId: callerPemdaId(request.actor), opd: request.body })),
  );

  app.patch(
    '/opd/:opdId',
    {
      config: { action: OrgActions['org.manage'] },
      schema: {
        tags: ['opd'],
        summary: 'Change an OPD (no parent cycles; kecamatan/kelurahan keep a region of their level)',
        params: ZOpdParams,
        body: ZOpdUpdate,
        response: { 200: ZOpd, ...PROBLEMS },
      },
    },
    async (request) => updateOpd(request.ctx, { pemdaId: callerPemdaId(request.actor), opdId: request.params.opdId, patch: request.body }),
  );

  app.post(
    '/opd/:opdId/units',
    {
      config: { action: OrgActions['org.manage'] },
      schema: { tags: ['opd'], summary: 'Add a unit (bidang, bagian, seksi ...) to an OPD', params: ZOpdParams, body: ZUnitCreate, response: { 201: ZUnit, ...PROBLEMS } },
    },
    async (request, reply) =>
      reply.code(201).send(await createUnit(request.ctx, { pemdaId: callerPemdaId(request.actor), opdId: request.params.opdId, unit: request.body })),
  );

  app.patch(
    '/units/:unitId',
    {
      config: { action: OrgActions['org.manage'] },
      schema: { tags: ['opd'], summary: 'Change a unit (its parent stays inside the same OPD, no cycles)', params: ZUnitParams, body: ZUnitUpdate, response: { 200: ZUnit, ...PROBLEMS } },
    },
    async (request) => updateUnit(request.ctx, { pemdaId: callerPemdaId(request.actor), unitId: request.params.unitId, patch: request.body }),
  );
};
