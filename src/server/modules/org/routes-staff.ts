import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAssignJabatan,
  ZHolder,
  ZHolderEnd,
  ZJabatan,
  ZJabatanCreate,
  ZJabatanQuery,
  ZJabatanUpdate,
  ZPegawai,
  ZPegawaiCreate,
  ZPegawaiSearchQuery,
  ZPegawaiSummary,
  ZPegawaiUpdate,
} from '../../../contracts/org';
import { ZPage } from '../../../contracts/common';
import { OrgActions } from './policy';
import { PROBLEMS, ZHolderParams, ZJabatanParams, ZPegawaiParams } from './routes-shared';
import { callerPemdaId } from './service';
import { assignJabatan, endHolder } from './service-appointments';
import { createJabatan, createPegawai, getPegawai, listJabatan, searchPegawai, updateJabatan, updatePegawai } from './service-staff';

/** Positions (jabatan), pegawai and appointments. */
export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/jabatan',
    {
      config: { action: OrgActions['org.read'] },
      schema: {
        tags: ['jabatan'],
        summary: 'Active positions with their current holder; vacant=true lists the vacancies (no active definitif holder)',
        querystring: ZJabatanQuery,
        response: { 200: ZPage(ZJabatan), ...PROBLEMS },
      },
    },
    async (request) => listJabatan(request.ctx, callerPemdaId(request.actor), request.query),
  );

  app.post(
    '/jabatan',
    {
      config: { action: OrgActions['org.manage'] },
      schema: { tags: ['jabatan'], summary: 'Create a position', body: ZJabatanCreate, response: { 201: ZJabatan, ...PROBLEMS } },
    },
    async (request, reply) => reply.code(201).send(await createJabatan(request.ctx, { pemdaId: callerPemdaId(request.actor), jabatan: request.body })),
  );

  app.patch(
    '/jabatan/:jabatanId',
    {
      config: { action: OrgActions['org.manage'] },
      schema: {
        tags: ['jabatan'],
        summary: 'Change a position (deactivating needs its holder to have left)',
        params: ZJabatanParams,
        body: ZJabatanUpdate,
        response: { 200: ZJabatan, ...PROBLEMS },
      },
    },
    async (request) => updateJabatan(request.ctx, { pemdaId: callerPemdaId(request.actor), jabatanId: request.params.jabatanId, patch: request.body }),
  );

  app.get(
    '/pegawai',
    {
      config: { action: OrgActions['org.read'] },
      schema: {
        tags: ['pegawai'],
        summary: 'Search pegawai by name or NIP (digits: NIP prefix), ordered by name, with cursor pagination',
        querystring: ZPegawaiSearchQuery,
        response: { 200: ZPage(ZPegawaiSummary), ...PROBLEMS },
      },
    },
    async (request) => searchPegawai(request.ctx, callerPemdaId(request.actor), request.query),
  );

  app.get(
    '/pegawai/:pegawaiId',
    {
      config: { action: OrgActions['org.read'] },
      schema: {
        tags: ['pegawai'],
        summary: 'One pegawai with position history; phone, e-mail and birth date only for roles allowed to see them (else null)',
        params: ZPegawaiParams,
        response: { 200: ZPegawai, ...PROBLEMS },
      },
    },
    async (request) => getPegawai(request.ctx, { pemdaId: callerPemdaId(request.actor), pegawaiId: request.params.pegawaiId }),
  );

  app.post(
    '/pegawai',
    {
      config: { action: OrgActions['org.manage'] },
      schema: {
        tags: ['pegawai'],
        summary: 'Register a pegawai (PNS/PPPK need a valid NIP; sex and birth date must agree with it)',
        body: ZPegawaiCreate,
        response: { 201: ZPegawai, ...PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await createPegawai(request.ctx, { pemdaId: callerPemdaId(request.actor), pegawai: request.body })),
  );

  app.patch(
    '/pegawai/:pegawaiId',
    {
      config: { action: OrgActions['org.manage'] },
      schema: { tags: ['pegawai'], summary: 'Change a pegawai', params: ZPegawaiParams, body: ZPegawaiUpdate, response: { 200: ZPegawai, ...PROBLEMS } },
    },
    async (request) => updatePegawai(request.ctx, { pemdaId: callerPemdaId(request.actor), pegawaiId: request.params.pegawaiId, patch: request.body }),
  );

  app.post(
    '/pegawai/:pegawaiId/jabatan',
    {
      config: { action: OrgActions['org.manage'] },
      schema: {
        tags: ['pegawai'],
        summary: 'Appoint to a position: a definitif appointment ends the current post the day before; refused if the position has another definitif holder',
        params: ZPegawaiParams,
        body: ZAssignJabatan,
        response: { 201: ZPegawai, ...PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await assignJabatan(request.ctx, { pemdaId: callerPemdaId(request.actor), pegawaiId: request.params.pegawaiId, assignment: request.body })),
  );

  app.post(
    '/jabatan-holders/:holderId/end',
    {
      config: { action: OrgActions['org.manage'] },
      schema: { tags: ['jabatan'], summary: 'End an appointment on a date', params: ZHolderParams, body: ZHolderEnd, response: { 200: ZHolder, ...PROBLEMS } },
    },
    async (request) => endHolder(request.ctx, { pemdaId: callerPemdaId(request.actor), holderId: request.params.holderId, endDate: request.body.endDate }),
  );
};
