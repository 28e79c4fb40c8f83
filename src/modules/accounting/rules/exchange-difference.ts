import { checkPrecision, decimalOf, formatMoney, roundMoney } from './money.js';
import { RuleError } from './rule-error.js';

export type ExchangeDifferenceKind = 'gain' | 'loss' | 'none';

export interface ExchangeDifferenceInput {
  /** The part of the payment allocated to the invoice or bill, in the document's currency. */
  allocatedAmount: string;
  /** Company currency per 1 unit of document currency, as the document was booked. */
  invoiceRate: string;
  /** Company currency per 1 unit of document currency, as the payment was booked. */
  paymentRate: string;
  /** Decimal places of the company currency. */
  companyPrecision: number;
  /** A receivable is money the company is owed; a payable, money it owes. */
  side: 'receivable' | 'payable';
}

export interface ExchangeDifference {
  /** The size of the gain or loss, never negative; `kind` says which. */
  amountInCompanyCurrency: string;
  kind: ExchangeDifferenceKind;
  /** The allocated amount at the document's rate: what leaves the receivable or payable account. */
  atInvoiceRate: string;
  /** The allocated amount at the payment's rate: what the bank account moves by. */
  atPaymentRate: string;
}

// A payment worth more in company currency than the document was booked at is a gain when the
// company receives it and a loss when the company pays it out.
const KIND_WHEN_PAYMENT_IS_WORTH_MORE: Record<ExchangeDifferenceInput['side'], ExchangeDifferenceKind> = {
  receivable: 'gain',
  payable: 'loss',
};
const OPPOSITE: Record<ExchangeDifferenceKind, ExchangeDifferenceKind> = {
  gain: 'loss',
  loss: 'gain',
  none: 'none',
};

/**
 * The realised exchange gain or loss when a foreign-currency payment settles (part of) a
 * document booked at another rate. Both sides are converted and rounded on their own, as the
 * journal books them, so the difference is exactly what balances the journal: bank at the
 * payment's rate, receivable or payable at the document's rate, the difference to exchange
 * gain or loss.
 */
export function exchangeDifference(input: ExchangeDifferenceInput): ExchangeDifference {
  const precision = input.companyPrecision;
  checkPrecision(precision, 'companyPrecision');
  const allocated = decimalOf(input.allocatedAmount, 'allocatedAmount');
  if (allocated.lessThanOrEqualTo(0))
    throw new RuleError(
      'allocatedAmount',
      `An allocated amount must be more than zero to have an exchange difference, not ${input.allocatedAmount}.`,
    );
  const rateOf = (field: 'invoiceRate' | 'paymentRate') => {
    const rate = decimalOf(input[field], field);
    if (rate.lessThanOrEqualTo(0))
      throw new RuleError(field, `An exchange rate must be more than zero, not ${input[field]} (${field}).`);
    return rate;
  };

  const atInvoiceRate = roundMoney(allocated.times(rateOf('invoiceRate')), precision);
  const atPaymentRate = roundMoney(allocated.times(rateOf('paymentRate')), precision);
  const difference = atPaymentRate.minus(atInvoiceRate);
  const whenWorthMore = KIND_WHEN_PAYMENT_IS_WORTH_MORE[input.side];
  const kind = difference.isZero()
    ? 'none'
    : difference.isPositive()
      ? whenWorthMore
      : OPPOSITE[whenWorthMore];
  return {
    amountInCompanyCurrency: formatMoney(difference.abs(), precision),
    kind,
    atInvoiceRate: formatMoney(atInvoiceRate, precision),
    atPaymentRate: formatMoney(atPaymentRate, precision),
  };
}
