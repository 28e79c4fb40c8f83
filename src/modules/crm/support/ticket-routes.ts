import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../../platform/http/api.js';
import { textFilter } from '../../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../../platform/http/pagination.js';
import { notFound } from '../../../platform/http/problem.js';
import { Id, IdParams, Search } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { visibleThroughClient } from '../../parties/visibility.js';
import { tickets } from '../schema.js';
import { openTicket } from './actions/open-ticket.js';
import { createWorkCalendar, setSlaPolicy } from './actions/set-up-sla.js';
import { workTicket } from './actions/work-ticket.js';
import {
  CalendarFields,
  OpenTicketFields,
  Priority,
  SlaFields,
  Ticket,
  TicketKind,
} from './ticket-schemas.js';

const tags = ['Claims and tickets'];

export function ticketRoutes(api: Api) {
  const read = requirePermission('crm:read');

  api.post(
    '/work-calendars',
    {
      schema: {
        tags,
        summary: 'Working hours for SLA clocks',
        body: Type.Object(CalendarFields, { additionalProperties: false }),
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createWorkCalendar, req.body)),
  );

  api.put(
    '/sla-policies',
    {
      schema: {
        tags,
        summary: 'Set the targets for a kind and priority',
        body: Type.Object(SlaFields, { additionalProperties: false }),
      },
    },
    (req) => req.run(setSlaPolicy, req.body),
  );

  api.get(
    '/tickets',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Claims and tickets',
        querystring: listQuery(['createdAt', 'resolutionDueAt'], {
          kind: Type.Optional(TicketKind),
          status: Type.Optional(Type.String({ maxLength: 20 })),
          priority: Type.Optional(Priority),
          clientId: Type.Optional(Id),
          q: Type.Optional(Search),
        }),
        response: { 200: pageOf(Ticket) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { createdAt: tickets.createdAt, resolutionDueAt: tickets.resolutionDueAt },
          '-createdAt',
          tickets.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(tickets)
              .where(
                whereAll([
                  where,
                  visibleThroughClient(req.actor, tickets.clientId),
                  req.query.kind ? eq(tickets.kind, req.query.kind) : undefined,
                  req.query.status ? eq(tickets.status, req.query.status) : undefined,
                  req.query.priority ? eq(tickets.priority, req.query.priority) : undefined,
                  req.query.clientId ? eq(tickets.clientId, req.query.clientId) : undefined,
                  textFilter(req.query.q, tickets.subject),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/tickets/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One claim or ticket', params: IdParams, response: { 200: Ticket } },
    },
    async (req) => {
      const [ticket] = await req.read((tx) =>
        tx
          .select()
          .from(tickets)
          .where(
            whereAll([eq(tickets.id, req.params.id), visibleThroughClient(req.actor, tickets.clientId)]),
          ),
      );
      if (!ticket) throw notFound('Ticket', req.params.id);
      return ticket;
    },
  );

  api.post(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Take in a claim or ticket; its SLA clocks start',
        body: Type.Object(OpenTicketFields, { additionalProperties: false }),
        response: { 201: Ticket },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(openTicket, req.body)),
  );

  api.post(
    '/tickets/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a ticket: in progress, waiting, resolved (with the resolution), closed',
        params: IdParams,
        body: Type.Omit(workTicket.input, ['id']),
        response: { 200: Ticket },
      },
    },
    (req) => req.run(workTicket, { ...req.body, id: req.params.id }),
  );
}
