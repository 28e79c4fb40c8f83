import { RuleError } from './rule-error.js';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A YYYY-MM-DD date as a count of days since 1970-01-01. Dates are calendar days without a time
 * zone, so the arithmetic is done in UTC where every day has 24 hours.
 */
export function dayNumber(date: string, field: string): number {
  const match = ISO_DAY.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2026-02-30 over to March; a real date formats back to itself.
  if (!match || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new RuleError(
      field,
      `${field} must be a date written YYYY-MM-DD, such as 2026-03-01, not "${date}".`,
    );
  return ms / DAY_MS;
}

/** The date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number, field: string): string {
  return new Date((dayNumber(date, field) + days) * DAY_MS).toISOString().slice(0, 10);
}
