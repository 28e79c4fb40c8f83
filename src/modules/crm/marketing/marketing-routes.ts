import { and, eq, gte, lte } from 'drizzle-orm';
import { Type } from 'typebox';
import { currencies } from '../../../platform/directories/schema.js';
import { CurrencyCode } from '../../../platform/directories/schemas.js';
import type { Api } from '../../../platform/http/api.js';
import { archiveRoutes } from '../../../platform/http/archive-routes.js';
import { textFilter, unlessArchived } from '../../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../../platform/http/pagination.js';
import { invalidField, notFound } from '../../../platform/http/problem.js';
import { DateOnly, Id, IdParams, Nullable, Search } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { eventAttendees, marketingCosts, marketingEvents } from '../schema.js';
import { createMarketingEvent } from './actions/create-marketing-event.js';
import { recordMarketingCost } from './actions/record-marketing-cost.js';
import { registerAttendee } from './actions/register-attendee.js';
import { setMarketingEventArchived } from './actions/set-marketing-event-archived.js';
import { updateMarketingEvent } from './actions/update-marketing-event.js';
import { attributionReport } from './attribution-report.js';
import {
  Attendee,
  AttendeeStatus,
  CostFields,
  EventFields,
  MarketingCost,
  MarketingEvent,
} from './marketing-schemas.js';

const tags = ['Marketing'];

export function marketingRoutes(api: Api) {
  const read = requirePermission('crm:read');

  api.get(
    '/marketing-events',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Exhibitions, seminars and webinars',
        querystring: listQuery(['startsOn', 'name'], {
          q: Type.Optional(Search),
          includeArchived: Type.Optional(Type.Boolean()),
        }),
        response: { 200: pageOf(MarketingEvent) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { startsOn: marketingEvents.startsOn, name: marketingEvents.name },
          '-startsOn',
          marketingEvents.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(marketingEvents)
              .where(
                whereAll([
                  where,
                  unlessArchived(req.query.includeArchived, marketingEvents.archivedAt),
                  textFilter(req.query.q, marketingEvents.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/marketing-events/:id',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'One event with its attendees and costs',
        params: IdParams,
        response: {
          200: Type.Object({
            ...MarketingEvent.properties,
            attendees: Type.Array(Attendee),
            costs: Type.Array(MarketingCost),
          }),
        },
      },
    },
    async (req) =>
      req.read(async (tx) => {
        const [event] = await tx.select().from(marketingEvents).where(eq(marketingEvents.id, req.params.id));
        if (!event) throw notFound('Marketing event', req.params.id);
        const attendees = await tx
          .select()
          .from(eventAttendees)
          .where(eq(eventAttendees.eventId, event.id))
          .orderBy(eventAttendees.createdAt);
        const costs = await tx
          .select()
          .from(marketingCosts)
          .where(eq(marketingCosts.sourceId, event.sourceId))
          .orderBy(marketingCosts.spentOn);
        return { ...event, attendees, costs };
      }),
  );

  api.post(
    '/marketing-events',
    {
      schema: {
        tags,
        summary: 'Add an event (it becomes a source too)',
        body: Type.Object(EventFields, { additionalProperties: false }),
        response: { 201: MarketingEvent },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createMarketingEvent, req.body)),
  );

  api.patch(
    '/marketing-events/:id',
    {
      schema: {
        tags,
        summary: 'Change an event',
        params: IdParams,
        body: Type.Partial(Type.Object(EventFields), { additionalProperties: false }),
        response: { 200: MarketingEvent },
      },
    },
    (req) => req.run(updateMarketingEvent, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/marketing-events',
    what: 'an event (its source leaves the pickers with it)',
    summaries: [
      'Archive an event: it and its source leave the lists and pickers',
      'Restore an event and its source',
    ],
    tags,
    response: MarketingEvent,
    action: setMarketingEventArchived,
  });

  api.post(
    '/marketing-events/:id/attendees',
    {
      schema: {
        tags,
        summary: 'Register a client, contact or lead for an event',
        params: IdParams,
        body: Type.Object(
          {
            clientId: Type.Optional(Id),
            contactId: Type.Optional(Id),
            leadId: Type.Optional(Id),
            status: Type.Optional(AttendeeStatus),
          },
          { additionalProperties: false },
        ),
        response: { 201: Attendee },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await req.run(registerAttendee, { ...req.body, eventId: req.params.id })),
  );

  api.get(
    '/marketing-costs',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Money spent per source',
        querystring: listQuery(['spentOn'], {
          sourceId: Type.Optional(Id),
          from: Type.Optional(DateOnly),
          to: Type.Optional(DateOnly),
        }),
        response: { 200: pageOf(MarketingCost) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { spentOn: marketingCosts.spentOn },
          '-spentOn',
          marketingCosts.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(marketingCosts)
              .where(
                whereAll([
                  where,
                  req.query.sourceId ? eq(marketingCosts.sourceId, req.query.sourceId) : undefined,
                  req.query.from ? gte(marketingCosts.spentOn, req.query.from) : undefined,
                  req.query.to ? lte(marketingCosts.spentOn, req.query.to) : undefined,
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.post(
    '/marketing-costs',
    {
      schema: {
        tags,
        summary: 'Record money spent on a channel, campaign or event',
        body: Type.Object(CostFields, { additionalProperties: false }),
        response: { 201: MarketingCost },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(recordMarketingCost, req.body)),
  );

  const AttributionRow = Type.Object({
    sourceId: Id,
    kind: Type.String(),
    name: Type.String(),
    leads: Type.Integer(),
    firstClients: Type.Integer(),
    deals: Type.Integer(),
    wonDeals: Type.Integer(),
    wonAmount: Type.String(),
    cost: Type.String(),
    returnOnCost: Nullable(Type.String()),
    unconverted: Type.Array(
      Type.Object({ currency: Type.String(), on: Type.String(), amount: Type.String() }),
    ),
  });

  api.get(
    '/attribution',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Per source: leads, first clients, deals, won amount and cost in one currency',
        querystring: Type.Object(
          { from: DateOnly, to: DateOnly, currency: CurrencyCode },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            currency: Type.String(),
            from: Type.String(),
            to: Type.String(),
            items: Type.Array(AttributionRow),
          }),
        },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const { from, to, currency } = req.query;
        if (to < from) throw invalidField('to', 'must not be before from');
        const [target] = await tx
          .select({ precision: currencies.precision })
          .from(currencies)
          .where(and(eq(currencies.code, currency)));
        if (!target) throw invalidField('currency', `${currency} is not in the currency list`);
        return {
          currency,
          from,
          to,
          items: await attributionReport(tx, { from, to }, currency, target.precision),
        };
      }),
  );
}
