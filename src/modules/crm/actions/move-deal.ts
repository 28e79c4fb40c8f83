import { and, eq, isNull, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { sqlRows } from '../../../platform/db/database.js';
import { conflict, invalidField } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { assertMayEnter, dealSnapshot, loadVisibleDeal, stageOfPipeline } from '../deal-checks.js';
import { dealStageHistory, deals, lossReasons, pipelines } from '../schema.js';

/**
 * Moves a deal to another stage of its pipeline, as a drag on the board does. The target's
 * regulation must be met; entering a won or lost stage closes the deal (lost needs a reason),
 * entering an open one reopens it. The stage history closes the row of the stage left and
 * opens one for the stage entered, both with who moved it.
 */
export const moveDeal = defineAction({
  name: 'crm.moveDeal',
  input: Type.Object(
    {
      id: Id,
      stageId: Id,
      lossReasonId: Type.Optional(Id),
      note: Type.Optional(Type.String({ maxLength: 2000, description: 'Why it was lost, in words' })),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, input) {
    const { tx, actor } = ctx;
    // Locked first: two people dragging the same deal at once queue, and the history stays a chain.
    const before = await loadVisibleDeal(tx, actor, input.id, { lock: true });
    const [pipeline] = await tx.select().from(pipelines).where(eq(pipelines.id, before.pipelineId));
    if (pipeline.archivedAt)
      throw conflict(`Pipeline "${pipeline.name}" is archived; its deals keep the stage they closed in.`);
    const stage = await stageOfPipeline(tx, pipeline, input.stageId);
    if (stage.id === before.stageId) return before;

    if (stage.outcome !== 'lost' && (input.lossReasonId || input.note))
      throw invalidField(
        input.lossReasonId ? 'lossReasonId' : 'note',
        'is only for a move to the lost stage',
      );
    if (stage.outcome === 'lost') {
      if (!input.lossReasonId)
        throw invalidField('lossReasonId', `is required to move a deal to the lost stage "${stage.name}"`);
      const [reason] = await tx
        .select({ id: lossReasons.id })
        .from(lossReasons)
        .where(and(eq(lossReasons.id, input.lossReasonId), isNull(lossReasons.archivedAt)));
      if (!reason) throw invalidField('lossReasonId', 'is not a loss reason of the list');
    }
    assertMayEnter(before.title, stage, await dealSnapshot(tx, before));

    // One instant for the stage left and the one entered, read after the lock: a move that waited
    // for another must not be dated before it, as the transaction's start time (now()) would be.
    // To the millisecond, like every stored time, so list cursors carry it whole.
    const [{ at }] = await sqlRows<{ at: string }>(
      tx,
      sql`select date_trunc('milliseconds', clock_timestamp())::text as at`,
    );
    const now = sql`${at}::timestamptz`;
    const status = stage.outcome;
    const [after] = await tx
      .update(deals)
      .set({
        stageId: stage.id,
        status,
        closedAt: status === 'open' ? null : now,
        lossReasonId: status === 'lost' ? input.lossReasonId : null,
        lossNote: status === 'lost' ? (input.note ?? null) : null,
        updatedAt: now,
      })
      .where(eq(deals.id, before.id))
      .returning();
    await tx
      .update(dealStageHistory)
      .set({ leftAt: now, leftBy: actor.userId })
      .where(and(eq(dealStageHistory.dealId, before.id), isNull(dealStageHistory.leftAt)));
    await tx.insert(dealStageHistory).values({
      tenantId: ctx.tenantId,
      dealId: before.id,
      stageId: stage.id,
      enteredAt: now,
      enteredBy: actor.userId,
    });

    ctx.audit({ entity: 'deal', entityId: before.id, before, after });
    const moved = { dealId: after.id, pipelineId: after.pipelineId, clientId: after.clientId };
    ctx.emit('crm.dealMoved', { ...moved, fromStageId: before.stageId, toStageId: stage.id });
    if (status === 'won')
      ctx.emit('crm.dealWon', {
        ...moved,
        amount: after.amount,
        currency: after.currency,
        sourceId: after.sourceId,
      });
    if (status === 'lost')
      ctx.emit('crm.dealLost', {
        ...moved,
        lossReasonId: after.lossReasonId,
        amount: after.amount,
        currency: after.currency,
      });
    return after;
  },
});
