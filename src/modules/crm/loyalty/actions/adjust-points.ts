import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { Decimal, Id } from '../../../../platform/http/schemas.js';
import { findMember, loadProgram, postPoints } from '../loyalty-ledger.js';

/** A correction: an entry of its own with a reason, never an edit of history. */
export const adjustPoints = defineAction({
  name: 'crm.adjustPoints',
  input: Type.Object(
    { programId: Id, clientId: Id, points: Decimal, note: Type.String({ minLength: 3, maxLength: 500 }) },
    { additionalProperties: false },
  ),
  permission: 'crm:manage',
  async run(ctx, input) {
    if (/^-?0+(\.0+)?$/.test(input.points)) throw invalidField('points', 'must not be zero');
    const program = await loadProgram(ctx.tx, input.programId);
    const member = await findMember(ctx, program.id, { clientId: input.clientId });
    return postPoints(ctx, {
      programId: program.id,
      clientId: member.clientId,
      kind: 'adjustment',
      points: input.points,
      occurredOn: new Date().toISOString().slice(0, 10),
      note: input.note,
    });
  },
});
