import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { sqlRows, type Tx } from '../../../platform/db/database.js';
import { findRateInForce } from '../../../platform/directories/queries.js';
import { convertTotal, type DatedAmount } from './convert-totals.js';

export interface AttributionRow {
  sourceId: string;
  kind: string;
  name: string;
  leads: number;
  firstClients: number;
  deals: number;
  wonDeals: number;
  wonAmount: string;
  cost: string;
  /** Won amount per unit of cost; null without costs. */
  returnOnCost: string | null;
  unconverted: { currency: string; on: string; amount: string }[];
}

/**
 * Per source: leads, clients it brought first, deals, won deals and their amount, and what was
 * spent on it, in one currency at each day's rate. Answers "which channel or event pays".
 */
export async function attributionReport(
  tx: Tx,
  range: { from: string; to: string },
  currency: string,
  precision: number,
): Promise<AttributionRow[]> {
  const counts = await sqlRows<Record<string, any>>(
    tx,
    sql`select s.id, s.kind, s.name,
      (select count(*)::int from leads l where l.source_id = s.id and l.created_at::date between ${range.from} and ${range.to}) as leads,
      (select count(*)::int from client_attribution a where a.first_source_id = s.id and a.created_at::date between ${range.from} and ${range.to}) as first_clients,
      (select count(*)::int from deals d where d.source_id = s.id and d.created_at::date between ${range.from} and ${range.to}) as deals,
      (select count(*)::int from deals d where d.source_id = s.id and d.status = 'won' and d.closed_at::date between ${range.from} and ${range.to}) as won_deals
    from sources s where s.archived_at is null order by s.kind, s.name`,
  );
  const won = await sqlRows<{ source_id: string; currency: string; on: string; amount: string }>(
    tx,
    sql`select d.source_id, d.currency, to_char(d.closed_at, 'YYYY-MM-DD') as on, sum(d.amount)::text as amount
    from deals d where d.status = 'won' and d.source_id is not null and d.amount is not null
      and d.closed_at::date between ${range.from} and ${range.to}
    group by 1, 2, 3`,
  );
  const costs = await sqlRows<{ source_id: string; currency: string; on: string; amount: string }>(
    tx,
    sql`select c.source_id, c.currency, to_char(c.spent_on, 'YYYY-MM-DD') as on, sum(c.amount)::text as amount
    from marketing_costs c where c.spent_on between ${range.from} and ${range.to} group by 1, 2, 3`,
  );
  // Rates are looked up once per currency and day, before the pure conversion.
  const rates = new Map<string, string | undefined>();
  for (const row of [...won, ...costs]) {
    const key = `${row.currency} ${row.on}`;
    if (!rates.has(key)) rates.set(key, (await findRateInForce(tx, row.currency, currency, row.on))?.rate);
  }
  const rateOf = (c: string, on: string) => rates.get(`${c} ${on}`);
  const of = (rows: typeof won, sourceId: string): DatedAmount[] =>
    rows
      .filter((r) => r.source_id === sourceId)
      .map((r) => ({ amount: r.amount, currency: r.currency, on: r.on }));
  return counts.map((s) => {
    const wonTotal = convertTotal(of(won, s.id), precision, rateOf);
    const costTotal = convertTotal(of(costs, s.id), precision, rateOf);
    const cost = costTotal.total;
    const spent = !new Decimal(cost).isZero();
    return {
      sourceId: s.id,
      kind: s.kind,
      name: s.name,
      leads: s.leads,
      firstClients: s.first_clients,
      deals: s.deals,
      wonDeals: s.won_deals,
      wonAmount: wonTotal.total,
      cost,
      returnOnCost: spent ? divide(wonTotal.total, cost) : null,
      unconverted: [...wonTotal.unconverted, ...costTotal.unconverted],
    };
  });
}

const divide = (a: string, b: string) =>
  new Decimal(a).dividedBy(b).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed(4);
