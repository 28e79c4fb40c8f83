import { Decimal } from 'decimal.js';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { type FieldError, invalid } from '../../../platform/http/problem.js';
import { splitIntoInstalments } from '../rules/payment-terms.js';
import { RuleError } from '../rules/rule-error.js';
import { accounts } from '../schema.js';

/** An account a document or tax names: a leaf of the company that takes postings. */
export async function accountProblem(tx: Executor, companyId: string, accountId: string) {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
  return problemOfAccount(account, companyId, accountId);
}

/** Why an account (as loaded, or missing) cannot take this company's postings, if it cannot. */
export function problemOfAccount(
  account: typeof accounts.$inferSelect | undefined,
  companyId: string,
  accountId: string,
) {
  if (!account || account.companyId !== companyId)
    return `account ${accountId} is not an account of this company`;
  if (account.isGroup)
    return `account ${account.code} "${account.name}" is a group; pick one that takes postings`;
  if (account.archivedAt) return `account ${account.code} "${account.name}" is archived`;
  return undefined;
}

export async function checkTax(
  tx: Executor,
  tax: { companyId: string; ratePercent?: string; salesAccountId?: string; purchaseAccountId?: string },
) {
  const errors: FieldError[] = [];
  if (tax.ratePercent !== undefined) {
    const rate = new Decimal(tax.ratePercent);
    if (rate.isNegative() || rate.greaterThan(100))
      errors.push({ field: 'ratePercent', reason: `is ${tax.ratePercent} %; a tax rate is from 0 to 100 %` });
  }
  for (const field of ['salesAccountId', 'purchaseAccountId'] as const) {
    const id = tax[field];
    if (!id) continue;
    const reason = await accountProblem(tx, tax.companyId, id);
    if (reason) errors.push({ field, reason });
  }
  if (errors.length) throw invalid(errors);
}

/** Instalments must be more than 0 % each, due 0 or more days on, and add up to 100 %. */
export function checkInstalments(instalments: { percent: string; days: number }[]) {
  try {
    splitIntoInstalments({ total: '100', invoiceDate: '2000-01-01', terms: instalments, precision: 2 });
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    throw invalid([{ field: error.field.replace(/^terms/, 'instalments'), reason: error.message }]);
  }
}
