import { dayNumber } from './calendar-days.js';
import { checkPrecision, decimalOf, Exact, formatMoney } from './money.js';

export type AgingBucket = 'not_due' | '0-30' | '31-60' | '61-90' | '91-120' | '120+';

/** The buckets in the order an aging report shows them. */
export const AGING_BUCKETS: AgingBucket[] = ['not_due', '0-30', '31-60', '61-90', '91-120', '120+'];

export interface OpenItem {
  /** YYYY-MM-DD. */
  dueDate: string;
  outstanding: string;
}

/**
 * The last day past due each bucket holds; past the last one, an item is '120+'. Exported so
 * the aging report can bucket in SQL by exactly these edges.
 */
export const LAST_DAY_OF: [AgingBucket, number][] = [
  ['0-30', 30],
  ['31-60', 60],
  ['61-90', 90],
  ['91-120', 120],
];

/**
 * The bucket of an item due on `dueDate`, seen on `asOf`. An item due today is 0 days past due
 * and in '0-30', not 'not_due': it may be paid today, but it is owed. Day 30 is still '0-30',
 * day 31 is '31-60', and so on up to day 120 in '91-120'; day 121 on is '120+'.
 */
export function agingBucket(dueDate: string, asOf: string, field = 'dueDate'): AgingBucket {
  const daysPastDue = dayNumber(asOf, 'asOf') - dayNumber(dueDate, field);
  if (daysPastDue < 0) return 'not_due';
  return LAST_DAY_OF.find(([, lastDay]) => daysPastDue <= lastDay)?.[0] ?? '120+';
}

/**
 * What is outstanding in each aging bucket on a day, every bucket present. Credits (negative
 * outstanding) lower their bucket, as they lower what the counterparty owes.
 */
export function ageOpenItems(
  items: OpenItem[],
  asOf: string,
  /** Decimal places of the currency the items are in. */
  precision: number,
): Record<AgingBucket, string> {
  checkPrecision(precision);
  const sums = new Map(AGING_BUCKETS.map((bucket) => [bucket, new Exact(0)]));
  items.forEach((item, index) => {
    const bucket = agingBucket(item.dueDate, asOf, `items.${index}.dueDate`);
    sums.set(bucket, sums.get(bucket)!.plus(decimalOf(item.outstanding, `items.${index}.outstanding`)));
  });
  return Object.fromEntries(
    AGING_BUCKETS.map((bucket) => [bucket, formatMoney(sums.get(bucket)!, precision)]),
  ) as Record<AgingBucket, string>;
}
