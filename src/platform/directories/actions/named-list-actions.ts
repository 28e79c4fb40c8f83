import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import type { Tx } from '../../db/database.js';
import { conflict, notFound } from '../../http/problem.js';
import { Id, Name } from '../../http/schemas.js';
import type { industries, positions } from '../schema.js';
import { refuseTaken } from './directory-rules.js';

/** A list that is only names: positions, industries. */
export type NamedListTable = typeof positions | typeof industries;

export interface NamedListNoun {
  /** Singular, in code form: `position`; names the actions (`createPosition`) and the audit entity. */
  entity: string;
  /** Singular, as a person reads it in a message: `Position`. */
  title: string;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Create, rename, archive and restore for one named list; every list answers the same way. */
export function namedListActions(table: NamedListTable, noun: NamedListNoun) {
  const suffix = capitalise(noun.entity);
  // "Director" and "director" are the same position to a person choosing from the list.
  const sameName = (name: string): SQL => sql`lower(${table.name}) = lower(${name})`;
  const refuseNameTaken = (tx: Tx, name: string, exceptId?: string) =>
    refuseTaken(
      tx,
      table,
      exceptId ? (and(sameName(name), ne(table.id, exceptId)) as SQL) : sameName(name),
      'name',
      `${noun.title} "${name}" is already in the list.`,
    );

  async function lock(tx: Tx, id: string) {
    const [row] = await tx.select().from(table).where(eq(table.id, id)).for('update');
    if (!row) throw notFound(noun.title, id);
    return row;
  }

  const create = defineAction({
    name: `directories.create${suffix}`,
    input: Type.Object({ name: Name }, { additionalProperties: false }),
    permission: 'directories:manage',
    async run(ctx, input) {
      await refuseNameTaken(ctx.tx, input.name);
      const [row] = await ctx.tx
        .insert(table)
        .values({ tenantId: ctx.tenantId, name: input.name })
        .returning();
      ctx.audit({ entity: noun.entity, entityId: row.id, after: row });
      return row;
    },
  });

  const update = defineAction({
    name: `directories.update${suffix}`,
    input: Type.Object({ id: Id, name: Type.Optional(Name) }, { additionalProperties: false }),
    permission: 'directories:manage',
    async run(ctx, { id, ...changes }) {
      const before = await lock(ctx.tx, id);
      if (before.archivedAt)
        throw conflict(`${noun.title} "${before.name}" is archived; restore it before editing.`);
      if (changes.name !== undefined) await refuseNameTaken(ctx.tx, changes.name, id);
      const [after] = await ctx.tx
        .update(table)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(table.id, id))
        .returning();
      ctx.audit({ entity: noun.entity, entityId: id, before, after });
      return after;
    },
  });

  const setArchived = defineAction({
    name: `directories.set${suffix}Archived`,
    input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
    permission: 'directories:manage',
    async run(ctx, { id, archived }) {
      const before = await lock(ctx.tx, id);
      const [after] = await ctx.tx
        .update(table)
        .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
        .where(eq(table.id, id))
        .returning();
      ctx.audit({
        entity: noun.entity,
        entityId: id,
        before: { archivedAt: before.archivedAt },
        after: { archivedAt: after.archivedAt },
      });
      return after;
    },
  });

  return { create, update, setArchived };
}
