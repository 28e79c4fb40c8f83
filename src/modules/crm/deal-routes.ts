import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { textFilter } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf } from '../../platform/http/pagination.js';
import { Id, IdParams, Search } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { createDeal } from './actions/create-deal.js';
import { loseDeal } from './actions/lose-deal.js';
import { moveDeal } from './actions/move-deal.js';
import { QualifyLeadFields, qualifyLead } from './actions/qualify-lead.js';
import { setDealContacts } from './actions/set-deal-contacts.js';
import { updateDeal } from './actions/update-deal.js';
import { winDeal } from './actions/win-deal.js';
import { dealCard, selectDeals, showDeal } from './deal-queries.js';
import { Deal, DealCard, DealChanges, DealContactInput, DealStatus } from './deal-schemas.js';
import { deals } from './schema.js';

const tags = ['Deals'];
const { title, currency, ...optional } = DealChanges;

const QualifiedLead = Type.Object({
  leadId: Id,
  clientId: Id,
  contactId: Id,
  deal: DealCard,
});

export function dealRoutes(api: Api) {
  const read = requirePermission('crm:read');
  const card = (req: FastifyRequest, id: string) => req.read((tx) => dealCard(tx, req.actor, id));

  api.get(
    '/deals',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List deals, newest first',
        description: 'A sales rep sees the deals of their own clients only.',
        querystring: listQuery(['createdAt', 'updatedAt', 'title'], {
          pipelineId: Type.Optional(Id),
          stageId: Type.Optional(Id),
          status: Type.Optional(DealStatus),
          clientId: Type.Optional(Id),
          responsibleUserId: Type.Optional(Id),
          q: Type.Optional(Search),
        }),
        response: { 200: pageOf(Deal) },
      },
    },
    async (req) => {
      const { pipelineId, stageId, status, clientId, responsibleUserId, q } = req.query;
      const page = await req.read((tx) =>
        keysetPage(
          req.query,
          { createdAt: deals.createdAt, updatedAt: deals.updatedAt, title: deals.title },
          '-createdAt',
          deals.id,
          (where, orderBy, limit) =>
            selectDeals(tx, req.actor, [
              where,
              pipelineId ? eq(deals.pipelineId, pipelineId) : undefined,
              stageId ? eq(deals.stageId, stageId) : undefined,
              status ? eq(deals.status, status) : undefined,
              clientId ? eq(deals.clientId, clientId) : undefined,
              responsibleUserId ? eq(deals.responsibleUserId, responsibleUserId) : undefined,
              textFilter(q, deals.title),
            ])
              .orderBy(...orderBy)
              .limit(limit),
        ),
      );
      return { ...page, items: page.items.map(showDeal) };
    },
  );

  api.get(
    '/deals/:id',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'The deal card: stage, contacts and stage history',
        params: IdParams,
        response: { 200: DealCard },
      },
    },
    (req) => card(req, req.params.id),
  );

  api.post(
    '/deals',
    {
      schema: {
        tags,
        summary: 'Open a deal with a client',
        description:
          'The deal starts in the first open stage of the pipeline (the default pipeline unless one is named), ' +
          'or in the open stage given, whose regulation it must meet.',
        body: Type.Object(
          {
            title,
            currency,
            clientId: Id,
            pipelineId: Type.Optional(Id),
            stageId: Type.Optional(Id),
            ...Type.Partial(Type.Object(optional)).properties,
            contacts: Type.Optional(Type.Array(DealContactInput, { maxItems: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: DealCard },
      },
    },
    async (req, reply) => {
      const deal = await req.run(createDeal, req.body);
      return reply.code(201).send(await card(req, deal.id));
    },
  );

  api.patch(
    '/deals/:id',
    {
      schema: {
        tags,
        summary: "Change a deal's fields",
        description: 'The stage changes by a move, where stage regulations are checked.',
        params: IdParams,
        body: Type.Partial(Type.Object(DealChanges), { additionalProperties: false }),
        response: { 200: DealCard },
      },
    },
    async (req) => {
      await req.run(updateDeal, { ...req.body, id: req.params.id });
      return card(req, req.params.id);
    },
  );

  api.post(
    '/deals/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a deal to another stage of its pipeline',
        description:
          "The target stage's regulation must be met: a refusal lists every missing thing as `errors`. " +
          'Entering a won or lost stage closes the deal; a lost stage needs `lossReasonId`.',
        params: IdParams,
        body: Type.Object(
          {
            stageId: Id,
            lossReasonId: Type.Optional(Id),
            note: Type.Optional(
              Type.String({ maxLength: 2000, description: 'Why it was lost, in words; kept as lossNote' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: DealCard },
      },
    },
    async (req) => {
      await req.run(moveDeal, { ...req.body, id: req.params.id });
      return card(req, req.params.id);
    },
  );

  api.post(
    '/deals/:id/win',
    {
      schema: {
        tags,
        summary: "Win a deal: move it to its pipeline's won stage",
        params: IdParams,
        response: { 200: DealCard },
      },
    },
    async (req) => {
      await req.run(winDeal, { id: req.params.id });
      return card(req, req.params.id);
    },
  );

  api.post(
    '/deals/:id/lose',
    {
      schema: {
        tags,
        summary: "Lose a deal for a reason: move it to its pipeline's lost stage",
        params: IdParams,
        body: Type.Object(
          {
            lossReasonId: Id,
            note: Type.Optional(
              Type.String({ maxLength: 2000, description: 'Why it was lost, in words; kept as lossNote' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: DealCard },
      },
    },
    async (req) => {
      await req.run(loseDeal, { ...req.body, id: req.params.id });
      return card(req, req.params.id);
    },
  );

  api.put(
    '/deals/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Set the contacts of a deal and their roles',
        description: 'The list replaces the one before; each contact must be a person at the deal’s client.',
        params: IdParams,
        body: Type.Object(
          { contacts: Type.Array(DealContactInput, { maxItems: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: DealCard },
      },
    },
    async (req) => {
      await req.run(setDealContacts, { ...req.body, id: req.params.id });
      return card(req, req.params.id);
    },
  );

  api.post(
    '/leads/:id/qualify',
    {
      schema: {
        tags: ['Leads'],
        summary: 'Qualify a lead into a client, a contact and a deal in one step',
        description:
          'Give `clientId` for an existing client or `newClient` for a new one. The deal carries the ' +
          "lead's source; a new client records it as its first source.",
        params: IdParams,
        body: Type.Object(QualifyLeadFields, { additionalProperties: false }),
        response: { 200: QualifiedLead },
      },
    },
    async (req) => {
      const result = await req.run(qualifyLead, { ...req.body, leadId: req.params.id });
      return {
        leadId: result.lead.id,
        clientId: result.client.id,
        contactId: result.contact.id,
        deal: await card(req, result.deal.id),
      };
    },
  );
}
