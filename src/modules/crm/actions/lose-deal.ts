import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { firstStageWith, loadVisibleDeal } from '../deal-checks.js';
import { moveDeal } from './move-deal.js';

/** Loses a deal for a reason from the list: a move to its pipeline's lost stage. */
export const loseDeal = defineAction({
  name: 'crm.loseDeal',
  input: Type.Object(
    { id: Id, lossReasonId: Id, note: Type.Optional(Type.String({ maxLength: 2000 })) },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, { id, lossReasonId, note }) {
    const deal = await loadVisibleDeal(ctx.tx, ctx.actor, id);
    const lost = await firstStageWith(ctx.tx, deal.pipelineId, 'lost');
    if (!lost) throw conflict('The pipeline of this deal has no lost stage; add one in its settings.');
    return ctx.call(moveDeal, { id, stageId: lost.id, lossReasonId, ...(note ? { note } : {}) });
  },
});
