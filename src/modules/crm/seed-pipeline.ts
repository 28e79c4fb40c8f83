import type { ActionContext } from '../../platform/actions/define-action.js';
import { createLossReason } from './actions/create-loss-reason.js';
import { createPipeline } from './actions/create-pipeline.js';

export const DEFAULT_LOSS_REASONS = ['Price', 'Competitor', 'No budget', 'No response'];

/**
 * The pipeline a new workspace sells with until it sets up its own: each stage asks for what
 * a deal usually has by then. Run inside the tenant's set-up, as its other defaults are.
 */
export async function seedDefaultPipeline(ctx: ActionContext) {
  const pipeline = await ctx.call(createPipeline, {
    name: 'Sales',
    dealType: 'sales',
    isDefault: true,
    stages: [
      { name: 'New', probability: '10' },
      { name: 'Qualified', probability: '25', regulation: { requiredFields: ['contacts'] } },
      { name: 'Proposal', probability: '50', regulation: { requiredFields: ['amount', 'expectedClose'] } },
      { name: 'Negotiation', probability: '75', regulation: { interactionKinds: ['meeting'] } },
      { name: 'Won', probability: '100', outcome: 'won' },
      { name: 'Lost', probability: '0', outcome: 'lost' },
    ],
  });
  for (const name of DEFAULT_LOSS_REASONS) await ctx.call(createLossReason, { name });
  return pipeline;
}
