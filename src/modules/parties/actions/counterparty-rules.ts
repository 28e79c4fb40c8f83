import type { Static } from 'typebox';
import type { BankAccountSchema } from '../party-schemas.js';
import { checkTaxId } from '../rules/tax-id.js';
import type { BankAccount } from '../schema.js';
import type { FieldProblems } from './party-rules.js';

/** The tax id as stored (checked for the counterparty's country), null to clear, undefined to keep. */
export function cleanTaxId(
  raw: string | null | undefined,
  country: string,
  problems: FieldProblems,
): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  const checked = checkTaxId(raw, country);
  if (checked.ok) return checked.taxId;
  problems.add('taxId', `${checked.reason} (country ${country})`);
  return raw;
}

/** Account numbers are compared and printed without the spaces people group them with. */
export function cleanBankAccounts(accounts: Static<typeof BankAccountSchema>[]): BankAccount[] {
  return accounts.map((a) => ({
    ...a,
    iban: a.iban.replace(/\s+/g, '').toUpperCase(),
    ...(a.bic ? { bic: a.bic.replace(/\s+/g, '').toUpperCase() } : {}),
  }));
}
