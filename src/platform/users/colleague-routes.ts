import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../http/api.js';
import { textFilter } from '../http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { Id, Search } from '../http/schemas.js';
import { memberships, users } from '../tenancy/schema.js';

const Colleague = Type.Object({ id: Id, name: Type.String(), active: Type.Boolean() });

/**
 * The names behind the user ids on every record (responsible manager, assignee, author), for
 * anyone signed in to the workspace: a sales manager reads deals without users:read and still
 * needs to see whose they are. Names only: emails and roles stay behind users:read.
 */
export function colleagueRoutes(api: Api) {
  api.get(
    '/colleagues',
    {
      schema: {
        tags: ['Users'],
        summary: 'Names of the members of the workspace, for anyone signed in',
        querystring: listQuery(['name'], {
          q: Type.Optional(Search),
          active: Type.Optional(Type.Boolean()),
        }),
        response: { 200: pageOf(Colleague) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(req.query, { name: users.name }, 'name', users.id, (where, orderBy, limit) =>
          tx
            .select({ id: users.id, name: users.name, active: memberships.active })
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(
              whereAll([
                where,
                req.query.active === undefined ? undefined : eq(memberships.active, req.query.active),
                textFilter(req.query.q, users.name),
              ]),
            )
            .orderBy(...orderBy)
            .limit(limit),
        ),
      ),
  );
}
