import { Decimal } from 'decimal.js';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { AccountRow } from './books.js';
import type { DimensionFilter } from './reports.js';
import { formatMoney } from './rules/money.js';
import { statementTree } from './rules/statement-tree.js';
import { analyticDimensions } from './schema.js';
import { accountNets, closingNets, type DimensionColumn, netsByDimension } from './statement-amounts.js';
import { type StatementColumn, type StatementSection, sectionOf } from './statement-sections.js';

export interface ProfitAndLossOptions {
  companyId: string;
  from: string;
  to: string;
  precision: number;
  dimension: DimensionFilter;
  comparison?: { from: string; to: string };
  columnsBy?: { kind: string; column: DimensionColumn };
}

export interface ProfitAndLoss {
  columns: StatementColumn[];
  income: StatementSection;
  expense: StatementSection;
  netProfit: string[];
}

/** Income shows what was earned (credit - debit), expense what was spent (debit - credit). */
const SIGN = { income: -1, expense: 1 } as const;

/** The period's net per account without the year-end closings in it. */
async function periodNets(
  tx: Executor,
  chart: AccountRow[],
  options: ProfitAndLossOptions & { from: string; to: string },
) {
  const [nets, closings] = await Promise.all([accountNets(tx, chart, options), closingNets(tx, options)]);
  const result = new Map<string, Decimal>();
  for (const [id, n] of nets) result.set(id, n.period.minus(closings.get(id) ?? 0));
  return result;
}

/**
 * Profit and loss for a period: income and expense accounts as the chart's tree with group
 * subtotals, their totals and the net profit, in one column, or one per value of a dimension
 * with "no value" and the total; a comparison period adds a column of its own.
 */
export async function profitAndLoss(
  tx: Executor,
  chart: AccountRow[],
  options: ProfitAndLossOptions,
): Promise<ProfitAndLoss> {
  const leaves = chart.filter((a) => !a.isGroup && (a.type === 'income' || a.type === 'expense'));
  const columns: StatementColumn[] = [];
  const perAccount = new Map<string, Decimal[]>(leaves.map((a) => [a.id, []]));
  const push = (values: (id: string) => Decimal) => {
    for (const a of leaves) perAccount.get(a.id)!.push(values(a.id));
  };

  if (options.columnsBy) {
    const { kind, column } = options.columnsBy;
    const [byDimension, closings, dimensions] = await Promise.all([
      netsByDimension(tx, { ...options, column, accountIds: leaves.map((a) => a.id) }),
      closingNets(tx, options),
      tx
        .select()
        .from(analyticDimensions)
        .where(and(eq(analyticDimensions.companyId, options.companyId), eq(analyticDimensions.kind, kind)))
        .orderBy(asc(analyticDimensions.code)),
    ]);
    const used = new Set([...byDimension.values()].flatMap((values) => [...values.keys()]));
    const shown = dimensions.filter((d) => !d.archivedAt || used.has(d.id));
    for (const d of shown) {
      columns.push({ kind: 'dimension', dimensionId: d.id, label: `${d.code} ${d.name}` });
      push((id) => byDimension.get(id)?.get(d.id) ?? new Decimal(0));
    }
    // Closing lines carry no dimension: they come off the "no value" column.
    columns.push({ kind: 'none', dimensionId: null, label: 'No value' });
    push((id) => (byDimension.get(id)?.get(null) ?? new Decimal(0)).minus(closings.get(id) ?? 0));
    columns.push({ kind: 'total', dimensionId: null, label: 'Total' });
    push((id) => perAccount.get(id)!.reduce((sum, v) => sum.plus(v), new Decimal(0)));
  } else {
    const nets = await periodNets(tx, chart, options);
    columns.push({ kind: 'total', dimensionId: null, label: `${options.from} – ${options.to}` });
    push((id) => nets.get(id) ?? new Decimal(0));
  }
  if (options.comparison) {
    const { from, to } = options.comparison;
    const nets = await periodNets(tx, chart, { ...options, from, to });
    columns.push({ kind: 'comparison', dimensionId: null, label: `${from} – ${to}` });
    push((id) => nets.get(id) ?? new Decimal(0));
  }

  const section = (type: 'income' | 'expense') => {
    const amounts = new Map(
      leaves
        .filter((a) => a.type === type)
        .map((a) => [a.id, perAccount.get(a.id)!.map((v) => v.times(SIGN[type]))]),
    );
    return statementTree(chart, amounts, columns.length);
  };
  const income = section('income');
  const expense = section('expense');
  return {
    columns,
    income: sectionOf(income, options.precision),
    expense: sectionOf(expense, options.precision),
    netProfit: income.total.map((v, i) => formatMoney(v.minus(expense.total[i]), options.precision)),
  };
}
