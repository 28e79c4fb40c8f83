import { Type } from 'typebox';
import type { Actor } from '../../platform/actions/actor.js';
import type { Api } from '../../platform/http/api.js';
import { Cursor } from '../../platform/http/pagination.js';
import { invalidField } from '../../platform/http/problem.js';
import { Id, IdParams, Nullable, Timestamp } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { clientTimeline } from './client-card.js';
import { type Reader, timelineTypes } from './client-record-sources.js';
import { globalSearch } from './global-search.js';
import { loadVisibleClient } from './visibility.js';

const TimelineEntry = Type.Object({
  type: Type.String({ description: 'interaction, task, stage, lead, ... (each module adds its own)' }),
  id: Id,
  at: Timestamp,
  title: Type.String(),
  detail: Nullable(Type.String()),
  status: Nullable(Type.String()),
  dealId: Nullable(Id),
  userId: Nullable(Id),
  userName: Nullable(Type.String()),
});

const SearchHit = Type.Object({
  type: Type.String(),
  id: Id,
  title: Type.String(),
  detail: Nullable(Type.String()),
  clientId: Nullable(Id),
});

export function cardRoutes(api: Api) {
  const read = requirePermission('parties:read');
  // Records of a switched-off module, or of one the reader may not read, stay out of sight.
  const readerOf = async (actor: Actor): Promise<Reader> => ({
    actor,
    modulesOff: await api.platform.modules.switchedOff(api.platform.db, actor.tenantId),
  });

  api.get(
    '/clients/:id/timeline',
    {
      preHandler: read,
      schema: {
        tags: ['Clients'],
        summary: 'Everything that happened with a client, newest first',
        params: IdParams,
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            cursor: Type.Optional(Cursor),
            types: Type.Optional(
              Type.String({
                maxLength: 200,
                description: `Comma-separated: ${'interaction,task,stage,lead'}`,
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(TimelineEntry), nextCursor: Nullable(Type.String()) }),
        },
      },
    },
    async (req) => {
      // Read the switches first: on the embedded database a second transaction inside this one would wait forever.
      const reader = await readerOf(req.actor);
      return req.read(async (tx) => {
        await loadVisibleClient(tx, req.actor, req.params.id);
        const known = timelineTypes(reader);
        const types = req.query.types?.split(',').filter(Boolean);
        const unknown = types?.filter((t) => !known.includes(t)) ?? [];
        if (unknown.length)
          throw invalidField('types', `unknown: ${unknown.join(', ')}; known: ${known.join(', ')}`);
        return clientTimeline(tx, reader, req.params.id, {
          limit: req.query.limit ?? 30,
          cursor: req.query.cursor,
          types,
        });
      });
    },
  );

  api.get(
    '/search',
    {
      preHandler: read,
      schema: {
        tags: ['Clients'],
        summary: 'Find clients, contacts, counterparties and deals by name fragment, phone, email or tax id',
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 2, maxLength: 200 }),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(SearchHit) }) },
      },
    },
    async (req) => {
      const reader = await readerOf(req.actor);
      return {
        items: await req.read((tx) => globalSearch(tx, reader, req.query.q.trim(), req.query.limit ?? 20)),
      };
    },
  );
}
