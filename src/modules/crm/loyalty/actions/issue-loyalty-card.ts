import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { normalisePhone } from '../../../parties/rules/normalise-phone.js';
import { clients } from '../../../parties/schema.js';
import { visibleClients } from '../../../parties/visibility.js';
import { loyaltyCards } from '../../schema.js';
import { CARD_NUMBER_LENGTH, cardNumberProblem, withCheckDigit } from '../card-number-rules.js';
import { loadProgram } from '../loyalty-ledger.js';

/** A new card's number: 12 random digits and their Luhn check digit. */
export const newCardNumber = () => withCheckDigit(Array.from({ length: 12 }, () => randomInt(10)).join(''));

/** A card number someone gives; the rule checks its digits, so the answer can say which is wrong. */
export const CardNumber = Type.String({
  maxLength: 50,
  description: `${CARD_NUMBER_LENGTH.min} to ${CARD_NUMBER_LENGTH.max} digits ending in a Luhn check digit`,
});

export const issueLoyaltyCard = defineAction({
  name: 'crm.issueLoyaltyCard',
  input: Type.Object(
    {
      programId: Id,
      clientId: Id,
      cardNumber: Type.Optional(CardNumber),
      phone: Type.Optional(Type.String({ maxLength: 30 })),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, input) {
    await loadProgram(ctx.tx, input.programId);
    const [client] = await ctx.tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.id, input.clientId), visibleClients(ctx.actor)));
    if (!client) throw invalidField('clientId', `client ${input.clientId} does not exist`);
    const typed = input.cardNumber && cardNumberProblem(input.cardNumber);
    if (typed) throw invalidField('cardNumber', typed);
    let phone: string | null = null;
    if (input.phone) {
      const normalised = normalisePhone(input.phone);
      if (!normalised.ok) throw invalidField('phone', normalised.reason);
      phone = normalised.e164;
    }
    const [card] = await ctx.tx
      .insert(loyaltyCards)
      .values({
        tenantId: ctx.tenantId,
        programId: input.programId,
        clientId: client.id,
        cardNumber: input.cardNumber ?? newCardNumber(),
        phone,
      })
      .returning();
    ctx.audit({ entity: 'loyaltyCard', entityId: card.id, after: card });
    return card;
  },
});
