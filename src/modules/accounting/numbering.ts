import { type SQL, sql } from 'drizzle-orm';
import type { ActionContext } from '../../platform/actions/define-action.js';
import { sqlRows } from '../../platform/db/database.js';

/** A series' number as printed: its prefix, then at least five digits. */
const PRINTED = sql.raw(
  `prefix || lpad((next_number - 1)::text, greatest(5, length((next_number - 1)::text)), '0')`,
);

/**
 * The upsert that takes the next number of a series from `row` (a `values (...)` or a `select`
 * of tenant_id, company_id, key, year, prefix, 2): the row stays locked until the transaction
 * ends, so a posting that fails gives its number back with everything else and posted numbers
 * have no gaps. A new series starts at 1 with the given prefix. Returns `number`.
 */
export const takingNumber = (row: SQL) => sql`
  insert into numbering_series (tenant_id, company_id, key, year, prefix, next_number) ${row}
  on conflict (tenant_id, company_id, key, year) do update set next_number = numbering_series.next_number + 1
  returning ${PRINTED} as number`;

/** The next number of a series for a year, in one statement. */
export async function takeNumber(
  ctx: ActionContext,
  series: { companyId: string; key: string; year: number; prefix: string },
) {
  const [taken] = await sqlRows<{ number: string }>(
    ctx.tx,
    takingNumber(
      sql`values (${ctx.tenantId}, ${series.companyId}, ${series.key}, ${series.year}, ${series.prefix}, 2)`,
    ),
  );
  return taken.number;
}
