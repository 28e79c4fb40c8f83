import type { Decimal } from 'decimal.js';
import { checkPrecision, decimalOf, Exact, formatMoney, roundMoney } from './money.js';
import { RuleError } from './rule-error.js';

/**
 * A tax as the document applies it. 'on_net' is added to the line's net; 'included' is already
 * in the unit price. A compound tax is computed on the net plus the taxes before it in the
 * document's list of taxes (Quebec's QST on the price plus GST, for one).
 */
export interface Tax {
  id: string;
  /** Percent, 0 to 100, as a decimal string: '21' for 21 %. */
  ratePercent: string;
  kind: 'on_net' | 'included';
  compound: boolean;
}

export interface TaxableLine {
  quantity: string;
  unitPrice: string;
  /** Percent off the line, 0 to 100; none when absent. */
  discountPercent?: string;
  /** The taxes that apply to this line; they are computed in the order of the document's list. */
  taxIds: string[];
}

/** 'per_line' rounds each line's tax; 'total' adds each tax unrounded over the lines and rounds once. */
export type TaxRounding = 'per_line' | 'total';

export interface TaxInput {
  lines: TaxableLine[];
  /** The document's taxes in the order they are computed. */
  taxes: Tax[];
  /** Decimal places of the document currency: 2 for EUR, 0 for JPY, 3 for KWD. */
  precision: number;
  rounding: TaxRounding;
}

export interface TaxAmount {
  taxId: string;
  amount: string;
}

export interface LineTaxes {
  net: string;
  /** Each of the line's taxes, rounded to the currency's places, in the document's order. */
  taxes: TaxAmount[];
  /** The net plus the line's taxes. */
  gross: string;
}

export interface DocumentTaxes {
  lines: LineTaxes[];
  /** Each tax used on some line, in the document's order, added up as the rounding mode says. */
  taxTotals: TaxAmount[];
  net: string;
  tax: string;
  gross: string;
}

/** A line's taxes before rounding: what each tax is per unit of the line's net. */
interface AppliedTax {
  tax: Tax;
  /** Tax over net: the rate, or for a compound tax the rate times (1 + the taxes before it). */
  perNet: Decimal;
}

/**
 * The taxes of a document's lines, and its net, tax and gross totals.
 *
 * Every figure is computed exactly and rounded once, a half away from zero: per line, each
 * line's tax is rounded and the document adds the rounded amounts; in total mode, each tax is
 * added unrounded over the lines and the sum rounded. The lines of a total-mode document show
 * their taxes rounded, which may not add up to the total by a unit or so: that is the mode.
 *
 * A price that includes its taxes is what the customer pays, so the line's net is the price
 * less its rounded included taxes, and net plus tax is the price to the unit.
 */
export function calculateTaxes(input: TaxInput): DocumentTaxes {
  const { precision, rounding } = input;
  checkPrecision(precision);
  const rates = taxRates(input.taxes);

  let documentAmount = new Exact(0);
  const exactTotals = new Map<string, Decimal>();
  const roundedTotals = new Map<string, Decimal>();
  const lines = input.lines.map((line, index): LineTaxes => {
    const field = `lines.${index}`;
    // The line's amount as the customer sees it: quantity times price less the discount.
    const amount = roundMoney(
      decimalOf(line.quantity, `${field}.quantity`)
        .times(decimalOf(line.unitPrice, `${field}.unitPrice`))
        .times(new Exact(100).minus(discountOf(line, index)).div(100)),
      precision,
    );
    documentAmount = documentAmount.plus(amount);

    const applied = appliedTaxes(line, index, input.taxes, rates);
    const included = applied.filter((a) => a.tax.kind === 'included');
    const exactNet = amount.div(included.reduce((f, a) => f.plus(a.perNet), new Exact(1)));

    let net = amount;
    const taxes = applied.map(({ tax, perNet }): TaxAmount => {
      const exact = exactNet.times(perNet);
      const rounded = roundMoney(exact, precision);
      if (tax.kind === 'included') net = net.minus(rounded);
      exactTotals.set(tax.id, (exactTotals.get(tax.id) ?? new Exact(0)).plus(exact));
      roundedTotals.set(tax.id, (roundedTotals.get(tax.id) ?? new Exact(0)).plus(rounded));
      return { taxId: tax.id, amount: formatMoney(rounded, precision) };
    });
    const gross = taxes.reduce((sum, t) => sum.plus(t.amount), net);
    return { net: formatMoney(net, precision), taxes, gross: formatMoney(gross, precision) };
  });

  const totalOf = (taxId: string) =>
    rounding === 'per_line' ? roundedTotals.get(taxId)! : roundMoney(exactTotals.get(taxId)!, precision);
  const used = input.taxes.filter((tax) => exactTotals.has(tax.id));
  const tax = used.reduce((sum, t) => sum.plus(totalOf(t.id)), new Exact(0));
  // Included taxes come out of the price, so the document's net is its amount less them.
  const net = used
    .filter((t) => t.kind === 'included')
    .reduce((sum, t) => sum.minus(totalOf(t.id)), documentAmount);
  return {
    lines,
    taxTotals: used.map((t) => ({ taxId: t.id, amount: formatMoney(totalOf(t.id), precision) })),
    net: formatMoney(net, precision),
    tax: formatMoney(tax, precision),
    gross: formatMoney(net.plus(tax), precision),
  };
}

/** Each tax's rate as a fraction, after checking it is a percent from 0 to 100 and named once. */
function taxRates(taxes: Tax[]): Map<string, Decimal> {
  const rates = new Map<string, Decimal>();
  taxes.forEach((tax, index) => {
    if (rates.has(tax.id))
      throw new RuleError(`taxes.${index}.id`, `Tax "${tax.id}" is listed twice; list each tax once.`);
    const field = `taxes.${index}.ratePercent`;
    const percent = decimalOf(tax.ratePercent, field);
    if (percent.isNegative() || percent.greaterThan(100))
      throw new RuleError(
        field,
        `Tax "${tax.id}" has a rate of ${tax.ratePercent} %; a tax rate must be from 0 to 100 %.`,
      );
    rates.set(tax.id, percent.div(100));
  });
  return rates;
}

// Messages count lines from 1, as a person reads the document; fields count from 0.
function discountOf(line: TaxableLine, index: number): Decimal {
  if (line.discountPercent === undefined) return new Exact(0);
  const field = `lines.${index}.discountPercent`;
  const discount = decimalOf(line.discountPercent, field);
  if (discount.isNegative() || discount.greaterThan(100))
    throw new RuleError(
      field,
      `Line ${index + 1} has a discount of ${line.discountPercent} %; a discount must be from 0 to 100 %.`,
    );
  return discount;
}

/** The line's taxes in the document's order, each with what it is per unit of net. */
function appliedTaxes(line: TaxableLine, index: number, taxes: Tax[], rates: Map<string, Decimal>) {
  const field = `lines.${index}.taxIds`;
  line.taxIds.forEach((taxId, j) => {
    if (!rates.has(taxId))
      throw new RuleError(
        `${field}.${j}`,
        `Line ${index + 1} has tax "${taxId}", which is not one of the document's taxes.`,
      );
    if (line.taxIds.indexOf(taxId) !== j)
      throw new RuleError(
        `${field}.${j}`,
        `Line ${index + 1} has tax "${taxId}" twice; apply each tax once.`,
      );
  });
  const applied: AppliedTax[] = [];
  let perNetSoFar = new Exact(0);
  for (const tax of taxes) {
    if (!line.taxIds.includes(tax.id)) continue;
    // A price can include a tax only if it includes what that tax is computed on.
    const notIncluded = applied.find((a) => a.tax.kind === 'on_net');
    if (tax.compound && tax.kind === 'included' && notIncluded)
      throw new RuleError(
        field,
        `On line ${index + 1}, tax "${tax.id}" is included in the price but compounds on tax "${notIncluded.tax.id}", which is not: ` +
          'list the included taxes first.',
      );
    const rate = rates.get(tax.id)!;
    const perNet = tax.compound ? rate.times(perNetSoFar.plus(1)) : rate;
    perNetSoFar = perNetSoFar.plus(perNet);
    applied.push({ tax, perNet });
  }
  return applied;
}
