import { Decimal } from 'decimal.js';

/** Points are kept to two places; fractions below a hundredth of a point are not credited. */
export const POINT_PLACES = 2;

export interface PurchaseLine {
  amount: string;
  category?: string;
}

/**
 * Points for a paid purchase: each line at its category's percent, or the program's. Rounded
 * down once, on the total, so splitting a purchase into lines never earns more.
 */
export function accrualPoints(
  lines: PurchaseLine[],
  program: { accrualPercent: string; categoryPercents: Record<string, string> },
): string {
  let points = new Decimal(0);
  for (const line of lines) {
    const percent = (line.category && program.categoryPercents[line.category]) || program.accrualPercent;
    points = points.plus(new Decimal(line.amount).times(percent).dividedBy(100));
  }
  return points.toDecimalPlaces(POINT_PLACES, Decimal.ROUND_DOWN).toFixed(POINT_PLACES);
}

/**
 * The most points a purchase may be paid with: the share the program allows, in points at the
 * point's value, and never more than the balance.
 */
export function redeemablePoints(
  purchaseAmount: string,
  balance: string,
  program: { maxRedeemPercent: string; pointValue: string },
): string {
  const byShare = new Decimal(purchaseAmount)
    .times(program.maxRedeemPercent)
    .dividedBy(100)
    .dividedBy(program.pointValue);
  return Decimal.min(byShare, balance)
    .toDecimalPlaces(POINT_PLACES, Decimal.ROUND_DOWN)
    .toFixed(POINT_PLACES);
}

export interface LedgerEntry {
  kind: string;
  points: string;
  expiresOn: string | null;
}

/**
 * Points that lapse on a day. Spending uses the oldest points first, so what lapses is what
 * was earned to expire by that day and not yet used by all debits (spending and earlier
 * lapses): max(0, credits expiring by the day − debits so far).
 */
export function expiringPoints(entries: LedgerEntry[], onDay: string): string {
  let expiringCredits = new Decimal(0);
  let debits = new Decimal(0);
  for (const e of entries) {
    const points = new Decimal(e.points);
    if (points.isNegative()) debits = debits.plus(points.negated());
    else if (e.kind === 'accrual' && e.expiresOn && e.expiresOn <= onDay)
      expiringCredits = expiringCredits.plus(points);
  }
  return Decimal.max(0, expiringCredits.minus(debits)).toFixed(POINT_PLACES);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
