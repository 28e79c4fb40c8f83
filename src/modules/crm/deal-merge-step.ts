import { eq } from 'drizzle-orm';
import { registerClientMergeStep } from '../parties/merge-steps.js';
import { deals } from './schema.js';

/**
 * When two clients merge, the deals of the one merged away move to the one kept. Their stage
 * history and contacts hang off the deal, so they follow without a write of their own.
 */
export function registerDealMergeStep() {
  registerClientMergeStep('crm-deals', async (tx, from, into) => {
    const moved = await tx
      .update(deals)
      .set({ clientId: into.clientId, updatedAt: new Date() })
      .where(eq(deals.clientId, from.clientId))
      .returning({ id: deals.id });
    return moved.length;
  });
}
