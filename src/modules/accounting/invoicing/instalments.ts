import { Decimal } from 'decimal.js';
import { invalidField } from '../../../platform/http/problem.js';
import { splitIntoInstalments } from '../rules/payment-terms.js';
import { RuleError } from '../rules/rule-error.js';
import { toCompanyCurrency } from './invoice-draft.js';

/**
 * The open items a posted document opens: one per instalment of its terms, signed like the
 * document. Each is converted at the document's rate; the last takes what is left of the gross
 * in the company currency, so the items add up to the receivable or payable line to the unit.
 */
export function instalmentsOf(input: {
  gross: Decimal;
  grossInCompanyCurrency: Decimal;
  invoiceDate: string;
  rate: string;
  terms: { percent: string; days: number }[];
  precision: number;
  companyPrecision: number;
}) {
  const { precision, companyPrecision } = input;
  const split = () => {
    try {
      return splitIntoInstalments({
        total: input.gross.toFixed(precision),
        invoiceDate: input.invoiceDate,
        terms: input.terms,
        precision,
      });
    } catch (error) {
      if (error instanceof RuleError) throw invalidField('paymentTermsId', error.message);
      throw error;
    }
  };
  const instalments = split();
  let allotted = new Decimal(0);
  return instalments.map((instalment, i) => {
    const inCompany =
      i === instalments.length - 1
        ? input.grossInCompanyCurrency.minus(allotted)
        : new Decimal(toCompanyCurrency(instalment.amount, input.rate, companyPrecision));
    allotted = allotted.plus(inCompany);
    return { ...instalment, amountInCompanyCurrency: inCompany.toFixed(companyPrecision) };
  });
}
