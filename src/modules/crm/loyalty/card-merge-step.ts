import { eq } from 'drizzle-orm';
import type { ClientMergeStep } from '../../parties/merge-steps.js';
import { loyaltyCards } from '../schema.js';

/**
 * A merged client's loyalty cards go to the client kept, so the cards in people's wallets keep
 * earning for the right client. Points already earned stay on the ledger of the client merged
 * away (the ledger is append-only); a manager moves a balance with two adjustments.
 */
export const moveLoyaltyCards: ClientMergeStep = async (tx, from, into) => {
  const moved = await tx
    .update(loyaltyCards)
    .set({ clientId: into.clientId })
    .where(eq(loyaltyCards.clientId, from.clientId))
    .returning({ id: loyaltyCards.id });
  return moved.length;
};
