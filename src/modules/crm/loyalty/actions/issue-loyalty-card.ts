import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField, notFound } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { normalisePhone } from '../../../parties/rules/normalise-phone.js';
import { clients } from '../../../parties/schema.js';
import { visibleClients } from '../../../parties/visibility.js';
import { loyaltyCards } from '../../schema.js';
import { loadProgram } from '../loyalty-ledger.js';

/** Card numbers are 13 digits with a Luhn check digit, so a mistyped number is caught at the till. */
export function newCardNumber(): string {
  const body = Array.from({ length: 12 }, () => randomInt(10)).join('');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export const issueLoyaltyCard = defineAction({
  name: 'crm.issueLoyaltyCard',
  input: Type.Object(
    {
      programId: Id,
      clientId: Id,
      cardNumber: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z-]{4,50}$' })),
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
    if (!client) throw notFound('Client', input.clientId);
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
