import type { Decimal } from 'decimal.js';
import { checkPrecision, decimalOf, Exact, formatMoney, roundMoney } from './money.js';
import { RuleError } from './rule-error.js';

export type RevaluationSide = 'receivable' | 'payable';

/** An open item as it stood on the revaluation date, signed as open items are. */
export interface ItemToRevalue {
  id: string;
  side: RevaluationSide;
  accountId: string;
  counterpartyId: string;
  currency: string;
  /** In the item's currency: positive is owed (to or by the company), negative a credit. */
  outstanding: string;
  /** What the books carry it at, in the company currency. */
  outstandingInCompanyCurrency: string;
}

export interface RevaluedItem extends ItemToRevalue {
  rate: string;
  /** The outstanding amount at the rate of the revaluation date, rounded to the company currency. */
  revaluedInCompanyCurrency: string;
  /** Revalued minus carried: what the item gained in company currency, signed as the item. */
  difference: string;
}

export interface RevaluationTotal {
  side: RevaluationSide;
  accountId: string;
  currency: string;
  outstanding: string;
  outstandingInCompanyCurrency: string;
  revaluedInCompanyCurrency: string;
  difference: string;
}

/** A line on a receivable or payable account: positive is a debit, as journal lines are. */
export interface ControlLine {
  accountId: string;
  counterpartyId: string;
  amount: string;
}

export interface Revaluation {
  items: RevaluedItem[];
  totals: RevaluationTotal[];
  /** One per account and counterparty whose balance moves; zero sums are left out. */
  lines: ControlLine[];
  /** Both never negative: what goes to exchange gain (credit) and to exchange loss (debit). */
  gain: string;
  loss: string;
}

// A receivable's balance is a debit and a payable's a credit: the same rise in what an item is
// worth is a debit on the first and a credit on the second.
const DEBIT_SIGN: Record<RevaluationSide, 1 | -1> = { receivable: 1, payable: -1 };

function rateOf(rates: Record<string, string>, currency: string) {
  const given = rates[currency];
  if (given === undefined)
    throw new RuleError('currency', `There is no ${currency} exchange rate for the revaluation date.`);
  const rate = decimalOf(given, `rates.${currency}`);
  if (rate.lessThanOrEqualTo(0))
    throw new RuleError('currency', `The ${currency} exchange rate must be more than zero, not ${given}.`);
  return rate;
}

/**
 * Unrealised exchange differences of open foreign-currency items on a date: each item's
 * outstanding amount at the date's rate minus what the books carry it at. The journal takes one
 * line per account and counterparty against exchange gain and loss, so the counterparty's
 * balance on the account moves by exactly the differences of its items.
 */
export function revalueOpenItems(input: {
  items: ItemToRevalue[];
  /** Company currency per unit of each item currency on the revaluation date. */
  rates: Record<string, string>;
  companyPrecision: number;
}): Revaluation {
  const precision = input.companyPrecision;
  checkPrecision(precision, 'companyPrecision');
  const money = (value: Decimal) => formatMoney(value, precision);
  const totals = new Map<string, { total: RevaluationTotal; sums: Decimal[]; places: number }>();
  const lines = new Map<string, { line: ControlLine; sum: Decimal }>();

  // Each currency's rate is checked once, not once per item: a month end may hold many thousands.
  const checkedRates = new Map<string, Decimal>();
  const items = input.items.map((item, index) => {
    const rate = checkedRates.get(item.currency) ?? rateOf(input.rates, item.currency);
    checkedRates.set(item.currency, rate);
    const outstanding = decimalOf(item.outstanding, `items.${index}.outstanding`);
    const carried = decimalOf(
      item.outstandingInCompanyCurrency,
      `items.${index}.outstandingInCompanyCurrency`,
    );
    const revalued = roundMoney(outstanding.times(rate), precision);
    const difference = revalued.minus(carried);

    const totalKey = `${item.side}|${item.accountId}|${item.currency}`;
    const total = totals.get(totalKey) ?? {
      total: { side: item.side, accountId: item.accountId, currency: item.currency } as RevaluationTotal,
      sums: [new Exact(0), new Exact(0), new Exact(0), new Exact(0)],
      places: 0,
    };
    total.places = Math.max(total.places, item.outstanding.split('.')[1]?.length ?? 0);
    for (const [i, value] of [outstanding, carried, revalued, difference].entries())
      total.sums[i] = total.sums[i].plus(value);
    totals.set(totalKey, total);

    const lineKey = `${item.accountId}|${item.counterpartyId}`;
    const line = lines.get(lineKey) ?? {
      line: { accountId: item.accountId, counterpartyId: item.counterpartyId, amount: '' },
      sum: new Exact(0),
    };
    line.sum = line.sum.plus(difference.times(DEBIT_SIGN[item.side]));
    lines.set(lineKey, line);

    return {
      ...item,
      rate: input.rates[item.currency],
      outstandingInCompanyCurrency: money(carried),
      revaluedInCompanyCurrency: money(revalued),
      difference: money(difference),
    };
  });

  const moved = [...lines.values()].filter((l) => !l.sum.isZero());
  const debits = moved.filter((l) => l.sum.isPositive()).reduce((s, l) => s.plus(l.sum), new Exact(0));
  const credits = moved.filter((l) => l.sum.isNegative()).reduce((s, l) => s.minus(l.sum), new Exact(0));
  return {
    items,
    totals: [...totals.values()].map(({ total, sums, places }) => ({
      ...total,
      outstanding: sums[0].toFixed(places),
      outstandingInCompanyCurrency: money(sums[1]),
      revaluedInCompanyCurrency: money(sums[2]),
      difference: money(sums[3]),
    })),
    lines: moved.map(({ line, sum }) => ({ ...line, amount: money(sum) })),
    gain: money(debits),
    loss: money(credits),
  };
}
