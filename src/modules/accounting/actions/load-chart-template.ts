import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { companyAccounts, companyOfPath } from '../books.js';
import { chartRecords } from '../chart-rows.js';
import { accounts } from '../schema.js';
import { STARTER_CHART, STARTER_DEFAULTS } from '../starter-chart.js';
import { fillDefaultAccounts } from './update-accounting-settings.js';

/** A new company's books in one step: the starter chart, and the settings pointing into it. */
export const loadChartTemplate = defineAction({
  name: 'accounting.loadChartTemplate',
  input: Type.Object({ companyId: Id }, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, { companyId }) {
    const company = await companyOfPath(ctx.tx, companyId);
    const existing = await companyAccounts(ctx.tx, companyId);
    if (existing.length)
      throw conflict(
        `${company.name} already has a chart of ${existing.length} accounts; add or import accounts instead.`,
        [{ field: 'companyId', reason: 'already has a chart of accounts' }],
      );
    const records = chartRecords(STARTER_CHART, { tenantId: ctx.tenantId, companyId });
    const created = await ctx.tx.insert(accounts).values(records).returning();
    const byCode = new Map(created.map((a) => [a.code, a.id]));
    const settings = await fillDefaultAccounts(
      ctx,
      companyId,
      Object.fromEntries(Object.entries(STARTER_DEFAULTS).map(([key, code]) => [key, byCode.get(code)!])),
    );
    ctx.audit({ entity: 'chartOfAccounts', entityId: companyId, after: { accounts: created.length } });
    return { accounts: created.sort((a, b) => a.code.localeCompare(b.code)), settings };
  },
});
