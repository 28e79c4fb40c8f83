import { eq, inArray } from 'drizzle-orm';
import { Type } from 'typebox';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict, invalidField } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { runClientMergeSteps } from '../merge-steps.js';
import { coalesceRanges } from '../rules/date-ranges.js';
import { clientCounterparties, clients, contacts } from '../schema.js';
import { loadVisibleClient } from '../visibility.js';
import { cleanTags } from './party-rules.js';

type ClientRow = typeof clients.$inferSelect;

/** Fields of the surviving client that the merged one may fill when they are empty. */
const FILLABLE = ['email', 'phone', 'website', 'industryId', 'notes', 'address'] as const;

function refuseUnmergeable(client: ClientRow, field: string) {
  if (client.mergedIntoId)
    throw conflict(`Client "${client.name}" was already merged into client ${client.mergedIntoId}.`, [
      { field, reason: 'was already merged into another client' },
    ]);
  if (client.archivedAt)
    throw conflict(`Client "${client.name}" is archived; restore it before merging.`, [
      { field, reason: 'is archived' },
    ]);
}

/**
 * The links of both clients to one counterparty become the links of the survivor. Where
 * periods overlap they become one link spanning them, so the one-signer-per-day rule holds.
 */
async function moveCounterpartyLinks(ctx: ActionContext, fromId: string, intoId: string) {
  const links = await ctx.tx
    .select()
    .from(clientCounterparties)
    .where(inArray(clientCounterparties.clientId, [fromId, intoId]));
  const byCounterparty = new Map<string, typeof links>();
  for (const link of links)
    byCounterparty.set(link.counterpartyId, [...(byCounterparty.get(link.counterpartyId) ?? []), link]);
  let moved = 0;
  for (const pairLinks of byCounterparty.values()) {
    const ranges = pairLinks.map((l) => ({ ...l, from: l.validFrom, to: l.validTo }));
    for (const { span, members } of coalesceRanges(ranges)) {
      const keeper = members.find((l) => l.clientId === intoId) ?? members[0];
      const changed =
        keeper.clientId !== intoId || keeper.validFrom !== span.from || keeper.validTo !== span.to;
      if (changed) {
        const { from: _f, to: _t, ...before } = keeper;
        const [after] = await ctx.tx
          .update(clientCounterparties)
          .set({ clientId: intoId, validFrom: span.from!, validTo: span.to })
          .where(eq(clientCounterparties.id, keeper.id))
          .returning();
        ctx.audit({ entity: 'clientCounterparty', entityId: keeper.id, before, after });
        if (keeper.clientId !== intoId) moved++;
      }
      const absorbed = members.filter((l) => l !== keeper);
      if (!absorbed.length) continue;
      await ctx.tx.delete(clientCounterparties).where(
        inArray(
          clientCounterparties.id,
          absorbed.map((l) => l.id),
        ),
      );
      for (const { from: _f, to: _t, ...gone } of absorbed) {
        ctx.audit({
          entity: 'clientCounterparty',
          entityId: gone.id,
          before: gone,
          after: { absorbedInto: keeper.id },
        });
        if (gone.clientId !== intoId) moved++;
      }
    }
  }
  return moved;
}

/**
 * Two clients that are one: everything of `id` moves to `intoClientId` (contacts, counterparty
 * links, and the records of later modules through their merge steps); the survivor keeps its
 * own fields and takes the other's where it has none; the merged client is archived with a
 * pointer to the survivor, so old links to it still lead somewhere.
 */
export const mergeClients = defineAction({
  name: 'parties.mergeClients',
  input: Type.Object({ id: Id, intoClientId: Id }, { additionalProperties: false }),
  permission: 'parties:merge',
  async run(ctx, { id, intoClientId }) {
    const { tx, actor } = ctx;
    if (id === intoClientId) throw invalidField('intoClientId', 'must be another client than the one merged');
    // Locked in id order, so two merges of the same pair cannot wait on each other forever.
    const locked = new Map<string, ClientRow>();
    for (const clientId of [id, intoClientId].sort())
      locked.set(
        clientId,
        await loadVisibleClient(tx, actor, clientId, {
          lock: true,
          bodyField: clientId === intoClientId ? 'intoClientId' : undefined,
        }),
      );
    const from = locked.get(id)!;
    const into = locked.get(intoClientId)!;
    refuseUnmergeable(from, 'id');
    refuseUnmergeable(into, 'intoClientId');

    const movedContacts = await tx
      .update(contacts)
      .set({ clientId: intoClientId, updatedAt: new Date() })
      .where(eq(contacts.clientId, id))
      .returning({ id: contacts.id });
    const movedLinks = await moveCounterpartyLinks(ctx, id, intoClientId);

    const filled: Partial<ClientRow> = {};
    for (const field of FILLABLE)
      if ((into[field] === null || into[field] === '') && from[field] !== null)
        Object.assign(filled, { [field]: from[field] });
    const [intoAfter] = await tx
      .update(clients)
      .set({
        ...filled,
        tags: cleanTags([...into.tags, ...from.tags]),
        custom: { ...from.custom, ...into.custom },
        updatedAt: new Date(),
      })
      .where(eq(clients.id, intoClientId))
      .returning();

    const movedByModules = await runClientMergeSteps(tx, id, intoClientId);
    // Clients merged into `from` earlier now point straight at the survivor.
    await tx.update(clients).set({ mergedIntoId: intoClientId }).where(eq(clients.mergedIntoId, id));
    const [fromAfter] = await tx
      .update(clients)
      .set({ mergedIntoId: intoClientId, archivedAt: new Date(), updatedAt: new Date() })
      .where(eq(clients.id, id))
      .returning();

    const moved = { contacts: movedContacts.length, counterpartyLinks: movedLinks, ...movedByModules };
    ctx.audit({
      entity: 'client',
      entityId: id,
      before: from,
      after: { ...fromAfter, mergedInto: intoClientId },
    });
    ctx.audit({
      entity: 'client',
      entityId: intoClientId,
      before: into,
      after: { ...intoAfter, mergedFrom: id, moved },
    });
    ctx.emit('parties.clientsMerged', { fromClientId: id, intoClientId, moved });
    return { client: intoAfter, mergedClient: fromAfter, moved };
  },
});
