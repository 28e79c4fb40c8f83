import { Decimal } from 'decimal.js';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalid, invalidField, Problem } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { actingUserId } from '../../books.js';
import { allocatePaymentTo } from '../../invoicing/actions/allocate-payment.js';
import { createPayment } from '../../invoicing/actions/create-payment.js';
import { postPayment } from '../../invoicing/actions/post-payment.js';
import { assertLineOpen, lockLine } from '../line-lock.js';
import { bankStatementLines } from '../schema.js';
import { ConfirmInput } from '../schemas.js';
import { lineView } from '../views.js';

/** An allocation's objection names the allocation it is about: `allocations.1.amount`. */
async function naming<T>(index: number, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof Problem) || error.status !== 422) throw error;
    throw invalid(
      error.errors.map((e) => ({
        field: `allocations.${index}.${e.field === 'amount' ? 'amount' : 'openItemId'}`,
        reason: e.reason,
      })),
    );
  }
}

/**
 * Turns a bank line into a posted payment of the counterparty, through the statement's journal,
 * on the line's day, and allocates it to the open items picked: all in this one transaction, so
 * a refused allocation leaves no payment behind. What is not allocated stays an advance.
 */
export const confirmBankLine = defineAction({
  name: 'accounting.confirmBankLine',
  input: Type.Object({ id: Id, ...ConfirmInput.properties }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id, counterpartyId, allocations }) {
    const found = await lockLine(ctx.tx, id);
    assertLineOpen(found, 'confirmed');
    const { line } = found;
    const amount = new Decimal(line.amount).abs();
    const allocated = allocations.reduce((sum, a) => sum.plus(a.amount), new Decimal(0));
    if (allocated.greaterThan(amount))
      throw invalidField(
        'allocations',
        `the allocations add up to ${allocated.toFixed()}, more than the line's ${amount.toFixed()} ${line.currency}`,
      );
    const draft = await ctx.call(createPayment, {
      companyId: line.companyId,
      direction: new Decimal(line.amount).isPositive() ? 'in' : 'out',
      counterpartyId,
      journalId: line.journalId,
      paymentDate: line.bookingDate,
      currency: line.currency,
      amount: amount.toFixed(),
      reference: (line.reference ?? line.bankReference)?.slice(0, 200) ?? null,
    });
    const posted = await ctx.call(postPayment, { id: draft.id });
    for (const [index, allocation] of allocations.entries())
      await naming(index, () => ctx.call(allocatePaymentTo, { id: posted.id, ...allocation }));
    await ctx.tx
      .update(bankStatementLines)
      .set({
        status: 'confirmed',
        counterpartyId,
        paymentId: posted.id,
        note: null,
        resolvedAt: new Date(),
        resolvedBy: await actingUserId(ctx.tx, ctx.actor),
      })
      .where(eq(bankStatementLines.id, id));
    const view = await lineView(ctx.tx, id);
    ctx.audit({ entity: 'bank_statement_line', entityId: id, before: line, after: view });
    ctx.emit('bank_statement_line.confirmed', {
      lineId: id,
      paymentId: posted.id,
      companyId: line.companyId,
    });
    return view;
  },
});
