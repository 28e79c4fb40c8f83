import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { checkPlaces } from '../rules/bank-values.js';
import { RuleError } from '../rules/rule-error.js';
import type { ParsedLine, ParsedStatement } from './parsed-statement.js';

/**
 * A statement fits its journal: the journal's currency, amounts to that currency's places, and
 * an opening balance that the lines carry to the closing one. camt always states both balances;
 * a CSV only when the person typed them in.
 */
export function checkStatement(
  statement: ParsedStatement,
  journal: { code: string; currency: string; precision: number; balancesRequired: boolean },
) {
  const { currency, precision } = journal;
  if (statement.currency && statement.currency !== currency)
    throw new RuleError(
      'file',
      `the statement is in ${statement.currency}; journal ${journal.code} keeps ${currency}`,
    );
  for (const [i, line] of statement.lines.entries())
    checkPlaces(new Decimal(line.amount), precision, currency, `lines.${i}.amount`, line.place);
  const { openingBalance, closingBalance } = statement;
  if (journal.balancesRequired && (openingBalance === null || closingBalance === null))
    throw new RuleError('file', 'the statement has no opening (OPBD) or closing (CLBD) balance');
  if (openingBalance === null || closingBalance === null) return;
  const moved = statement.lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
  const expected = new Decimal(openingBalance).plus(moved);
  if (!expected.equals(closingBalance))
    throw new RuleError(
      'closingBalance',
      `opening balance ${new Decimal(openingBalance).toFixed(precision)} plus the lines' ` +
        `${moved.toFixed(precision)} is ${expected.toFixed(precision)}, not the closing balance ` +
        `${new Decimal(closingBalance).toFixed(precision)}`,
    );
}

/**
 * What makes a movement the same one imported again: its day, amount, references and the other
 * party's account. Hashed so the unique index stays small whatever the remittance text's length.
 */
export function lineHash(line: ParsedLine): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        line.bookingDate,
        new Decimal(line.amount).toFixed(),
        line.reference ?? '',
        line.bankReference ?? '',
        line.counterpartyIban ?? '',
      ]),
    )
    .digest('hex');
}
