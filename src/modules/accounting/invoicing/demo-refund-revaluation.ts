import type { ActionContext } from '../../../platform/actions/define-action.js';
import { exchangeRates } from '../../../platform/directories/schema.js';
import { addDays, addMonths, lastOfMonth } from '../dates.js';
import { createInvoice } from './actions/create-invoice.js';
import { createPayment } from './actions/create-payment.js';
import { postInvoice } from './actions/post-invoice.js';
import { postPayment } from './actions/post-payment.js';
import { postRevaluation } from './actions/post-revaluation.js';

interface DemoBooks {
  companyId: string;
  companyCurrency: string;
  bankJournalId: string;
  customerId: string;
  incomeAccountId: string;
  yearStart: string;
  today: string;
}

/**
 * A dollar invoice revalued at the end of last month (its entry and the next day's reversal),
 * and a credit note paid back to the customer by a refund that settles it. Left out in January,
 * when last month falls in a year the demo has no books for.
 */
export async function seedRefundAndRevaluation(ctx: ActionContext, books: DemoBooks) {
  const revaluedOn = lastOfMonth(addMonths(books.today, -1));
  if (revaluedOn < books.yearStart) return;
  const invoicedOn = addDays(revaluedOn, -20) < books.yearStart ? books.yearStart : addDays(revaluedOn, -20);
  // Rates as the export invoice keeps them: dollars per unit of the company currency.
  for (const [validOn, rate] of [
    [invoicedOn, '1.10'],
    [revaluedOn, '1.05'],
  ])
    await ctx.tx
      .insert(exchangeRates)
      .values({
        tenantId: ctx.tenantId,
        baseCurrency: books.companyCurrency,
        quoteCurrency: 'USD',
        validOn,
        rate,
      })
      .onConflictDoNothing();

  const post = async (
    kind: 'customer_invoice' | 'customer_credit_note',
    on: string,
    price: string,
    currency?: string,
  ) => {
    const draft = await ctx.call(createInvoice, {
      companyId: books.companyId,
      kind,
      counterpartyId: books.customerId,
      invoiceDate: on,
      currency,
      lines: [
        {
          description: kind === 'customer_invoice' ? 'Export shipment, pallets' : 'Returned cartons',
          accountId: books.incomeAccountId,
          quantity: '1',
          unitPrice: price,
        },
      ],
    });
    return ctx.call(postInvoice, { id: draft.id });
  };
  await post('customer_invoice', invoicedOn, '2000.00', 'USD');
  await ctx.call(postRevaluation, { companyId: books.companyId, date: revaluedOn });

  const creditedOn = addDays(books.today, -4) < books.yearStart ? books.yearStart : addDays(books.today, -4);
  await post('customer_credit_note', creditedOn, '120.00');
  const refund = await ctx.call(createPayment, {
    companyId: books.companyId,
    direction: 'out',
    isRefund: true,
    counterpartyId: books.customerId,
    journalId: books.bankJournalId,
    paymentDate: books.today,
    amount: '120.00',
    reference: 'Refund of returned cartons',
  });
  await ctx.call(postPayment, { id: refund.id, allocate: 'by_due_date' });
}
