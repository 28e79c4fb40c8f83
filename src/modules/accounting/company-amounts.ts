import { Decimal } from 'decimal.js';

// A pure rule kept beside the actions: the module's rules/ folder belongs to the tax, terms and
// allocation work going on there; this one may move in with them.

export interface AmountLine {
  debit: string;
  credit: string;
}

export interface CompanyAmounts {
  debitInCompanyCurrency: string;
  creditInCompanyCurrency: string;
}

const ROUND = Decimal.ROUND_HALF_UP;

/** Debit and credit totals of lines, exactly. */
export function lineTotals(lines: AmountLine[]) {
  return lines.reduce((t, l) => ({ debit: t.debit.plus(l.debit), credit: t.credit.plus(l.credit) }), {
    debit: new Decimal(0),
    credit: new Decimal(0),
  });
}

/**
 * Each line in the company currency: the amount times the rate, rounded a half away from zero to
 * the company currency's places. Lines that balance in the entry currency may then be a unit or
 * two apart in the company currency; the difference goes on the largest line, so the posting
 * balances exactly and the adjustment is smallest against the amount it changes.
 */
export function companyCurrencyAmounts(
  lines: AmountLine[],
  rate: string,
  precision: number,
): CompanyAmounts[] {
  const converted = lines.map((l) => ({
    debit: new Decimal(l.debit).times(rate).toDecimalPlaces(precision, ROUND),
    credit: new Decimal(l.credit).times(rate).toDecimalPlaces(precision, ROUND),
  }));
  const inEntryCurrency = lineTotals(lines);
  if (lines.length > 0 && inEntryCurrency.debit.equals(inEntryCurrency.credit)) {
    const totals = converted.reduce(
      (t, l) => ({ debit: t.debit.plus(l.debit), credit: t.credit.plus(l.credit) }),
      { debit: new Decimal(0), credit: new Decimal(0) },
    );
    const difference = totals.debit.minus(totals.credit);
    if (!difference.isZero()) {
      let largest = 0;
      converted.forEach((l, i) => {
        if (l.debit.plus(l.credit).greaterThan(converted[largest].debit.plus(converted[largest].credit)))
          largest = i;
      });
      const line = converted[largest];
      // A debit line takes less when debits are over, a credit line more; and the reverse.
      if (line.debit.greaterThan(0)) line.debit = line.debit.minus(difference);
      else line.credit = line.credit.plus(difference);
    }
  }
  return converted.map((l) => ({
    debitInCompanyCurrency: l.debit.toFixed(precision),
    creditInCompanyCurrency: l.credit.toFixed(precision),
  }));
}
