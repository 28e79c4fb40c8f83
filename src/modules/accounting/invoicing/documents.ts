import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import type { Executor } from '../../../platform/db/database.js';
import { findRateInForce } from '../../../platform/directories/queries.js';
import { conflict, invalidField } from '../../../platform/http/problem.js';
import { clientCounterparties, counterparties } from '../../parties/schema.js';
import { takeNumber } from '../numbering.js';
import { journals } from '../schema.js';
import { settingsOf } from '../settings.js';

/**
 * The rate of a document: company currency per unit of its currency in force on its date, 1 for
 * the company currency; a 422 naming `currency` when none was recorded.
 */
export async function rateOn(tx: Executor, currency: string, companyCurrency: string, date: string) {
  if (currency === companyCurrency) return '1';
  const inForce = await findRateInForce(tx, currency, companyCurrency, date);
  if (!inForce)
    throw invalidField(
      'currency',
      `there is no ${currency}→${companyCurrency} exchange rate on or before ${date}; ` +
        'record one under Reference data → Exchange rates first',
    );
  return inForce.rate;
}

/** The counterparty must exist; the client it signed for on `date`, if any, is returned. */
export async function counterpartyOn(tx: Executor, counterpartyId: string, date: string) {
  // One read for both: every document drafted and posted asks it.
  const [found] = await tx
    .select({ counterparty: counterparties, clientId: clientCounterparties.clientId })
    .from(counterparties)
    .leftJoin(
      clientCounterparties,
      and(
        eq(clientCounterparties.counterpartyId, counterparties.id),
        lte(clientCounterparties.validFrom, date),
        or(isNull(clientCounterparties.validTo), gte(clientCounterparties.validTo, date)),
      ),
    )
    .where(eq(counterparties.id, counterpartyId))
    .orderBy(asc(clientCounterparties.validFrom))
    .limit(1);
  if (!found) throw invalidField('counterpartyId', `counterparty ${counterpartyId} does not exist`);
  return { counterparty: found.counterparty, clientId: found.clientId ?? null };
}

/** The first journal of a kind of the company, or a 409 saying to create one. */
export async function journalOfKind(
  tx: Executor,
  companyId: string,
  kind: 'sales' | 'purchases' | 'general',
) {
  const [journal] = await tx
    .select()
    .from(journals)
    .where(and(eq(journals.companyId, companyId), eq(journals.kind, kind), isNull(journals.archivedAt)))
    .orderBy(asc(journals.createdAt), asc(journals.id))
    .limit(1);
  if (!journal)
    throw conflict(`The company has no ${kind} journal; create one under Accounting → Journals first.`, [
      { field: 'companyId', reason: `has no ${kind} journal` },
    ]);
  return journal;
}

type SettingAccount =
  | 'receivableAccountId'
  | 'payableAccountId'
  | 'exchangeGainAccountId'
  | 'exchangeLossAccountId';

const SETTING_NAMES: Record<SettingAccount, string> = {
  receivableAccountId: 'receivable',
  payableAccountId: 'payable',
  exchangeGainAccountId: 'exchange gain',
  exchangeLossAccountId: 'exchange loss',
};

/** An account the company's accounting settings must name, or a 409 saying which to set. */
export async function settingAccount(tx: Executor, companyId: string, key: SettingAccount) {
  return accountOfSettings(await settingsOf(tx, companyId), key);
}

/** The same, from settings already read. */
export function accountOfSettings(settings: Record<SettingAccount, string | null>, key: SettingAccount) {
  const accountId = settings[key];
  if (!accountId)
    throw conflict(
      `The company's accounting settings name no ${SETTING_NAMES[key]} account; set one under Accounting → Settings first.`,
      [{ field: key, reason: 'is not set in the accounting settings' }],
    );
  return accountId;
}

/**
 * The next number of a document series (`invoice:customer_invoice`, `payment:in`) for a year,
 * taken under FOR UPDATE: a posting that fails rolls its number back, so numbers have no gaps.
 */
export async function nextDocumentNumber(
  ctx: ActionContext,
  companyId: string,
  key: string,
  date: string,
  prefix: string,
) {
  const year = Number(date.slice(0, 4));
  return takeNumber(ctx, { companyId, key, year, prefix: `${prefix}-${year}-` });
}

/** Side of the books a document's open items sit on. */
export const SIDE_OF_KIND = {
  customer_invoice: 'receivable',
  customer_credit_note: 'receivable',
  supplier_invoice: 'payable',
  supplier_credit_note: 'payable',
} as const;

export const SIDE_OF_DIRECTION = { in: 'receivable', out: 'payable' } as const;

export const SIDE_ACCOUNT = { receivable: 'receivableAccountId', payable: 'payableAccountId' } as const;

const DOCUMENT_NAMES = {
  customer_invoice: 'Invoice',
  customer_credit_note: 'Credit note',
  supplier_invoice: 'Supplier invoice',
  supplier_credit_note: 'Supplier credit note',
} as const;

/** How a person names a document of a kind. */
export const journalNameOf = (kind: keyof typeof DOCUMENT_NAMES) => DOCUMENT_NAMES[kind];
