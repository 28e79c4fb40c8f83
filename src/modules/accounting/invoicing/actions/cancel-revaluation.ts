import { and, eq, isNull } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { conflict } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { journalEntries } from '../../schema.js';
import { reverseDocumentEntry } from '../post-entry.js';
import { REVALUATION_REVERSAL, revaluationEntry, revaluationView } from '../revaluation-entries.js';

/**
 * Cancels a revaluation: its entry and the next day's reversal are each reversed on their own
 * dates, so the books read as if it had never been posted and the date can be revalued again.
 */
export const cancelRevaluation = defineAction({
  name: 'accounting.cancelRevaluation',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const entry = await revaluationEntry(ctx.tx, id);
    if (entry.status !== 'posted')
      throw conflict(`The revaluation on ${entry.postingDate} (${entry.number}) is already cancelled.`, [
        { field: 'id', reason: 'is cancelled' },
      ]);
    const [reversal] = await ctx.tx
      .select()
      .from(journalEntries)
      .where(
        and(
          eq(journalEntries.sourceType, REVALUATION_REVERSAL),
          eq(journalEntries.sourceId, id),
          isNull(journalEntries.reversesId),
        ),
      );
    const memo = `Cancelling the revaluation on ${entry.postingDate} (${entry.number})`;
    if (reversal?.status === 'posted')
      await reverseDocumentEntry(ctx, reversal.id, { sourceType: REVALUATION_REVERSAL, sourceId: id, memo });
    await reverseDocumentEntry(ctx, entry.id, { sourceType: entry.sourceType!, sourceId: id, memo });
    const view = await revaluationView(ctx.tx, id);
    ctx.audit({ entity: 'revaluation', entityId: id, before: { status: 'posted' }, after: view });
    ctx.emit('accounting.revaluationCancelled', { revaluationId: id, companyId: entry.companyId });
    return view;
  },
});
