import { Type } from 'typebox';
import type { Api } from '../http/api.js';
import { archiveRoutes } from '../http/archive-routes.js';
import { textFilter, unlessArchived } from '../http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { IdParams, Name } from '../http/schemas.js';
import { type NamedListTable, namedListActions } from './actions/named-list-actions.js';
import { industries, positions } from './schema.js';
import { ArchivableListFilters, NamedItem } from './schemas.js';

export const positionActions = namedListActions(positions, { entity: 'position', title: 'Position' });
export const industryActions = namedListActions(industries, { entity: 'industry', title: 'Industry' });

interface NamedList {
  path: string;
  table: NamedListTable;
  actions: ReturnType<typeof namedListActions>;
  /** OpenAPI tag, plural: `Positions`. */
  tag: string;
  /** Singular, for summaries: `job position`. */
  noun: string;
}

/** List, add, rename, archive and restore: the same five endpoints for every named list. */
export function namedListRoutes(api: Api, list: NamedList) {
  const { path, table, actions, noun } = list;
  const tags = [list.tag];

  api.get(
    path,
    {
      schema: {
        tags,
        summary: `List the ${list.tag.toLowerCase()}`,
        querystring: listQuery(['name', 'createdAt'], ArchivableListFilters),
        response: { 200: pageOf(NamedItem) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { name: table.name, createdAt: table.createdAt },
          'name',
          table.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(table)
              .where(
                whereAll([
                  where,
                  unlessArchived(req.query.includeArchived, table.archivedAt),
                  textFilter(req.query.q, table.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.post(
    path,
    {
      schema: {
        tags,
        summary: `Add a ${noun}`,
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: { 201: NamedItem },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(actions.create, req.body)),
  );

  api.patch(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Rename a ${noun}`,
        params: IdParams,
        body: Type.Object({ name: Type.Optional(Name) }, { additionalProperties: false }),
        response: { 200: NamedItem },
      },
    },
    (req) => req.run(actions.update, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: path,
    what: `a ${noun}`,
    tags,
    response: NamedItem,
    action: actions.setArchived,
  });
}
