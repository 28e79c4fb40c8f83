import { addDays } from './calendar-days.js';
import { checkPrecision, decimalOf, Exact, formatMoney, roundMoney } from './money.js';
import { RuleError } from './rule-error.js';

/** One instalment of payment terms: a percent of the total, due a number of days after the invoice. */
export interface PaymentTerm {
  percent: string;
  days: number;
}

export interface Instalment {
  dueDate: string;
  amount: string;
  percent: string;
}

export interface InstalmentInput {
  /** The document's gross total; negative for a credit note. */
  total: string;
  /** YYYY-MM-DD. */
  invoiceDate: string;
  terms: PaymentTerm[];
  /** Decimal places of the document currency. */
  precision: number;
}

/**
 * Splits a document's total into the instalments its payment terms ask for, in the order of the
 * terms. Each amount is its percent of the total, rounded; the last one takes what is left, so
 * the instalments always add up to the total to the unit.
 */
export function splitIntoInstalments(input: InstalmentInput): Instalment[] {
  const { terms, precision } = input;
  checkPrecision(precision);
  const total = roundMoney(decimalOf(input.total, 'total'), precision);
  checkTerms(terms);

  let allotted = new Exact(0);
  return terms.map((term, index): Instalment => {
    const isLast = index === terms.length - 1;
    const amount = isLast ? total.minus(allotted) : roundMoney(total.times(term.percent).div(100), precision);
    allotted = allotted.plus(amount);
    return {
      dueDate: addDays(input.invoiceDate, term.days, 'invoiceDate'),
      amount: formatMoney(amount, precision),
      percent: term.percent,
    };
  });
}

function checkTerms(terms: PaymentTerm[]): void {
  let sum = new Exact(0);
  terms.forEach((term, index) => {
    const percent = decimalOf(term.percent, `terms.${index}.percent`);
    if (percent.lessThanOrEqualTo(0))
      throw new RuleError(
        `terms.${index}.percent`,
        `Instalment ${index + 1} is ${term.percent} % of the total; each instalment must be more than 0 %.`,
      );
    if (!Number.isInteger(term.days) || term.days < 0)
      throw new RuleError(
        `terms.${index}.days`,
        `Instalment ${index + 1} is due ${term.days} days after the invoice; give a whole number of days, 0 or more.`,
      );
    sum = sum.plus(percent);
  });
  if (!sum.equals(100))
    throw new RuleError('terms', `Instalment percents add up to ${sum.toString()}, not 100.`);
}
