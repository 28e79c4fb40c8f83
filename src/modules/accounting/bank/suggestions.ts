import { Decimal } from 'decimal.js';
import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { counterparties } from '../../parties/schema.js';
import { currencyPrecision } from '../books.js';
import { invoices, openItems } from '../invoicing/schema.js';
import { buildMatchIndex, type MatchCandidate, suggestMatches } from '../rules/bank-match.js';

export interface LineToMatch {
  id: string;
  companyId: string;
  amount: string;
  currency: string;
  reference: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
}

interface Candidate extends MatchCandidate {
  invoiceId: string | null;
}

/** Everything still owed on one side in one currency, with what identifies who owes it. */
async function candidatesOf(tx: Executor, companyId: string, side: string, currency: string) {
  const rows = await tx
    .select({
      openItemId: openItems.id,
      counterpartyId: openItems.counterpartyId,
      counterpartyName: counterparties.legalName,
      bankAccounts: counterparties.bankAccounts,
      documentNumber: invoices.number,
      invoiceId: openItems.invoiceId,
      dueDate: openItems.dueDate,
      outstanding: openItems.outstanding,
    })
    .from(openItems)
    .innerJoin(counterparties, eq(counterparties.id, openItems.counterpartyId))
    .leftJoin(invoices, eq(invoices.id, openItems.invoiceId))
    .where(
      and(
        eq(openItems.companyId, companyId),
        eq(openItems.side, side),
        eq(openItems.currency, currency),
        gt(openItems.outstanding, '0'),
      ),
    );
  return rows.map(
    ({ bankAccounts, ...row }): Candidate => ({
      ...row,
      counterpartyIbans: (bankAccounts ?? []).map((a) => a.iban).filter(Boolean),
    }),
  );
}

/**
 * The best open items for each line: money in is matched with receivables, money out with
 * payables, in the line's currency. The items are read and indexed once per side and currency,
 * however many lines there are.
 */
export async function suggestionsFor(tx: Executor, lines: LineToMatch[], limit = 5) {
  const groups = new Map<string, LineToMatch[]>();
  for (const line of lines) {
    const side = new Decimal(line.amount).isPositive() ? 'receivable' : 'payable';
    const key = [line.companyId, side, line.currency].join('|');
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  const answer = new Map<string, ReturnType<typeof present>[]>();
  for (const [key, group] of groups) {
    const [companyId, side, currency] = key.split('|');
    const candidates = await candidatesOf(tx, companyId, side, currency);
    const byId = new Map(candidates.map((c) => [c.openItemId, c]));
    const index = buildMatchIndex(candidates);
    const precision = await currencyPrecision(tx, currency, 'currency');
    for (const line of group)
      answer.set(
        line.id,
        suggestMatches(index, { ...line, amount: new Decimal(line.amount).abs().toFixed() }, limit).map((s) =>
          present(s, byId.get(s.openItemId)!, precision),
        ),
      );
  }
  return answer;
}

function present(suggestion: ReturnType<typeof suggestMatches>[number], item: Candidate, precision: number) {
  return {
    ...suggestion,
    counterpartyName: item.counterpartyName,
    documentNumber: item.documentNumber,
    invoiceId: item.invoiceId,
    dueDate: item.dueDate,
    outstanding: new Decimal(item.outstanding).toFixed(precision),
    amount: new Decimal(suggestion.amount).toFixed(precision),
  };
}
