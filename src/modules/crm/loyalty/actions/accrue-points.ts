import { Decimal } from 'decimal.js';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { DateOnly, Id, PositiveDecimal } from '../../../../platform/http/schemas.js';
import { findMember, loadProgram, postPoints } from '../loyalty-ledger.js';
import { MemberRefFields } from '../loyalty-schemas.js';
import { accrualPoints, addDays } from '../points-rules.js';

/** Credits points for a paid purchase (a till, a web shop, or a paid invoice once sales posts one). */
export const accruePoints = defineAction({
  name: 'crm.accruePoints',
  input: Type.Object(
    {
      programId: Id,
      ...MemberRefFields,
      lines: Type.Array(
        Type.Object(
          { amount: PositiveDecimal, category: Type.Optional(Type.String({ maxLength: 100 })) },
          { additionalProperties: false },
        ),
        {
          minItems: 1,
          maxItems: 500,
        },
      ),
      currency: Type.String({ pattern: '^[A-Z]{3}$' }),
      occurredOn: Type.Optional(DateOnly),
      documentType: Type.Optional(Type.String({ maxLength: 50 })),
      documentId: Type.Optional(Id),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, input) {
    const program = await loadProgram(ctx.tx, input.programId);
    if (input.currency !== program.currency)
      throw invalidField('currency', `"${program.name}" earns on purchases in ${program.currency}`);
    const member = await findMember(ctx, program.id, input);
    const points = accrualPoints(input.lines, program);
    if (points === '0.00') throw invalidField('lines', 'the purchase is too small to earn a point');
    const occurredOn = input.occurredOn ?? new Date().toISOString().slice(0, 10);
    const total = input.lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
    const result = await postPoints(ctx, {
      programId: program.id,
      clientId: member.clientId,
      cardId: member.cardId,
      kind: 'accrual',
      points,
      occurredOn,
      expiresOn: program.expireDays ? addDays(occurredOn, program.expireDays) : null,
      purchaseAmount: total.toFixed(4),
      documentType: input.documentType ?? null,
      documentId: input.documentId ?? null,
    });
    ctx.emit('crm.pointsAccrued', { clientId: member.clientId, programId: program.id, points });
    return result;
  },
});
