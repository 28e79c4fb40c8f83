import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import { findRateInForce } from '../../../platform/directories/queries.js';
import { exchangeRates } from '../../../platform/directories/schema.js';
import { companies } from '../../../platform/tenancy/schema.js';
import { createCounterparty } from '../../parties/actions/create-counterparty.js';
import { clientCounterparties } from '../../parties/schema.js';
import { accounts, journals } from '../schema.js';
import { createInvoice } from './actions/create-invoice.js';
import { createPayment } from './actions/create-payment.js';
import { createPaymentTerms } from './actions/create-payment-terms.js';
import { createTax } from './actions/create-tax.js';
import { postInvoice } from './actions/post-invoice.js';
import { postPayment } from './actions/post-payment.js';
import { seedRefundAndRevaluation } from './demo-refund-revaluation.js';

const DAY = 86_400_000;

interface DemoLine {
  description: string;
  account: string;
  quantity: string;
  unitPrice: string;
  vat?: boolean;
}

/**
 * Invoicing for the demo company, on the books the accounting demo set up: VAT 20 %, two payment
 * terms, three customer invoices to the demo clients' counterparties (one in USD), a supplier's
 * bill and a partial payment allocated by due date, so open items and the aging have something
 * to show; a revaluation at the end of last month and a refund of a credit note. Dates are days before today, never before the fiscal year the demo opened.
 */
export async function seedInvoicingDemo(ctx: ActionContext) {
  const [company] = await ctx.tx
    .select()
    .from(companies)
    .orderBy(asc(companies.createdAt), asc(companies.id))
    .limit(1);
  if (!company) return;
  const companyId = company.id;
  const chart = await ctx.tx.select().from(accounts).where(eq(accounts.companyId, companyId));
  const account = (code: string) => chart.find((a) => a.code === code)?.id;
  const [bank] = await ctx.tx
    .select()
    .from(journals)
    .where(and(eq(journals.companyId, companyId), eq(journals.code, 'BNK')));
  const customers = await ctx.tx
    .selectDistinct({ counterpartyId: clientCounterparties.counterpartyId })
    .from(clientCounterparties)
    .where(isNull(clientCounterparties.validTo))
    .orderBy(asc(clientCounterparties.counterpartyId))
    .limit(3);
  if (!bank || !account('2100') || !account('1300') || customers.length === 0) return;

  const today = new Date().toISOString().slice(0, 10);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const daysAgo = (n: number) => {
    const day = new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
    return day < yearStart ? yearStart : day;
  };

  const vat = await ctx.call(createTax, {
    companyId,
    name: 'VAT 20%',
    ratePercent: '20',
    salesAccountId: account('2100')!,
    purchaseAccountId: account('1300')!,
  });
  const net30 = await ctx.call(createPaymentTerms, {
    companyId,
    name: 'Net 30',
    instalments: [{ percent: '100', days: 30 }],
  });
  const split = await ctx.call(createPaymentTerms, {
    companyId,
    name: '30/70 in 30 and 60 days',
    instalments: [
      { percent: '30', days: 30 },
      { percent: '70', days: 60 },
    ],
  });

  const invoice = async (
    kind: 'customer_invoice' | 'supplier_invoice',
    counterpartyId: string,
    invoiceDate: string,
    paymentTermsId: string,
    lines: DemoLine[],
    currency?: string,
  ) => {
    const draft = await ctx.call(createInvoice, {
      companyId,
      kind,
      counterpartyId,
      invoiceDate,
      currency,
      paymentTermsId,
      lines: lines.map((l) => ({
        description: l.description,
        accountId: account(l.account)!,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        taxIds: l.vat ? [vat.id] : [],
      })),
    });
    return ctx.call(postInvoice, { id: draft.id });
  };
  const customer = (i: number) => customers[i % customers.length].counterpartyId;

  const consultingDate = daysAgo(45);
  await invoice('customer_invoice', customer(0), consultingDate, net30.id, [
    { description: 'Consulting, hours', account: '4000', quantity: '10', unitPrice: '85.00', vat: true },
    { description: 'Implementation', account: '4000', quantity: '1', unitPrice: '1200.00', vat: true },
  ]);
  await invoice('customer_invoice', customer(1), daysAgo(20), split.id, [
    { description: 'Annual licence', account: '4000', quantity: '1', unitPrice: '4800.00', vat: true },
  ]);
  // An export to a customer abroad: in dollars and without VAT.
  const exportDate = daysAgo(10);
  if (!(await findRateInForce(ctx.tx, 'USD', company.baseCurrency, exportDate)))
    await ctx.tx.insert(exchangeRates).values({
      tenantId: ctx.tenantId,
      baseCurrency: company.baseCurrency,
      quoteCurrency: 'USD',
      validOn: exportDate,
      rate: '1.08',
    });
  await invoice(
    'customer_invoice',
    customer(2),
    exportDate,
    net30.id,
    [{ description: 'Export shipment, cartons', account: '4000', quantity: '40', unitPrice: '25.00' }],
    'USD',
  );

  const supplier = await ctx.call(createCounterparty, {
    legalName: 'Bürobedarf Berlin GmbH',
    country: 'DE',
    legalAddress: { country: 'DE', city: 'Berlin', street: 'Kantstraße', building: '12', postcode: '10623' },
  });
  await invoice('supplier_invoice', supplier.id, daysAgo(25), net30.id, [
    {
      description: 'Office chairs and supplies',
      account: '6200',
      quantity: '1',
      unitPrice: '850.00',
      vat: true,
    },
  ]);

  // The first customer pays part of what it owes; the oldest instalments due are settled first.
  const payment = await ctx.call(createPayment, {
    companyId,
    direction: 'in',
    counterpartyId: customer(0),
    journalId: bank.id,
    paymentDate: daysAgo(5) < consultingDate ? consultingDate : daysAgo(5),
    amount: '1000.00',
    reference: 'Part payment',
  });
  await ctx.call(postPayment, { id: payment.id, allocate: 'by_due_date' });

  await seedRefundAndRevaluation(ctx, {
    companyId,
    companyCurrency: company.baseCurrency,
    bankJournalId: bank.id,
    customerId: customer(2),
    incomeAccountId: account('4000')!,
    yearStart,
    today,
  });
}
