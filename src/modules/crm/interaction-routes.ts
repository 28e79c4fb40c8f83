import { and, eq, gte, lt } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { textFilter } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { notFound } from '../../platform/http/problem.js';
import { Id, IdParams } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { visibleThroughClient } from '../parties/visibility.js';
import {
  At,
  filteredUser,
  Interaction,
  InteractionChanges,
  InteractionKind,
  InteractionStatus,
  ListFilters,
  NewInteractionFields,
  UserFilter,
} from './actions/activity-schemas.js';
import { cancelInteraction } from './actions/cancel-interaction.js';
import { completeInteraction } from './actions/complete-interaction.js';
import { logInteraction } from './actions/log-interaction.js';
import { updateInteraction } from './actions/update-interaction.js';
import { interactions } from './schema.js';

const tags = ['Interactions'];

/** Meetings, calls, SMS, emails and notes; a rep sees those of the clients they are responsible for. */
export function interactionRoutes(api: Api) {
  const read = requirePermission('crm:read');

  api.get(
    '/interactions',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List interactions, latest first',
        querystring: listQuery(['occursAt', 'createdAt'], {
          ...ListFilters,
          clientId: Type.Optional(Id),
          contactId: Type.Optional(Id),
          dealId: Type.Optional(Id),
          kind: Type.Optional(InteractionKind),
          status: Type.Optional(InteractionStatus),
          responsibleUserId: Type.Optional(UserFilter),
          from: Type.Optional(At('Occurring at or after')),
          to: Type.Optional(At('Occurring before')),
        }),
        response: { 200: pageOf(Interaction) },
      },
    },
    (req) => {
      const { clientId, contactId, dealId, kind, status, responsibleUserId, from, to, q } = req.query;
      return req.read((tx) =>
        keysetPage(
          req.query,
          { occursAt: interactions.occursAt, createdAt: interactions.createdAt },
          '-occursAt',
          interactions.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(interactions)
              .where(
                whereAll([
                  where,
                  visibleThroughClient(req.actor, interactions.clientId),
                  clientId ? eq(interactions.clientId, clientId) : undefined,
                  contactId ? eq(interactions.contactId, contactId) : undefined,
                  dealId ? eq(interactions.dealId, dealId) : undefined,
                  kind ? eq(interactions.kind, kind) : undefined,
                  status ? eq(interactions.status, status) : undefined,
                  responsibleUserId
                    ? eq(interactions.responsibleUserId, filteredUser(responsibleUserId, req.actor))
                    : undefined,
                  from ? gte(interactions.occursAt, new Date(from)) : undefined,
                  to ? lt(interactions.occursAt, new Date(to)) : undefined,
                  textFilter(q, interactions.subject, interactions.body),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      );
    },
  );

  api.get(
    '/interactions/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One interaction', params: IdParams, response: { 200: Interaction } },
    },
    async (req) => {
      const [interaction] = await req.read((tx) =>
        tx
          .select()
          .from(interactions)
          .where(
            and(eq(interactions.id, req.params.id), visibleThroughClient(req.actor, interactions.clientId)),
          ),
      );
      if (!interaction) throw notFound('Interaction', req.params.id);
      return interaction;
    },
  );

  api.post(
    '/interactions',
    {
      schema: {
        tags,
        summary: 'Log an interaction that happened, or plan one',
        description:
          'Calls are `call_in` or `call_out` and alone carry durationSeconds and outcome. A planned one needs ' +
          'occursAt and reminds its responsible person 15 minutes before unless remindAt says otherwise (null: ' +
          "never). The contact and deal must be the client's. Without sourceId it carries the source that first " +
          'brought the client.',
        body: Type.Object(NewInteractionFields, { additionalProperties: false }),
        response: { 201: Interaction },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(logInteraction, req.body)),
  );

  api.patch(
    '/interactions/:id',
    {
      schema: {
        tags,
        summary: 'Change or reschedule an interaction (a moved reminder moves along)',
        params: IdParams,
        body: Type.Partial(Type.Object(InteractionChanges), { additionalProperties: false }),
        response: { 200: Interaction },
      },
    },
    (req) => req.run(updateInteraction, { ...req.body, id: req.params.id }),
  );

  api.post(
    '/interactions/:id/done',
    {
      // Nothing to report is a report too: a POST with no body reads as an empty one.
      preValidation: async (req) => {
        if (req.body === undefined) req.body = {};
      },
      schema: {
        tags,
        summary: 'Mark a planned interaction done',
        description: 'Without occursAt it happened when planned, or now if that is still ahead.',
        params: IdParams,
        body: Type.Object(
          {
            outcome: Type.Optional(InteractionChanges.outcome),
            durationSeconds: Type.Optional(InteractionChanges.durationSeconds),
            occursAt: Type.Optional(InteractionChanges.occursAt),
            body: Type.Optional(InteractionChanges.body),
          },
          { additionalProperties: false },
        ),
        response: { 200: Interaction },
      },
    },
    (req) => req.run(completeInteraction, { ...req.body, id: req.params.id }),
  );

  api.post(
    '/interactions/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a planned interaction',
        params: IdParams,
        response: { 200: Interaction },
      },
    },
    (req) => req.run(cancelInteraction, { id: req.params.id }),
  );
}
