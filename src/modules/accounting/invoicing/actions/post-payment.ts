import { Decimal } from 'decimal.js';
import { and, eq, gt, lt } from 'drizzle-orm';
import { Type } from 'typebox';
import type { ActionContext } from '../../../../platform/actions/define-action.js';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { allocatePayment } from '../../rules/allocation.js';
import { nextDocumentNumber, SIDE_ACCOUNT, settingAccount } from '../documents.js';
import { preparePayment, sideOfPayment } from '../payment-draft.js';
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
 *
 * A refund pays a credit back: out to a customer (debit the receivable) or in from a supplier
 * (credit the payable). It opens a positive item on that side, which settles the credit notes
 * and advances it pays back. With no credit to settle it stays open, as Odoo and ERPNext leave
 * an unreconciled refund: the counterparty owes it until a credit note or advance meets it.
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
      isRefund: before.isRefund,
    });
    const side = sideOfPayment(direction, header.isRefund);
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
    // An advance is a credit of the counterparty (negative); a refund a debt (positive).
    const itemSign = header.isRefund ? 1 : -1;
    const entry = await postDocumentEntry(ctx, {
      companyId: header.companyId,
      journalId: journal.id,
      postingDate: header.paymentDate,
      currency: header.currency,
      rate: header.rate,
      companyPrecision: company.precision,
      memo: `${header.isRefund ? 'Refund' : 'Payment'} ${number}`,
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
        amount: amount.times(itemSign).toFixed(precision),
        amountInCompanyCurrency: inCompany.times(itemSign).toFixed(company.precision),
        outstanding: amount.times(itemSign).toFixed(precision),
        outstandingInCompanyCurrency: inCompany.times(itemSign).toFixed(company.precision),
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

/**
 * Spreads the payment over the counterparty's open items of its side and currency, oldest due
 * first: a payment over what is owed, a refund over the credits it pays back.
 */
async function allocateByDueDate(ctx: ActionContext, item: typeof openItems.$inferSelect, precision: number) {
  const isRefund = new Decimal(item.amount).isPositive();
  const owed = await ctx.tx
    .select()
    .from(openItems)
    .where(
      and(
        eq(openItems.companyId, item.companyId),
        eq(openItems.side, item.side),
        eq(openItems.counterpartyId, item.counterpartyId),
        eq(openItems.currency, item.currency),
        isRefund ? lt(openItems.outstanding, '0') : gt(openItems.outstanding, '0'),
      ),
    );
  const plan = allocatePayment({
    amount: new Decimal(item.amount).abs().toFixed(precision),
    instalments: owed.map((o) => ({
      id: o.id,
      dueDate: o.dueDate,
      documentDate: o.documentDate,
      outstanding: new Decimal(o.outstanding).abs().toFixed(),
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
