import { Decimal } from 'decimal.js';
import { and, eq, gt } from 'drizzle-orm';
import { Type } from 'typebox';
import type { ActionContext } from '../../../../platform/actions/define-action.js';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { allocatePayment } from '../../rules/allocation.js';
import { nextDocumentNumber, SIDE_ACCOUNT, SIDE_OF_DIRECTION, settingAccount } from '../documents.js';
import { preparePayment } from '../payment-draft.js';
import { assertPaymentStatus, lockPayment } from '../payment-lock.js';
import { postDocumentEntry } from '../post-entry.js';
import { openItems, payments } from '../schema.js';
import { allocate } from '../settle.js';
import { paymentView } from '../views.js';

const PREFIX = { in: 'RCPT', out: 'PAY' } as const;

/**
 * Posts a payment: money in debits the bank and credits the customer's receivable, money out
 * the reverse on the payable. The whole amount opens as a negative item, an advance, until it is
 * allocated; `allocate: 'by_due_date'` allocates it at once to what is due first.
 */
export const postPayment = defineAction({
  name: 'accounting.postPayment',
  input: Type.Object(
    { id: Id, allocate: Type.Optional(Type.Literal('by_due_date')) },
    { additionalProperties: false },
  ),
  permission: 'accounting:write',
  async run(ctx, { id, allocate: how }) {
    const before = await lockPayment(ctx.tx, id);
    assertPaymentStatus(before, 'draft', 'posted');
    const direction = before.direction as 'in' | 'out';
    const { header, journal, company, precision } = await preparePayment(ctx.tx, {
      ...before,
      direction,
      reference: before.reference,
    });
    const side = SIDE_OF_DIRECTION[direction];
    const controlAccountId = await settingAccount(ctx.tx, header.companyId, SIDE_ACCOUNT[side]);
    const number = await nextDocumentNumber(
      ctx,
      header.companyId,
      `payment:${direction}`,
      header.paymentDate,
      PREFIX[direction],
    );
    // Money in is a debit on the bank; the control account takes the other side.
    const bankSign = direction === 'in' ? 1 : -1;
    const amount = new Decimal(header.amount);
    const inCompany = new Decimal(header.amountInCompanyCurrency);
    const entry = await postDocumentEntry(ctx, {
      companyId: header.companyId,
      journalId: journal.id,
      postingDate: header.paymentDate,
      currency: header.currency,
      rate: header.rate,
      companyPrecision: company.precision,
      memo: `Payment ${number}`,
      sourceType: 'payment',
      sourceId: id,
      lines: [
        {
          accountId: journal.defaultAccountId!,
          amount: amount.times(bankSign),
          amountInCompanyCurrency: inCompany.times(bankSign),
        },
        {
          accountId: controlAccountId,
          amount: amount.times(-bankSign),
          amountInCompanyCurrency: inCompany.times(-bankSign),
          counterpartyId: header.counterpartyId,
        },
      ],
    });
    const [item] = await ctx.tx
      .insert(openItems)
      .values({
        tenantId: ctx.tenantId,
        companyId: header.companyId,
        side,
        counterpartyId: header.counterpartyId,
        accountId: controlAccountId,
        paymentId: id,
        documentDate: header.paymentDate,
        dueDate: header.paymentDate,
        currency: header.currency,
        rate: header.rate,
        amount: amount.negated().toFixed(precision),
        amountInCompanyCurrency: inCompany.negated().toFixed(company.precision),
        outstanding: amount.negated().toFixed(precision),
        outstandingInCompanyCurrency: inCompany.negated().toFixed(company.precision),
      })
      .returning();
    await ctx.tx
      .update(payments)
      .set({
        ...header,
        status: 'posted',
        number,
        journalEntryId: entry.id,
        postedAt: new Date(),
        postedBy: entry.postedBy,
        updatedAt: new Date(),
      })
      .where(eq(payments.id, id));
    if (how === 'by_due_date') await allocateByDueDate(ctx, item, precision);
    const view = await paymentView(ctx.tx, id);
    ctx.audit({ entity: 'payment', entityId: id, before, after: view });
    ctx.emit('payment.posted', { paymentId: id, companyId: header.companyId, number });
    return view;
  },
});

/** Spreads the payment over the counterparty's open items of its side and currency, oldest due first. */
async function allocateByDueDate(ctx: ActionContext, item: typeof openItems.$inferSelect, precision: number) {
  const owed = await ctx.tx
    .select()
    .from(openItems)
    .where(
      and(
        eq(openItems.companyId, item.companyId),
        eq(openItems.side, item.side),
        eq(openItems.counterpartyId, item.counterpartyId),
        eq(openItems.currency, item.currency),
        gt(openItems.outstanding, '0'),
      ),
    );
  const plan = allocatePayment({
    amount: new Decimal(item.amount).negated().toFixed(precision),
    instalments: owed.map((o) => ({
      id: o.id,
      dueDate: o.dueDate,
      documentDate: o.documentDate,
      outstanding: o.outstanding,
    })),
    precision,
  });
  for (const step of plan.allocations)
    await allocate(ctx, {
      itemId: step.instalmentId,
      settlingId: item.id,
      amount: step.allocated,
      allocatedOn: item.documentDate,
      paymentId: item.paymentId,
    });
}
