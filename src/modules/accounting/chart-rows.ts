import { newId } from '../../platform/db/columns.js';
import type { AccountRow } from './books.js';
import type { ChartRow } from './starter-chart.js';

/**
 * Rows of a chart as account records with their ids made here, parents before children, so one
 * insert writes a whole tree. Parents are rows of the same chart or accounts the company has.
 */
export function chartRecords(
  rows: ChartRow[],
  company: { tenantId: string; companyId: string },
  existing: AccountRow[] = [],
) {
  const ids = new Map<string, string>(existing.map((a) => [a.code, a.id]));
  for (const row of rows) ids.set(row.code, newId());
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const depth = (row: ChartRow): number => {
    let d = 0;
    for (let up = row.parentCode && byCode.get(row.parentCode); up && d <= rows.length; d++)
      up = up.parentCode ? byCode.get(up.parentCode) : undefined;
    return d;
  };
  return [...rows]
    .sort((a, b) => depth(a) - depth(b))
    .map((row) => ({
      id: ids.get(row.code)!,
      tenantId: company.tenantId,
      companyId: company.companyId,
      code: row.code,
      name: row.name,
      type: row.type,
      parentId: row.parentCode ? ids.get(row.parentCode)! : null,
      isGroup: row.isGroup ?? false,
      reconcilable: row.reconcilable ?? false,
      currency: row.currency ?? null,
    }));
}
