import { Decimal } from 'decimal.js';
import { inArray } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Executor } from '../../platform/db/database.js';
import { type FieldError, invalid } from '../../platform/http/problem.js';
import { counterparties } from '../parties/schema.js';
import type { AccountRow } from './books.js';
import { companyCurrencyAmounts } from './company-amounts.js';
import { accounts, analyticDimensions } from './schema.js';
import type { LineInput } from './schemas.js';

type Line = Static<typeof LineInput>;

const DIMENSIONS = [
  ['costCentreId', 'cost_centre', 'cost centre'],
  ['projectId', 'project', 'project'],
  ['departmentId', 'department', 'department'],
] as const;

const distinct = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => !!v)),
];

export interface KnownRows {
  accounts?: AccountRow[];
  counterpartyIds?: string[];
}

export interface EntryFacts {
  companyId: string;
  currency: string;
  /** Places of the entry currency. */
  precision: number;
  rate: string;
  /** Places of the company currency. */
  companyPrecision: number;
}

/**
 * The lines of an entry checked against the books of its company: every account a leaf of that
 * company, not archived, in the entry's currency when it has one; amounts one-sided, not
 * negative, in the entry currency's places; dimensions of the right kind and company. Every
 * wrong field is answered at once, so a person fixes the entry in one go. Returns the lines as
 * stored, with their company-currency amounts.
 */
export async function checkedLines(
  tx: Executor,
  facts: EntryFacts,
  lines: Line[],
  prefix = 'lines',
  /** Rows the caller read in this transaction already: they are checked, not read again. */
  known: KnownRows = {},
) {
  const errors: FieldError[] = [];
  const accountsById = new Map((known.accounts ?? []).map((a) => [a.id, a]));
  const accountIds = distinct(lines.map((l) => l.accountId)).filter((id) => !accountsById.has(id));
  const found = accountIds.length
    ? await tx.select().from(accounts).where(inArray(accounts.id, accountIds))
    : [];
  for (const account of found) accountsById.set(account.id, account);
  const dimensionIds = distinct(lines.flatMap((l) => DIMENSIONS.map(([field]) => l[field])));
  const dimensions = dimensionIds.length
    ? await tx.select().from(analyticDimensions).where(inArray(analyticDimensions.id, dimensionIds))
    : [];
  const dimensionsById = new Map(dimensions.map((d) => [d.id, d]));
  const knownCounterparties = new Set(known.counterpartyIds);
  const counterpartyIds = distinct(lines.map((l) => l.counterpartyId)).filter(
    (id) => !knownCounterparties.has(id),
  );
  const existing = counterpartyIds.length
    ? await tx
        .select({ id: counterparties.id })
        .from(counterparties)
        .where(inArray(counterparties.id, counterpartyIds))
    : [];
  for (const { id } of existing) knownCounterparties.add(id);

  lines.forEach((line, i) => {
    const at = `${prefix}.${i}`;
    const account = accountsById.get(line.accountId);
    const accountReason = accountProblem(account, line.accountId, facts);
    if (accountReason) errors.push({ field: `${at}.accountId`, reason: accountReason });

    const debit = new Decimal(line.debit ?? '0');
    const credit = new Decimal(line.credit ?? '0');
    for (const [field, amount] of [
      ['debit', debit],
      ['credit', credit],
    ] as const) {
      if (amount.isNegative()) errors.push({ field: `${at}.${field}`, reason: 'must not be negative' });
      else if (amount.decimalPlaces() > facts.precision)
        errors.push({
          field: `${at}.${field}`,
          reason: `${facts.currency} amounts have ${facts.precision} decimal places, not ${amount.decimalPlaces()}`,
        });
    }
    if (debit.greaterThan(0) && credit.greaterThan(0))
      errors.push({ field: `${at}.credit`, reason: 'a line is either a debit or a credit, not both' });
    if (debit.isZero() && credit.isZero())
      errors.push({ field: `${at}.debit`, reason: 'a line needs a debit or a credit above zero' });

    for (const [field, kind, what] of DIMENSIONS) {
      const id = line[field];
      if (!id) continue;
      const reason = dimensionProblem(dimensionsById.get(id), id, kind, what, facts.companyId);
      if (reason) errors.push({ field: `${at}.${field}`, reason });
    }
    if (line.counterpartyId && !knownCounterparties.has(line.counterpartyId))
      errors.push({
        field: `${at}.counterpartyId`,
        reason: `counterparty ${line.counterpartyId} does not exist`,
      });
  });
  if (errors.length) throw invalid(errors);

  const amounts = lines.map((l) => ({
    debit: new Decimal(l.debit ?? '0').toFixed(facts.precision),
    credit: new Decimal(l.credit ?? '0').toFixed(facts.precision),
  }));
  const inCompanyCurrency = companyCurrencyAmounts(amounts, facts.rate, facts.companyPrecision);
  return lines.map((l, i) => ({
    lineNo: i + 1,
    accountId: l.accountId,
    description: l.description ?? null,
    ...amounts[i],
    ...inCompanyCurrency[i],
    counterpartyId: l.counterpartyId ?? null,
    costCentreId: l.costCentreId ?? null,
    projectId: l.projectId ?? null,
    departmentId: l.departmentId ?? null,
  }));
}

function accountProblem(account: AccountRow | undefined, id: string, facts: EntryFacts) {
  if (!account) return `account ${id} does not exist`;
  const name = `account ${account.code} "${account.name}"`;
  if (account.companyId !== facts.companyId) return `${name} belongs to another company`;
  if (account.isGroup) return `${name} is a group; post to one of the accounts under it`;
  if (account.archivedAt) return `${name} is archived`;
  if (account.currency && account.currency !== facts.currency)
    return `${name} takes only ${account.currency}, not ${facts.currency}`;
  return undefined;
}

function dimensionProblem(
  dimension: typeof analyticDimensions.$inferSelect | undefined,
  id: string,
  kind: string,
  what: string,
  companyId: string,
) {
  if (!dimension) return `${what} ${id} does not exist`;
  if (dimension.kind !== kind)
    return `${dimension.code} is a ${dimension.kind.replace('_', ' ')}, not a ${what}`;
  if (dimension.companyId !== companyId) return `${what} ${dimension.code} belongs to another company`;
  if (dimension.archivedAt) return `${what} ${dimension.code} is archived`;
  return undefined;
}

/** Lines as stored, back into the shape the checks take. */
export const asLineInput = (l: {
  accountId: string;
  description: string | null;
  debit: string;
  credit: string;
  counterpartyId: string | null;
  costCentreId: string | null;
  projectId: string | null;
  departmentId: string | null;
}): Line => ({
  accountId: l.accountId,
  description: l.description,
  debit: l.debit,
  credit: l.credit,
  counterpartyId: l.counterpartyId,
  costCentreId: l.costCentreId,
  projectId: l.projectId,
  departmentId: l.departmentId,
});
