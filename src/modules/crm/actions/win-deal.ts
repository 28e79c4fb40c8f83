import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { firstStageWith, loadVisibleDeal } from '../deal-checks.js';
import { moveDeal } from './move-deal.js';

/** Wins a deal: a move to its pipeline's won stage, with that stage's regulation checked. */
export const winDeal = defineAction({
  name: 'crm.winDeal',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, { id }) {
    const deal = await loadVisibleDeal(ctx.tx, ctx.actor, id);
    const won = await firstStageWith(ctx.tx, deal.pipelineId, 'won');
    if (!won) throw conflict('The pipeline of this deal has no won stage; add one in its settings.');
    return ctx.call(moveDeal, { id, stageId: won.id });
  },
});
