import { inArray } from 'drizzle-orm';
import { Type } from 'typebox';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import { defineAction } from '../../../platform/actions/define-action.js';
import { type FieldError, invalid } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { companyBooks } from '../books.js';
import { accountingSettings, accounts } from '../schema.js';
import { SettingsFields } from '../schemas.js';
import { SETTING_ACCOUNT_TYPES, type SettingAccount, settingsOf } from '../settings.js';

async function saveSettings(ctx: ActionContext, companyId: string, changes: Record<string, unknown>) {
  const before = await settingsOf(ctx.tx, companyId);
  await ctx.tx
    .insert(accountingSettings)
    .values({ ...before, ...changes, companyId, tenantId: ctx.tenantId })
    .onConflictDoUpdate({ target: accountingSettings.companyId, set: { ...changes, updatedAt: new Date() } });
  const after = await settingsOf(ctx.tx, companyId);
  ctx.audit({ entity: 'accountingSettings', entityId: companyId, before, after });
  return after;
}

/** Sets the default accounts that are still empty; the chart template uses it. */
export async function fillDefaultAccounts(
  ctx: ActionContext,
  companyId: string,
  defaults: Partial<Record<SettingAccount, string>>,
) {
  const current = await settingsOf(ctx.tx, companyId);
  const missing = Object.fromEntries(
    Object.entries(defaults).filter(([key]) => !current[key as SettingAccount]),
  );
  return saveSettings(ctx, companyId, missing);
}

export const updateAccountingSettings = defineAction({
  name: 'accounting.updateAccountingSettings',
  input: Type.Object({ companyId: Id, ...SettingsFields }, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, { companyId, ...changes }) {
    await companyBooks(ctx.tx, companyId);
    const named = (Object.keys(SETTING_ACCOUNT_TYPES) as SettingAccount[]).filter((key) => changes[key]);
    const found = named.length
      ? await ctx.tx
          .select()
          .from(accounts)
          .where(
            inArray(
              accounts.id,
              named.map((key) => changes[key]!),
            ),
          )
      : [];
    const errors: FieldError[] = [];
    for (const key of named) {
      const account = found.find((a) => a.id === changes[key]);
      const wanted = SETTING_ACCOUNT_TYPES[key];
      if (!account || account.companyId !== companyId)
        errors.push({ field: key, reason: `account ${changes[key]} is not an account of this company` });
      else if (account.isGroup || account.archivedAt)
        errors.push({
          field: key,
          reason: `account ${account.code} is a group or archived; pick an account that takes postings`,
        });
      else if (account.type !== wanted)
        errors.push({
          field: key,
          reason: `account ${account.code} is an ${account.type} account; this one must be ${wanted}`,
        });
    }
    if (errors.length) throw invalid(errors);
    return saveSettings(ctx, companyId, changes);
  },
});
