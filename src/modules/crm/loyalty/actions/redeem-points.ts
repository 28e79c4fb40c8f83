import { Decimal } from 'decimal.js';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { DateOnly, Id, PositiveDecimal } from '../../../../platform/http/schemas.js';
import { balanceOf, findMember, loadProgram, postPoints } from '../loyalty-ledger.js';
import { MemberRefFields } from '../loyalty-schemas.js';
import { POINT_PLACES, redeemablePoints } from '../points-rules.js';

/** Pays (part of) a purchase with points, within the program's share and the balance. */
export const redeemPoints = defineAction({
  name: 'crm.redeemPoints',
  input: Type.Object(
    {
      programId: Id,
      ...MemberRefFields,
      points: PositiveDecimal,
      purchaseAmount: Type.Optional(PositiveDecimal),
      occurredOn: Type.Optional(DateOnly),
      documentType: Type.Optional(Type.String({ maxLength: 50 })),
      documentId: Type.Optional(Id),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, input) {
    const program = await loadProgram(ctx.tx, input.programId);
    const member = await findMember(ctx, program.id, input);
    const points = new Decimal(input.points);
    if (points.decimalPlaces() > POINT_PLACES)
      throw invalidField('points', `may have at most ${POINT_PLACES} decimal places`);
    if (input.purchaseAmount) {
      const limit = redeemablePoints(
        input.purchaseAmount,
        await balanceOf(ctx.tx, ctx.tenantId, program.id, member.clientId),
        program,
      );
      if (points.greaterThan(limit)) {
        throw invalidField(
          'points',
          `at most ${limit} points may pay this purchase (${program.maxRedeemPercent}% of it, within the balance)`,
        );
      }
    }
    const result = await postPoints(ctx, {
      programId: program.id,
      clientId: member.clientId,
      cardId: member.cardId,
      kind: 'redemption',
      points: points.negated().toFixed(POINT_PLACES),
      occurredOn: input.occurredOn ?? new Date().toISOString().slice(0, 10),
      purchaseAmount: input.purchaseAmount ?? null,
      documentType: input.documentType ?? null,
      documentId: input.documentId ?? null,
    });
    ctx.emit('crm.pointsRedeemed', {
      clientId: member.clientId,
      programId: program.id,
      points: input.points,
    });
    return result;
  },
});
