import { Decimal } from 'decimal.js';
import { RuleError } from './rule-error.js';

/**
 * Signed amounts of a posting (debits positive, credits negative) that rounding left a unit or
 * two off zero: the difference goes on the largest amount that may take it, so the posting
 * balances and no small line is bent out of shape. Amounts that may not move (a receivable equal
 * to its open items) are marked `false` in `adjustable`.
 */
export function absorbDifference(amounts: Decimal[], adjustable: boolean[], field = 'lines'): Decimal[] {
  const difference = amounts.reduce((sum, a) => sum.plus(a), new Decimal(0));
  if (difference.isZero()) return amounts;
  let largest = -1;
  amounts.forEach((a, i) => {
    if (adjustable[i] && (largest < 0 || a.abs().greaterThan(amounts[largest].abs()))) largest = i;
  });
  if (largest < 0)
    throw new RuleError(field, `do not balance by ${difference.toFixed()} and no line may take it`);
  return amounts.map((a, i) => (i === largest ? a.minus(difference) : a));
}
