import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZHoliday, ZHolidayCreateRequest, ZHolidayList, ZHolidayQuery } from '../../../contracts/calendar';
import { ZOk } from '../../../contracts/common';
import { requireUser } from '../../platform/tenant';
import { CalendarActions } from './policy';
import { addHoliday, listHolidays, removeHoliday } from './service';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/holidays',
    { config: { action: CalendarActions['calendar.read'] }, schema: { tags: ['calendar'], summary: 'Days off of my Pemda in a year (national, cuti bersama, election, local)', querystring: ZHolidayQuery, response: { 200: ZHolidayList } } },
    async (request) => listHolidays(request.ctx, requireUser(request.actor).pemdaId, request.query.year),
  );

  app.post(
    '/calendar/holidays',
    { config: { action: CalendarActions['calendar.manage'] }, schema: { tags: ['calendar'], summary: 'Add a local holiday or election day', body: ZHolidayCreateRequest, response: { 201: ZHoliday } } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      return reply.code(201).send(await addHoliday(request.ctx, actor.pemdaId, actor.userId, request.body));
    },
  );

  app.delete(
    '/calendar/holidays/:holidayId',
    { config: { action: CalendarActions['calendar.manage'] }, schema: { tags: ['calendar'], summary: 'Remove a day off (it becomes a working day again)', params: z.object({ holidayId: z.uuid() }), response: { 200: ZOk } } },
    async (request) => {
      await removeHoliday(request.ctx, requireUser(request.actor).pemdaId, request.params.holidayId);
      return { ok: true as const };
    },
  );
};
