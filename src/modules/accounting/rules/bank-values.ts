import { Decimal } from 'decimal.js';
import { RuleError } from './rule-error.js';

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYYMMDD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const DATE_PATTERNS: Record<
  DateFormat,
  { re: RegExp; order: ['y' | 'm' | 'd', 'y' | 'm' | 'd', 'y' | 'm' | 'd'] }
> = {
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: ['y', 'm', 'd'] },
  'DD.MM.YYYY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: ['d', 'm', 'y'] },
  'DD/MM/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: ['d', 'm', 'y'] },
  'MM/DD/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: ['m', 'd', 'y'] },
  YYYYMMDD: { re: /^(\d{4})(\d{2})(\d{2})$/, order: ['y', 'm', 'd'] },
};

/** A calendar day written in `format`, as YYYY-MM-DD; a RuleError naming `field` when it is not one. */
export function parseDay(text: string, format: DateFormat, field: string, place: string): string {
  const { re, order } = DATE_PATTERNS[format];
  const match = re.exec(text.trim());
  const parts = { y: 0, m: 0, d: 0 };
  if (match) for (const [i, part] of order.entries()) parts[part] = Number(match[i + 1]);
  const day = new Date(Date.UTC(parts.y, parts.m - 1, parts.d));
  if (!match || day.getUTCMonth() !== parts.m - 1 || day.getUTCDate() !== parts.d)
    throw new RuleError(field, `${place}: "${text}" is not a date written ${format}`);
  return day.toISOString().slice(0, 10);
}

/**
 * An amount as banks write it: "1.234,56", "-12.50", "+300", "12,00-". The separators are the
 * ones the person chose, so "1,234" is never guessed to be one and a quarter or a thousand.
 */
export function parseAmount(
  text: string,
  decimalSeparator: string,
  thousandsSeparator: string | null | undefined,
  field: string,
  place: string,
): Decimal {
  let value = text.trim().replace(/\u00a0/g, ' ');
  let negative = false;
  if (value.endsWith('-')) {
    negative = true;
    value = value.slice(0, -1).trim();
  }
  if (value.startsWith('-') || value.startsWith('+')) {
    negative = negative !== value.startsWith('-');
    value = value.slice(1).trim();
  }
  if (thousandsSeparator) value = value.split(thousandsSeparator).join('');
  if (decimalSeparator !== '.') {
    if (value.includes('.'))
      throw new RuleError(
        field,
        `${place}: "${text}" has a "." but the decimal separator is "${decimalSeparator}"`,
      );
    value = value.replace(decimalSeparator, '.');
  }
  if (!/^\d+(\.\d+)?$/.test(value)) throw new RuleError(field, `${place}: "${text}" is not an amount`);
  const amount = new Decimal(value);
  return negative ? amount.negated() : amount;
}

/** Amounts as the file gives them, to the places of the currency: "1200.00" for EUR. */
export function checkPlaces(
  amount: Decimal,
  precision: number,
  currency: string,
  field: string,
  place: string,
) {
  if (amount.decimalPlaces() > precision)
    throw new RuleError(
      field,
      `${place}: ${amount.toFixed()} has ${amount.decimalPlaces()} decimal places; ${currency} has ${precision}`,
    );
}
