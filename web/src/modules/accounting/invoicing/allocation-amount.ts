import Decimal from 'decimal.js';
import { trimAmount } from '../decimal-sum';

/**
 * What a payment still has to allocate: its open item is negative while money is unallocated
 * (a refund's positive), so the amount left is that outstanding without its sign.
 */
export function leftToAllocate(paymentOutstanding: string | null | undefined): string {
  if (!paymentOutstanding) return '0';
  return trimAmount(new Decimal(paymentOutstanding).abs().toFixed());
}

/** The amount offered for an item: all it owes (or a credit, all it holds), or all the payment has left if that is less. */
export function suggestedAllocation(itemOutstanding: string, left: string): string {
  return trimAmount(Decimal.min(new Decimal(itemOutstanding).abs(), new Decimal(left)).toFixed());
}

/** An item that still owes something (a credit, negative, is settled from, not allocated to). */
export const stillOwes = (outstanding: string) => new Decimal(outstanding).greaterThan(0);

/** A credit still open: what a refund pays back. */
export const stillCredits = (outstanding: string) => new Decimal(outstanding).lessThan(0);

/**
 * The side a payment's item sits on: money in settles a receivable and money out a payable; a
 * refund goes back the way the credit came (out to a customer, in from a supplier).
 */
export function sideOfPayment(payment: { direction: 'in' | 'out'; isRefund: boolean }) {
  const moneyIn = payment.direction === 'in';
  return moneyIn !== payment.isRefund ? 'receivable' : 'payable';
}
