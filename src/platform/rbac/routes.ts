import { eq, isNull } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../http/api.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { notFound } from '../http/problem.js';
import { IdParams } from '../http/schemas.js';
import { createRole } from './actions/create-role.js';
import { setRoleArchived } from './actions/set-role-archived.js';
import { updateRole } from './actions/update-role.js';
import { requirePermission } from './require-permission.js';
import { Role, RoleFields, showRole } from './role-schemas.js';
import { roles } from './schema.js';

const tags = ['Roles'];

export function roleRoutes(api: Api) {
  const read = requirePermission('users:read');
  // Whoever hands out API tokens picks the token's role from this list.
  const readRoles = requirePermission('users:read', 'integrations:manage');
  const forget = (tenantId: string) => api.platform.auth.forgetRoles(tenantId);

  api.get(
    '/permissions',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Every permission a role can grant, by module',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ key: Type.String(), description: Type.String(), module: Type.String() }),
            ),
          }),
        },
      },
    },
    async () => ({ items: api.platform.modules.permissions() }),
  );

  api.get(
    '/roles',
    {
      preHandler: readRoles,
      schema: {
        tags,
        summary: 'Roles of the workspace',
        querystring: listQuery(['name'], { includeArchived: Type.Optional(Type.Boolean()) }),
        response: { 200: pageOf(Role) },
      },
    },
    async (req) => {
      const page = await req.read((tx) =>
        keysetPage(req.query, { name: roles.name }, 'name', roles.id, (where, orderBy, limit) =>
          tx
            .select()
            .from(roles)
            .where(whereAll([where, req.query.includeArchived ? undefined : isNull(roles.archivedAt)]))
            .orderBy(...orderBy)
            .limit(limit),
        ),
      );
      return { ...page, items: page.items.map(showRole) };
    },
  );

  api.get(
    '/roles/:id',
    { preHandler: read, schema: { tags, summary: 'One role', params: IdParams, response: { 200: Role } } },
    async (req) => {
      const [role] = await req.read((tx) => tx.select().from(roles).where(eq(roles.id, req.params.id)));
      if (!role) throw notFound('Role', req.params.id);
      return showRole(role);
    },
  );

  api.post(
    '/roles',
    {
      schema: {
        tags,
        summary: 'Make a custom role',
        body: Type.Object(RoleFields, { additionalProperties: false }),
        response: { 201: Role },
      },
    },
    async (req, reply) => reply.code(201).send(showRole(await req.run(createRole, req.body))),
  );

  api.patch(
    '/roles/:id',
    {
      schema: {
        tags,
        summary: 'Change a custom role',
        params: IdParams,
        body: Type.Partial(Type.Object(RoleFields), { additionalProperties: false }),
        response: { 200: Role },
      },
    },
    async (req) => {
      const role = await req.run(updateRole, { ...req.body, id: req.params.id });
      forget(req.actor.tenantId);
      return showRole(role);
    },
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    api.post(
      `/roles/:id/${verb}`,
      {
        schema: {
          tags,
          summary: `${verb === 'archive' ? 'Archive' : 'Restore'} a custom role`,
          params: IdParams,
          response: { 200: Role },
        },
      },
      async (req) => {
        const role = await req.run(setRoleArchived, { id: req.params.id, archived });
        forget(req.actor.tenantId);
        return showRole(role);
      },
    );
  }
}
