import { isNull } from 'drizzle-orm';
import { Type } from 'typebox';
import { apiTokens } from '../../platform/auth/schema.js';
import type { Api } from '../../platform/http/api.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { Id, IdParams } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { createApiToken } from './actions/create-api-token.js';
import { revokeApiToken } from './actions/revoke-api-token.js';
import { ApiToken } from './api-token-schemas.js';

const tags = ['Integrations'];

export function integrationRoutes(api: Api) {
  api.get(
    '/api-tokens',
    {
      preHandler: requirePermission('integrations:manage'),
      schema: {
        tags,
        summary: 'API tokens of the workspace',
        querystring: listQuery(['createdAt', 'name'], { includeRevoked: Type.Optional(Type.Boolean()) }),
        response: { 200: pageOf(ApiToken) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { createdAt: apiTokens.createdAt, name: apiTokens.name },
          '-createdAt',
          apiTokens.id,
          (where, orderBy, limit) =>
            tx
              .select({
                id: apiTokens.id,
                name: apiTokens.name,
                prefix: apiTokens.prefix,
                roleId: apiTokens.roleId,
                createdAt: apiTokens.createdAt,
                lastUsedAt: apiTokens.lastUsedAt,
                expiresAt: apiTokens.expiresAt,
                revokedAt: apiTokens.revokedAt,
              })
              .from(apiTokens)
              .where(whereAll([where, req.query.includeRevoked ? undefined : isNull(apiTokens.revokedAt)]))
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.post(
    '/api-tokens',
    {
      schema: {
        tags,
        summary: 'Make an API token; the answer shows the secret once',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            roleId: Id,
            expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ ...ApiToken.properties, token: Type.String() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createApiToken, req.body)),
  );

  api.post(
    '/api-tokens/:id/revoke',
    {
      schema: { tags, summary: 'Revoke an API token at once', params: IdParams, response: { 200: ApiToken } },
    },
    (req) => req.run(revokeApiToken, { id: req.params.id }),
  );
}
