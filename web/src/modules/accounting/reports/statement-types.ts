import type { DimensionKind } from '../accounting-types';

export interface StatementColumn {
  kind: 'total' | 'comparison' | 'dimension' | 'none';
  dimensionId: string | null;
  label: string;
}

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

export interface ProfitAndLoss {
  companyId: string;
  currency: string;
  from: string;
  to: string;
  comparison: { from: string; to: string } | null;
  columnsBy: DimensionKind | null;
  columns: StatementColumn[];
  income: StatementSection;
  expense: StatementSection;
  netProfit: string[];
}

export interface BalanceSheet {
  companyId: string;
  currency: string;
  date: string;
  compareDate: string | null;
  columns: (StatementColumn & { date: string; fiscalYearStart: string })[];
  assets: StatementSection;
  liabilities: StatementSection;
  equity: StatementSection;
  liabilitiesAndEquity: string[];
  difference: string[];
}
