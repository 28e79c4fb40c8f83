import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Static, TSchema } from 'typebox';
import type { Action } from '../actions/define-action.js';
import type { Tx } from '../db/database.js';
import type { Api } from './api.js';
import { notFound } from './problem.js';
import { IdParams } from './schemas.js';

/** One row by its id, or a 404 that names what was looked for (`Journal`, `Tax`). */
export async function rowById<T extends PgTable & { id: PgColumn }>(
  tx: Tx,
  table: T,
  id: string,
  what: string,
) {
  const [row] = await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id));
  if (!row) throw notFound(what, id);
  return row as T['$inferSelect'];
}

/**
 * `POST <path>` on one record (`/invoices/:id/post`) that calls the action with the id alone and
 * answers with the record: posting, cancelling, undoing.
 */
export function recordActionRoute<I extends TSchema, R extends TSchema>(
  api: Api,
  path: `${string}/:id/${string}`,
  options: { tags: string[]; summary: string; response: R; action: Action<I, unknown> },
) {
  api.post(
    path,
    {
      schema: {
        tags: options.tags,
        summary: options.summary,
        params: IdParams,
        response: { 200: options.response },
      },
    },
    // The action's input is `{ id }`; the route is generic over which action.
    (req) => req.run(options.action, { id: req.params.id } as Static<I>) as never,
  );
}

/** `DELETE <path>/:id`: the action deletes the record and the answer is 204 with no body. */
export function deleteRecordRoute<I extends TSchema>(
  api: Api,
  path: `${string}/:id`,
  options: { tags: string[]; summary: string; action: Action<I, unknown> },
) {
  api.delete(
    path,
    { schema: { tags: options.tags, summary: options.summary, params: IdParams } },
    async (req, reply) => {
      await req.run(options.action, { id: req.params.id } as Static<I>);
      return reply.code(204).send();
    },
  );
}
