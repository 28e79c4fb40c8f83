import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, sqlRows } from '../../../platform/db/database.js';
import { AGING_BUCKETS, type AgingBucket, LAST_DAY_OF } from '../rules/aging-buckets.js';

/**
 * The bucket of an open item's due date on `asOf`, in SQL, by the same edges as `agingBucket`:
 * the database sums each counterparty's buckets, so a report over 200,000 open items reads a
 * few rows per counterparty instead of every item.
 */
function bucketOf(asOf: string) {
  const cases = LAST_DAY_OF.map(
    ([bucket, lastDay]) => sql`when ${asOf}::date - o.due_date <= ${lastDay} then ${bucket}`,
  );
  return sql`case when o.due_date > ${asOf}::date then 'not_due' ${sql.join(cases, sql` `)} else '120+' end`;
}

export interface AgingRow {
  counterpartyId: string;
  legalName: string;
  buckets: Record<AgingBucket, string>;
  total: string;
}

/** What each counterparty owes (or is owed) on `asOf` by days past due, in the company currency. */
export async function agingReport(
  tx: Executor,
  query: { companyId: string; side: string; asOf: string; precision: number },
) {
  const sums = await sqlRows<{
    counterparty_id: string;
    legal_name: string;
    bucket: AgingBucket;
    outstanding: string;
  }>(
    tx,
    // Summed first by counterparty id (a hash of a few thousand groups), named and sorted after:
    // grouping by the name sorted every item by text, on disk, at 200,000 items.
    sql`with sums as (
          select o.counterparty_id, ${bucketOf(query.asOf)} as bucket,
            sum(o.outstanding_in_company_currency) as outstanding
          from open_items o
          where o.company_id = ${query.companyId} and o.side = ${query.side} and o.outstanding <> 0
            and o.document_date <= ${query.asOf}::date
          group by o.counterparty_id, bucket)
        select s.counterparty_id, c.legal_name, s.bucket, s.outstanding::text as outstanding
        from sums s join counterparties c on c.id = s.counterparty_id
        order by c.legal_name, s.counterparty_id`,
  );
  const zero = new Decimal(0).toFixed(query.precision);
  const rows = new Map<string, AgingRow>();
  for (const sum of sums) {
    const row = rows.get(sum.counterparty_id) ?? {
      counterpartyId: sum.counterparty_id,
      legalName: sum.legal_name,
      buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, zero])) as Record<AgingBucket, string>,
      total: zero,
    };
    row.buckets[sum.bucket] = new Decimal(sum.outstanding).toFixed(query.precision);
    row.total = new Decimal(row.total).plus(sum.outstanding).toFixed(query.precision);
    rows.set(sum.counterparty_id, row);
  }
  const all = [...rows.values()];
  const totals = Object.fromEntries(
    AGING_BUCKETS.map((b) => [
      b,
      all.reduce((s, r) => s.plus(r.buckets[b]), new Decimal(0)).toFixed(query.precision),
    ]),
  ) as Record<AgingBucket, string>;
  const total = all.reduce((s, r) => s.plus(r.total), new Decimal(0)).toFixed(query.precision);
  return { rows: all, totals, total };
}
