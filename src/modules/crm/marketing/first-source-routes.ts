import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../../platform/http/api.js';
import { Id, IdParams, Nullable, Timestamp } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { loadVisibleClient } from '../../parties/visibility.js';
import { clientAttribution, sources } from '../schema.js';
import { setFirstSource } from './actions/set-first-source.js';

const FirstSource = Type.Object({
  source: Nullable(Type.Object({ id: Id, name: Type.String(), kind: Type.String() })),
  since: Nullable(Timestamp),
});

/** The client's first source ("how did you learn about us"), read and answered on the client card. */
export function firstSourceRoutes(api: Api) {
  const tags = ['Marketing'];
  api.get(
    '/clients/:id/first-source',
    {
      preHandler: requirePermission('crm:read'),
      schema: {
        tags,
        summary: 'The source that first brought the client, or null when not asked yet',
        params: IdParams,
        response: { 200: FirstSource },
      },
    },
    (req) =>
      req.read(async (tx) => {
        await loadVisibleClient(tx, req.actor, req.params.id);
        const [row] = await tx
          .select({
            id: sources.id,
            name: sources.name,
            kind: sources.kind,
            since: clientAttribution.createdAt,
          })
          .from(clientAttribution)
          .innerJoin(sources, eq(sources.id, clientAttribution.firstSourceId))
          .where(eq(clientAttribution.clientId, req.params.id));
        return row
          ? { source: { id: row.id, name: row.name, kind: row.kind }, since: row.since }
          : { source: null, since: null };
      }),
  );

  api.put(
    '/clients/:id/first-source',
    {
      preHandler: requirePermission('crm:write'),
      schema: {
        tags,
        summary: 'Answer (or correct) how the client learned about us',
        params: IdParams,
        body: Type.Object({ sourceId: Id }, { additionalProperties: false }),
        response: { 200: Type.Object({ clientId: Id, firstSourceId: Id }) },
      },
    },
    (req) => req.run(setFirstSource, { clientId: req.params.id, sourceId: req.body.sourceId }),
  );
}
