import { checkPrecision, decimalOf, Exact, formatMoney } from './money.js';
import { RuleError } from './rule-error.js';

/** An instalment (or whole document) still owed, as a payment sees it. */
export interface OpenInstalment {
  id: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** YYYY-MM-DD: the date of the invoice or bill the instalment belongs to. */
  documentDate: string;
  /** What is still owed, in the payment's currency. */
  outstanding: string;
}

export interface Allocation {
  instalmentId: string;
  allocated: string;
  outstandingAfter: string;
}

export interface PaymentAllocation {
  /** Only the instalments the payment reaches, oldest due first. */
  allocations: Allocation[];
  /** What is left of the payment after every instalment is paid: an advance. */
  unallocated: string;
}

/**
 * Spreads a payment over what is owed, the oldest due first (then the older document, then the
 * id, so the same inputs always give the same answer), paying each in full before the next and
 * never more than it owes. Instalments that owe nothing (paid, or a credit) take no payment.
 */
export function allocatePayment(input: {
  amount: string;
  instalments: OpenInstalment[];
  /** Decimal places of the payment's currency. */
  precision: number;
}): PaymentAllocation {
  const { precision } = input;
  checkPrecision(precision);
  const amount = decimalOf(input.amount, 'amount');
  if (amount.lessThanOrEqualTo(0))
    throw new RuleError('amount', `A payment to allocate must be more than zero, not ${input.amount}.`);

  const owed = input.instalments
    .map((instalment, index) => ({
      instalment,
      outstanding: decimalOf(instalment.outstanding, `instalments.${index}.outstanding`),
    }))
    .filter((o) => o.outstanding.greaterThan(0))
    .sort((a, b) => compareOldestFirst(a.instalment, b.instalment));

  let left = amount;
  const allocations: Allocation[] = [];
  for (const { instalment, outstanding } of owed) {
    if (left.isZero()) break;
    const allocated = Exact.min(left, outstanding);
    left = left.minus(allocated);
    allocations.push({
      instalmentId: instalment.id,
      allocated: formatMoney(allocated, precision),
      outstandingAfter: formatMoney(outstanding.minus(allocated), precision),
    });
  }
  return { allocations, unallocated: formatMoney(left, precision) };
}

// YYYY-MM-DD dates order as strings do; the id breaks ties so the order never depends on the input's.
const ORDER: (keyof OpenInstalment)[] = ['dueDate', 'documentDate', 'id'];

function compareOldestFirst(a: OpenInstalment, b: OpenInstalment): number {
  for (const key of ORDER) {
    if (a[key] < b[key]) return -1;
    if (a[key] > b[key]) return 1;
  }
  return 0;
}
