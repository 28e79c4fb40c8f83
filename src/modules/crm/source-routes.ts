import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { archiveRoutes } from '../../platform/http/archive-routes.js';
import { textFilter, unlessArchived } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { notFound } from '../../platform/http/problem.js';
import { IdParams } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { ListFilters, Source, SourceFields, SourceKind } from './actions/activity-schemas.js';
import { createSource } from './actions/create-source.js';
import { setSourceArchived } from './actions/set-source-archived.js';
import { updateSource } from './actions/update-source.js';
import { sources } from './schema.js';

const tags = ['Sources'];

/** Where clients and leads come from. Everyone in CRM picks from the list; `crm:manage` keeps it. */
export function sourceRoutes(api: Api) {
  const read = requirePermission('crm:read');

  api.get(
    '/sources',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List the sources',
        querystring: listQuery(['name', 'createdAt'], {
          ...ListFilters,
          kind: Type.Optional(SourceKind),
          includeArchived: Type.Optional(Type.Boolean({ description: 'Show archived sources too' })),
        }),
        response: { 200: pageOf(Source) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { name: sources.name, createdAt: sources.createdAt },
          'name',
          sources.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(sources)
              .where(
                whereAll([
                  where,
                  unlessArchived(req.query.includeArchived, sources.archivedAt),
                  req.query.kind ? eq(sources.kind, req.query.kind) : undefined,
                  textFilter(req.query.q, sources.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/sources/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One source', params: IdParams, response: { 200: Source } },
    },
    async (req) => {
      const [source] = await req.read((tx) => tx.select().from(sources).where(eq(sources.id, req.params.id)));
      if (!source) throw notFound('Source', req.params.id);
      return source;
    },
  );

  api.post(
    '/sources',
    {
      schema: {
        tags,
        summary: 'Add a source: a channel, campaign, event, referral or web form',
        body: Type.Object(SourceFields, { additionalProperties: false }),
        response: { 201: Source },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createSource, req.body)),
  );

  api.patch(
    '/sources/:id',
    {
      schema: {
        tags,
        summary: 'Rename or reclassify a source',
        params: IdParams,
        body: Type.Partial(Type.Object(SourceFields), { additionalProperties: false }),
        response: { 200: Source },
      },
    },
    (req) => req.run(updateSource, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/sources',
    what: 'a source',
    tags,
    response: Source,
    action: setSourceArchived,
  });
}
