import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { conflict, notFound } from '../../../platform/http/problem.js';
import { sources } from '../schema.js';

/** "Google Ads" and "google ads" are one campaign to a person choosing from the list. */
export async function refuseSourceNameTaken(tx: Tx, kind: string, name: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: sources.id })
    .from(sources)
    .where(
      and(
        eq(sources.kind, kind),
        sql`lower(${sources.name}) = lower(${name})`,
        exceptId ? ne(sources.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken)
    throw conflict(`The ${kind} source "${name}" is already in the list.`, [
      { field: 'name', reason: 'is already taken' },
    ]);
}

export async function lockSource(tx: Tx, id: string) {
  const [source] = await tx.select().from(sources).where(eq(sources.id, id)).for('update');
  if (!source) throw notFound('Source', id);
  return source;
}
