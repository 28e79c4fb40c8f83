import type { Decimal } from 'decimal.js';
import type { FieldError } from '../../../platform/http/problem.js';
import { checkPrecision, Exact, formatMoney } from './money.js';

/** A journal entry line as far as balance goes; the account and the rest ride along. */
export interface JournalLine {
  debit: string;
  credit: string;
}

export interface JournalBalance {
  /** Empty when the entry can be posted. */
  errors: FieldError[];
  totalDebit: string;
  totalCredit: string;
}

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/**
 * What stops a journal entry from being posted: each line is a debit or a credit, never both
 * nor neither, in no more places than the currency has; there are at least two lines; and the
 * debits equal the credits to the unit, with nothing rounded away first. The totals add up the
 * lines that are valid, so a form can show them beside the errors; the balance is judged only
 * once every amount is.
 */
export function checkJournalBalance(
  lines: JournalLine[],
  /** Decimal places of the entry's currency. */
  precision: number,
): JournalBalance {
  checkPrecision(precision);
  const errors: FieldError[] = [];
  let totalDebit = new Exact(0);
  let totalCredit = new Exact(0);
  let everyAmountIsValid = true;

  lines.forEach((line, index) => {
    const field = `lines.${index}`;
    const debit = amountOf(line.debit, `${field}.debit`, precision, errors);
    const credit = amountOf(line.credit, `${field}.credit`, precision, errors);
    if (debit === undefined || credit === undefined) {
      everyAmountIsValid = false;
      return;
    }
    totalDebit = totalDebit.plus(debit);
    totalCredit = totalCredit.plus(credit);
    // Each problem names an input a form can mark: the credit that should not be there, the
    // debit that is missing.
    if (!debit.isZero() && !credit.isZero())
      errors.push({
        field: `${field}.credit`,
        reason: `has both a debit of ${line.debit} and a credit of ${line.credit}; split it into two lines`,
      });
    if (debit.isZero() && credit.isZero())
      errors.push({
        field: `${field}.debit`,
        reason: 'has neither a debit nor a credit; give it an amount or remove it',
      });
  });

  if (lines.length < 2)
    errors.push({
      field: 'lines',
      reason: `has ${lines.length} line(s); a journal entry needs at least two`,
    });
  const shown = {
    totalDebit: formatMoney(totalDebit, precision),
    totalCredit: formatMoney(totalCredit, precision),
  };
  // Totals that leave out a line the person has to fix anyway would report a false imbalance.
  if (everyAmountIsValid && !totalDebit.equals(totalCredit))
    errors.push({
      field: 'lines',
      reason:
        `do not balance: debits add up to ${shown.totalDebit} and credits to ${shown.totalCredit}, ` +
        `a difference of ${formatMoney(totalDebit.minus(totalCredit).abs(), precision)}`,
    });
  return { errors, ...shown };
}

/** The amount of one side of a line, or undefined after recording why it cannot be one. */
function amountOf(
  value: string,
  field: string,
  precision: number,
  errors: FieldError[],
): Decimal | undefined {
  if (typeof value !== 'string' || !DECIMAL_STRING.test(value)) {
    errors.push({ field, reason: `must be a decimal number such as "12.50", not "${value}"` });
    return undefined;
  }
  const amount = new Exact(value);
  if (amount.isNegative() && !amount.isZero()) {
    errors.push({
      field,
      reason: `is ${value}; put a negative debit as a credit, and a negative credit as a debit`,
    });
    return undefined;
  }
  // An amount finer than the currency would balance here and be rounded apart when shown.
  if (amount.decimalPlaces() > precision) {
    errors.push({ field, reason: `is ${value}, with more than ${precision} decimal places` });
    return undefined;
  }
  return amount;
}

/**
 * The lines that undo an entry: each debit becomes a credit of the same amount and each credit a
 * debit, everything else on the line kept. Reversing rather than deleting keeps the ledger's
 * history: the cancelled entry and its reversal both stay on the books.
 */
export function reverseLines<T extends JournalLine>(lines: T[]): T[] {
  return lines.map((line) => ({ ...line, debit: line.credit, credit: line.debit }));
}
