import Decimal from 'decimal.js';

/** A typed amount: blank is zero; anything that is not a plain decimal is not an amount. */
export function parseAmount(text: string | null | undefined): Decimal | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return new Decimal(0);
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return new Decimal(trimmed);
}

/** The exact sum of decimal strings; amounts that do not parse count as zero (the field says why). */
export function sumAmounts(amounts: (string | null | undefined)[]): Decimal {
  return amounts.reduce((sum, amount) => sum.plus(parseAmount(amount) ?? 0), new Decimal(0));
}

export interface EntryTotals {
  debit: string;
  credit: string;
  /** Debit minus credit; "0.00" when the entry balances. */
  difference: string;
  balanced: boolean;
}

/** Running totals of an entry being drafted, as the editor shows them under the lines. */
export function entryTotals(lines: { debit: string; credit: string }[]): EntryTotals {
  // As many decimals as the most precise amount typed, and at least the cents.
  const decimals = Math.max(
    2,
    ...lines.flatMap((l) => [l.debit, l.credit]).map((a) => parseAmount(a)?.decimalPlaces() ?? 0),
  );
  const debit = sumAmounts(lines.map((l) => l.debit));
  const credit = sumAmounts(lines.map((l) => l.credit));
  const difference = debit.minus(credit);
  return {
    debit: debit.toFixed(decimals),
    credit: credit.toFixed(decimals),
    difference: difference.toFixed(decimals),
    balanced: difference.isZero() && !debit.isZero(),
  };
}

/**
 * An amount as the server stored it, without the zeros its storage scale pads on beyond the
 * cents: "1234.5600" reads "1234.56", "0.1250" reads "0.125". The digits that count stay.
 */
export function trimAmount(amount: string, minDecimals = 2): string {
  const match = /^(-?\d+)(?:\.(\d*?)0*)?$/.exec(amount);
  if (!match) return amount;
  const decimals = (match[2] ?? '').padEnd(minDecimals, '0');
  return decimals ? `${match[1]}.${decimals}` : (match[1] ?? amount);
}
