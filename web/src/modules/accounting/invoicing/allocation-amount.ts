import Decimal from 'decimal.js';
import { trimAmount } from '../decimal-sum';

/**
 * What a payment still has to allocate: its open item is negative while money is unallocated,
 * so the amount left is that outstanding turned positive.
 */
export function leftToAllocate(paymentOutstanding: string | null | undefined): string {
  if (!paymentOutstanding) return '0';
  return trimAmount(Decimal.max(new Decimal(paymentOutstanding).negated(), 0).toFixed());
}

/** The amount offered for an item: all it owes, or all the payment has left if that is less. */
export function suggestedAllocation(itemOutstanding: string, left: string): string {
  return trimAmount(Decimal.min(new Decimal(itemOutstanding), new Decimal(left)).toFixed());
}

/** An item that still owes something (a credit, negative, is settled from, not allocated to). */
export const stillOwes = (outstanding: string) => new Decimal(outstanding).greaterThan(0);
