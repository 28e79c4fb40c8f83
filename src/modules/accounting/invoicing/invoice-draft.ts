import { Decimal } from 'decimal.js';
import { eq, inArray } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Executor } from '../../../platform/db/database.js';
import { type FieldError, invalid, invalidField } from '../../../platform/http/problem.js';
import { companyBooks, currencyPrecision } from '../books.js';
import { RuleError } from '../rules/rule-error.js';
import { calculateTaxes, type Tax } from '../rules/tax-calculation.js';
import { accounts, analyticDimensions } from '../schema.js';
import { settingsOf } from '../settings.js';
import { counterpartyOn, rateOn } from './documents.js';
import { invoices, paymentTerms, taxes } from './schema.js';
import type { InvoiceInput, InvoiceLineFields } from './schemas.js';
import { problemOfAccount } from './tax-checks.js';

export type InvoiceRow = typeof invoices.$inferSelect;
type LineInput = Static<typeof InvoiceLineFields>;
type TaxRow = typeof taxes.$inferSelect;
export type DraftInput = Static<typeof InvoiceInput>;

/** An amount at a rate, rounded to the company currency as the books hold it. */
export const toCompanyCurrency = (amount: string, rate: string, precision: number) =>
  new Decimal(amount).times(rate).toDecimalPlaces(precision, Decimal.ROUND_HALF_UP).toFixed(precision);

const DIMENSIONS = [
  ['costCentreId', 'cost_centre'],
  ['projectId', 'project'],
  ['departmentId', 'department'],
] as const;

/** The taxes the lines name, in the order they first appear: that is the document's list. */
async function taxesOfLines(tx: Executor, companyId: string, lines: LineInput[], errors: FieldError[]) {
  const ids = [...new Set(lines.flatMap((l) => l.taxIds ?? []))];
  const found = ids.length ? await tx.select().from(taxes).where(inArray(taxes.id, ids)) : [];
  const byId = new Map(found.map((t) => [t.id, t]));
  lines.forEach((line, i) => {
    (line.taxIds ?? []).forEach((taxId, j) => {
      const tax = byId.get(taxId);
      if (!tax || tax.companyId !== companyId)
        errors.push({ field: `lines.${i}.taxIds.${j}`, reason: `tax ${taxId} is not a tax of this company` });
      else if (tax.archivedAt)
        errors.push({ field: `lines.${i}.taxIds.${j}`, reason: `tax "${tax.name}" is archived` });
    });
  });
  return ids.map((id) => byId.get(id)).filter((t): t is TaxRow => !!t);
}

async function checkLines(
  tx: Executor,
  companyId: string,
  lines: LineInput[],
  errors: FieldError[],
  /** Accounts posting will need too (tax and control accounts): read in the same statement. */
  alsoRead: (string | null)[],
) {
  const dimensionIds = [
    ...new Set(lines.flatMap((l) => DIMENSIONS.map(([f]) => l[f]).filter((v): v is string => !!v))),
  ];
  const dimensions = dimensionIds.length
    ? await tx.select().from(analyticDimensions).where(inArray(analyticDimensions.id, dimensionIds))
    : [];
  // One read for all the lines' accounts: a read per line was a third of a posting's statements.
  const accountIds = [
    ...new Set([...lines.map((l) => l.accountId), ...alsoRead.filter((id): id is string => !!id)]),
  ];
  const lineAccounts = accountIds.length
    ? await tx.select().from(accounts).where(inArray(accounts.id, accountIds))
    : [];
  for (const [i, line] of lines.entries()) {
    const account = lineAccounts.find((a) => a.id === line.accountId);
    const reason = problemOfAccount(account, companyId, line.accountId);
    if (reason) errors.push({ field: `lines.${i}.accountId`, reason });
    for (const [field, kind] of DIMENSIONS) {
      const id = line[field];
      if (!id) continue;
      const dimension = dimensions.find((d) => d.id === id);
      if (!dimension || dimension.companyId !== companyId || dimension.kind !== kind)
        errors.push({
          field: `lines.${i}.${field}`,
          reason: `${id} is not a ${kind.replace('_', ' ')} of this company`,
        });
    }
  }
  return lineAccounts;
}

/** The document's taxes and totals, as the rule computes them in the company's rounding mode. */
export function computeTotals(
  lines: LineInput[],
  documentTaxes: TaxRow[],
  precision: number,
  rounding: string,
) {
  try {
    return calculateTaxes({
      lines: lines.map((l) => ({
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discountPercent: l.discountPercent,
        taxIds: l.taxIds ?? [],
      })),
      taxes: documentTaxes.map(
        (t): Tax => ({
          id: t.id,
          ratePercent: t.ratePercent,
          kind: t.kind as Tax['kind'],
          compound: t.compound,
        }),
      ),
      precision,
      rounding: rounding === 'total' ? 'total' : 'per_line',
    });
  } catch (error) {
    if (error instanceof RuleError) throw invalidField(error.field, error.message);
    throw error;
  }
}

/**
 * Everything a draft is saved with: the counterparty and the client it signed for on the date,
 * the rate of the date, the lines checked against the company's books, and the totals.
 */
export async function prepareDraft(
  tx: Executor,
  input: DraftInput,
  /** Posting keeps the rounding the draft was saved with; saving a draft takes the company's. */
  keepTaxRounding?: string,
) {
  const company = await companyBooks(tx, input.companyId);
  const currency = input.currency ?? company.currency;
  const precision =
    currency === company.currency ? company.precision : await currencyPrecision(tx, currency, 'currency');
  const { clientId } = await counterpartyOn(tx, input.counterpartyId, input.invoiceDate);
  const rate = await rateOn(tx, currency, company.currency, input.invoiceDate);
  const errors: FieldError[] = [];
  let terms: typeof paymentTerms.$inferSelect | undefined;
  if (input.paymentTermsId) {
    [terms] = await tx.select().from(paymentTerms).where(eq(paymentTerms.id, input.paymentTermsId));
    if (!terms || terms.companyId !== input.companyId)
      errors.push({
        field: 'paymentTermsId',
        reason: `payment terms ${input.paymentTermsId} are not terms of this company`,
      });
    else if (terms.archivedAt)
      errors.push({ field: 'paymentTermsId', reason: `payment terms "${terms.name}" are archived` });
  }
  if (input.creditsInvoiceId) {
    const [credited] = await tx.select().from(invoices).where(eq(invoices.id, input.creditsInvoiceId));
    if (!credited || credited.companyId !== input.companyId)
      errors.push({
        field: 'creditsInvoiceId',
        reason: `invoice ${input.creditsInvoiceId} is not an invoice of this company`,
      });
  }
  const settings = await settingsOf(tx, input.companyId);
  const documentTaxes = await taxesOfLines(tx, input.companyId, input.lines, errors);
  const customer = input.kind.startsWith('customer');
  const accountsRead = await checkLines(tx, input.companyId, input.lines, errors, [
    ...documentTaxes.map((t) => (customer ? t.salesAccountId : t.purchaseAccountId)),
    customer ? settings.receivableAccountId : settings.payableAccountId,
  ]);
  if (errors.length) throw invalid(errors);
  const taxRounding = keepTaxRounding ?? settings.taxRounding;
  const totals = computeTotals(input.lines, documentTaxes, precision, taxRounding);
  const header = {
    companyId: input.companyId,
    kind: input.kind,
    counterpartyId: input.counterpartyId,
    clientId,
    sourceId: input.sourceId ?? null,
    invoiceDate: input.invoiceDate,
    currency,
    rate,
    paymentTermsId: input.paymentTermsId ?? null,
    taxRounding,
    netTotal: totals.net,
    taxTotal: totals.tax,
    grossTotal: totals.gross,
    grossInCompanyCurrency: toCompanyCurrency(totals.gross, rate, company.precision),
    creditsInvoiceId: input.creditsInvoiceId ?? null,
    memo: input.memo ?? null,
  };
  const lines = input.lines.map((l, i) => ({
    lineNo: i + 1,
    description: l.description,
    accountId: l.accountId,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discountPercent: l.discountPercent ?? '0',
    taxIds: l.taxIds ?? [],
    net: totals.lines[i].net,
    tax: new Decimal(totals.lines[i].gross).minus(totals.lines[i].net).toFixed(precision),
    costCentreId: l.costCentreId ?? null,
    projectId: l.projectId ?? null,
    departmentId: l.departmentId ?? null,
  }));
  return {
    header,
    lines,
    totals,
    documentTaxes,
    precision,
    companyPrecision: company.precision,
    companyCurrency: company.currency,
    /** Read once here: posting takes its control accounts from them, */
    settings,
    /** and its instalments from these; */
    terms,
    /** the lines', taxes' and control accounts, which its entry's check need not read again. */
    accountsRead,
  };
}
