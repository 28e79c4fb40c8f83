/**
 * A small chart to start from, grouped the way IFRS statements read: assets, liabilities and
 * equity for the balance sheet; income and expenses for profit or loss. Codes leave room for a
 * company's own accounts between them.
 */
export interface ChartRow {
  code: string;
  name: string;
  type: 'asset' | 'liability' | 'equity' | 'income' | 'expense';
  parentCode?: string;
  isGroup?: boolean;
  reconcilable?: boolean;
  currency?: string | null;
}

export const STARTER_CHART: ChartRow[] = [
  { code: '1', name: 'Assets', type: 'asset', isGroup: true },
  { code: '10', name: 'Current assets', type: 'asset', parentCode: '1', isGroup: true },
  { code: '1000', name: 'Cash', type: 'asset', parentCode: '10' },
  { code: '1010', name: 'Bank', type: 'asset', parentCode: '10', reconcilable: true },
  { code: '1100', name: 'Trade receivables', type: 'asset', parentCode: '10', reconcilable: true },
  { code: '1200', name: 'Inventory', type: 'asset', parentCode: '10' },
  { code: '1300', name: 'VAT receivable', type: 'asset', parentCode: '10' },
  { code: '15', name: 'Non-current assets', type: 'asset', parentCode: '1', isGroup: true },
  { code: '1500', name: 'Property, plant and equipment', type: 'asset', parentCode: '15' },
  { code: '2', name: 'Liabilities', type: 'liability', isGroup: true },
  { code: '2000', name: 'Trade payables', type: 'liability', parentCode: '2', reconcilable: true },
  { code: '2100', name: 'VAT payable', type: 'liability', parentCode: '2' },
  { code: '2200', name: 'Salaries payable', type: 'liability', parentCode: '2' },
  { code: '3', name: 'Equity', type: 'equity', isGroup: true },
  { code: '3000', name: 'Share capital', type: 'equity', parentCode: '3' },
  { code: '3100', name: 'Retained earnings', type: 'equity', parentCode: '3' },
  { code: '4', name: 'Income', type: 'income', isGroup: true },
  { code: '4000', name: 'Sales', type: 'income', parentCode: '4' },
  { code: '4900', name: 'Exchange gain', type: 'income', parentCode: '4' },
  { code: '5', name: 'Expenses', type: 'expense', isGroup: true },
  { code: '5000', name: 'Cost of goods sold', type: 'expense', parentCode: '5' },
  { code: '6000', name: 'Rent', type: 'expense', parentCode: '5' },
  { code: '6100', name: 'Salaries', type: 'expense', parentCode: '5' },
  { code: '6200', name: 'Office expenses', type: 'expense', parentCode: '5' },
  { code: '6300', name: 'Bank charges', type: 'expense', parentCode: '5' },
  { code: '6900', name: 'Exchange loss', type: 'expense', parentCode: '5' },
];

/** The accounts the settings point at by default, by their code in the starter chart. */
export const STARTER_DEFAULTS = {
  retainedEarningsAccountId: '3100',
  receivableAccountId: '1100',
  payableAccountId: '2000',
  exchangeGainAccountId: '4900',
  exchangeLossAccountId: '6900',
} as const;
