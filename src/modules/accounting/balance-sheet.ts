import { Decimal } from 'decimal.js';
import { and, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { AccountRow } from './books.js';
import type { DimensionFilter } from './reports.js';
import { formatMoney } from './rules/money.js';
import { statementTree } from './rules/statement-tree.js';
import { fiscalYears } from './schema.js';
import { accountNets, closingNets } from './statement-amounts.js';
import {
  type StatementColumn,
  type StatementLine,
  type StatementSection,
  sectionOf,
} from './statement-sections.js';

export interface BalanceSheet {
  columns: (StatementColumn & { date: string; fiscalYearStart: string })[];
  assets: StatementSection;
  liabilities: StatementSection;
  equity: StatementSection;
  liabilitiesAndEquity: string[];
  /** Assets less liabilities and equity: zero, unless a dimension's lines do not balance on their own. */
  difference: string[];
}

/** Where the fiscal year of a day starts; without a fiscal year set up, the calendar year. */
async function fiscalYearStart(tx: Executor, companyId: string, date: string) {
  const [year] = await tx
    .select({ startsOn: fiscalYears.startsOn })
    .from(fiscalYears)
    .where(
      and(
        eq(fiscalYears.companyId, companyId),
        lte(fiscalYears.startsOn, date),
        gte(fiscalYears.endsOn, date),
      ),
    );
  return year?.startsOn ?? `${date.slice(0, 4)}-01-01`;
}

/**
 * The balance sheet at the end of a day (and of a day to compare with): assets, liabilities
 * and equity as the chart's tree. Income and expense not yet closed into retained earnings
 * show in equity as the current fiscal year's profit and earlier years' profit, so assets equal
 * liabilities and equity exactly: every posting balances, and every account is in one of them.
 */
export async function balanceSheet(
  tx: Executor,
  chart: AccountRow[],
  options: { companyId: string; dates: string[]; precision: number; dimension: DimensionFilter },
): Promise<BalanceSheet> {
  const byType = { asset: new Map<string, Decimal[]>(), liability: new Map(), equity: new Map() };
  const leaves = chart.filter((a) => !a.isGroup);
  for (const a of leaves) if (a.type in byType) byType[a.type as keyof typeof byType].set(a.id, []);
  const currentProfit: Decimal[] = [];
  const earlierProfit: Decimal[] = [];
  const columns: BalanceSheet['columns'] = [];
  for (const [i, date] of options.dates.entries()) {
    const from = await fiscalYearStart(tx, options.companyId, date);
    const nets = await accountNets(tx, chart, { ...options, from, to: date });
    const closings = await closingNets(tx, { ...options, from, to: date });
    const zero = { opening: new Decimal(0), period: new Decimal(0), closing: new Decimal(0) };
    let current = new Decimal(0);
    let earlier = new Decimal(0);
    for (const a of leaves) {
      const n = nets.get(a.id) ?? zero;
      if (a.type === 'asset') byType.asset.get(a.id)!.push(n.closing);
      else if (a.type === 'liability' || a.type === 'equity') byType[a.type].get(a.id)!.push(n.closing.neg());
      else {
        current = current.minus(n.period);
        earlier = earlier.minus(n.opening);
      }
    }
    // A closing in the year so far (on its last day) took every year before it along: what is
    // left unclosed is this year's.
    if (closings.size) [current, earlier] = [current.plus(earlier), new Decimal(0)];
    currentProfit.push(current);
    earlierProfit.push(earlier);
    columns.push({
      kind: i === 0 ? 'total' : 'comparison',
      dimensionId: null,
      label: date,
      date,
      fiscalYearStart: from,
    });
  }
  const width = columns.length;
  const assets = statementTree(chart, byType.asset, width);
  const liabilities = statementTree(chart, byType.liability, width);
  const equity = statementTree(chart, byType.equity, width);
  const money = (v: Decimal) => formatMoney(v, options.precision);
  const profitLine = (line: StatementLine['line'], name: string, amounts: Decimal[]): StatementLine => ({
    accountId: null,
    line,
    code: '',
    name,
    type: 'equity',
    isGroup: false,
    parentId: null,
    level: 0,
    amounts: amounts.map(money),
  });
  const equitySection = sectionOf(equity, options.precision);
  equitySection.rows.push(
    profitLine('current_year_profit', 'Profit of the current year not yet closed', currentProfit),
  );
  if (earlierProfit.some((v) => !v.isZero()))
    equitySection.rows.push(
      profitLine('earlier_years_profit', 'Profit of earlier years not yet closed', earlierProfit),
    );
  const equityTotal = equity.total.map((v, i) => v.plus(currentProfit[i]).plus(earlierProfit[i]));
  equitySection.total = equityTotal.map(money);
  const both = liabilities.total.map((v, i) => v.plus(equityTotal[i]));
  return {
    columns,
    assets: sectionOf(assets, options.precision),
    liabilities: sectionOf(liabilities, options.precision),
    equity: equitySection,
    liabilitiesAndEquity: both.map(money),
    difference: assets.total.map((v, i) => money(v.minus(both[i]))),
  };
}
