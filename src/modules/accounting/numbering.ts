import { sql } from 'drizzle-orm';
import type { ActionContext } from '../../platform/actions/define-action.js';
import { sqlRows } from '../../platform/db/database.js';

/**
 * The next number of a series for a year, in one statement: the upsert locks the series row
 * until the transaction ends, so a posting that fails gives its number back with everything
 * else and posted numbers have no gaps. A new series starts at 1 with the given prefix.
 */
export async function takeNumber(
  ctx: ActionContext,
  series: { companyId: string; key: string; year: number; prefix: string },
) {
  const [taken] = await sqlRows<{ prefix: string; number: number }>(
    ctx.tx,
    sql`insert into numbering_series (tenant_id, company_id, key, year, prefix, next_number)
        values (${ctx.tenantId}, ${series.companyId}, ${series.key}, ${series.year}, ${series.prefix}, 2)
        on conflict (tenant_id, company_id, key, year) do update set next_number = numbering_series.next_number + 1
        returning prefix, next_number - 1 as number`,
  );
  return `${taken.prefix}${String(taken.number).padStart(5, '0')}`;
}
