import type { Decimal } from 'decimal.js';
import { formatMoney } from './rules/money.js';
import type { StatementRow } from './rules/statement-tree.js';

/** A column of a statement: a period or date, a value of a dimension, "no value", the total. */
export interface StatementColumn {
  kind: 'total' | 'comparison' | 'dimension' | 'none';
  dimensionId: string | null;
  label: string;
}

/**
 * A line of a statement as the API answers it: an account or group of the chart, or (`line`
 * set, no account) a line the statement computes, such as the profit not yet closed.
 */
export interface StatementLine {
  accountId: string | null;
  line: 'account' | 'current_year_profit' | 'earlier_years_profit';
  code: string;
  name: string;
  type: string;
  isGroup: boolean;
  parentId: string | null;
  level: number;
  amounts: string[];
}

export interface StatementSection {
  rows: StatementLine[];
  total: string[];
}

export function sectionOf(
  tree: { rows: StatementRow[]; total: Decimal[] },
  precision: number,
): StatementSection {
  return {
    rows: tree.rows.map((r) => ({
      ...r,
      line: 'account',
      amounts: r.amounts.map((v) => formatMoney(v, precision)),
    })),
    total: tree.total.map((v) => formatMoney(v, precision)),
  };
}
