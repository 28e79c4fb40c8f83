import { Decimal } from 'decimal.js';
import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Executor } from '../../../platform/db/database.js';
import { invalidField } from '../../../platform/http/problem.js';
import { companyBooks, currencyPrecision } from '../books.js';
import { journals } from '../schema.js';
import { counterpartyOn, rateOn, SIDE_OF_DIRECTION } from './documents.js';
import type { PaymentInput } from './schemas.js';

const OTHER_SIDE = { receivable: 'payable', payable: 'receivable' } as const;

/**
 * The side a payment's open item sits on: money in settles a receivable and money out a payable,
 * but a refund goes back the way the credit came: out to a customer, in from a supplier.
 */
export function sideOfPayment(direction: 'in' | 'out', isRefund: boolean) {
  const side = SIDE_OF_DIRECTION[direction];
  return isRefund ? OTHER_SIDE[side] : side;
}

/** A payment checked against its company: the bank or cash journal, the counterparty, the rate of its date. */
export async function preparePayment(tx: Executor, input: Static<typeof PaymentInput>) {
  const company = await companyBooks(tx, input.companyId);
  const currency = input.currency ?? company.currency;
  const precision = await currencyPrecision(tx, currency, 'currency');
  const [journal] = await tx.select().from(journals).where(eq(journals.id, input.journalId));
  if (!journal || journal.companyId !== input.companyId)
    throw invalidField('journalId', `journal ${input.journalId} is not a journal of this company`);
  if (journal.kind !== 'bank' && journal.kind !== 'cash')
    throw invalidField(
      'journalId',
      `journal ${journal.code} is a ${journal.kind} journal; payments go through a bank or cash journal`,
    );
  if (journal.archivedAt) throw invalidField('journalId', `journal ${journal.code} is archived`);
  if (!journal.defaultAccountId)
    throw invalidField(
      'journalId',
      `journal ${journal.code} has no bank or cash account; set its default account first`,
    );
  await counterpartyOn(tx, input.counterpartyId, input.paymentDate);
  const amount = new Decimal(input.amount);
  if (amount.decimalPlaces() > precision)
    throw invalidField(
      'amount',
      `${currency} amounts have ${precision} decimal places, not ${amount.decimalPlaces()}`,
    );
  const rate = await rateOn(tx, currency, company.currency, input.paymentDate);
  return {
    header: {
      companyId: input.companyId,
      direction: input.direction,
      counterpartyId: input.counterpartyId,
      journalId: input.journalId,
      paymentDate: input.paymentDate,
      currency,
      rate,
      amount: amount.toFixed(precision),
      amountInCompanyCurrency: amount
        .times(rate)
        .toDecimalPlaces(company.precision, Decimal.ROUND_HALF_UP)
        .toFixed(company.precision),
      reference: input.reference ?? null,
      isRefund: input.isRefund ?? false,
    },
    journal,
    company,
    precision,
  };
}
