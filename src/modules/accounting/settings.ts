import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { accountingSettings } from './schema.js';

/** The account each setting names must be of this type. */
export const SETTING_ACCOUNT_TYPES = {
  retainedEarningsAccountId: 'equity',
  receivableAccountId: 'asset',
  payableAccountId: 'liability',
  exchangeGainAccountId: 'income',
  exchangeLossAccountId: 'expense',
} as const;
export type SettingAccount = keyof typeof SETTING_ACCOUNT_TYPES;

/** The company's settings, or the defaults when none were saved yet. */
export async function settingsOf(tx: Executor, companyId: string) {
  const [row] = await tx.select().from(accountingSettings).where(eq(accountingSettings.companyId, companyId));
  const {
    tenantId: _t,
    updatedAt: _u,
    ...settings
  } = row ?? {
    tenantId: '',
    updatedAt: null,
    companyId,
    taxRounding: 'per_line',
    retainedEarningsAccountId: null,
    receivableAccountId: null,
    payableAccountId: null,
    exchangeGainAccountId: null,
    exchangeLossAccountId: null,
  };
  return settings;
}
