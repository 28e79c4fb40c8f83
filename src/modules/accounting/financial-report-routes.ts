import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { invalidField } from '../../platform/http/problem.js';
import { DateOnly, Id, Nullable } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { balanceSheet } from './balance-sheet.js';
import { companyAccounts, companyBooks } from './books.js';
import { profitAndLoss } from './profit-and-loss.js';
import { sendTable, titleOf } from './report-download.js';
import {
  checkDimension,
  checkRange,
  DIMENSIONS,
  DimensionParams,
  dimensionOf,
  FILE_TYPES,
  Format,
} from './report-query.js';
import type { TableRow } from './spreadsheet.js';
import type { StatementSection } from './statement-sections.js';

const tags = ['Accounting: reports'];
const Amounts = Type.Array(Type.String(), { description: 'one amount per column, in column order' });
const Column = Type.Object({
  kind: Type.Union([
    Type.Literal('total'),
    Type.Literal('comparison'),
    Type.Literal('dimension'),
    Type.Literal('none'),
  ]),
  dimensionId: Nullable(Id),
  label: Type.String(),
});
const Line = Type.Object({
  accountId: Nullable(Id),
  line: Type.Union([
    Type.Literal('account'),
    Type.Literal('current_year_profit'),
    Type.Literal('earlier_years_profit'),
  ]),
  code: Type.String(),
  name: Type.String(),
  type: Type.String(),
  isGroup: Type.Boolean(),
  parentId: Nullable(Id),
  level: Type.Integer(),
  amounts: Amounts,
});
const Section = Type.Object({ rows: Type.Array(Line), total: Amounts });
const DimensionKind = Type.Union(
  [Type.Literal('cost_centre'), Type.Literal('project'), Type.Literal('department')],
  { description: 'one column per value of this dimension kind, then "no value" and the total' },
);

/** A statement's sections as the rows of a CSV or spreadsheet: heading, lines, total. */
function sectionRows(heading: string, section: StatementSection, totalName: string): TableRow[] {
  const blank = section.total.map(() => null);
  return [
    { cells: ['', heading, ...blank], bold: true },
    ...section.rows.map((r) => ({
      cells: [r.code, r.name, ...r.amounts.map((amount) => ({ amount }))],
      bold: r.isGroup,
      level: r.level + 1,
    })),
    { cells: ['', totalName, ...section.total.map((amount) => ({ amount }))], bold: true },
  ];
}

export function financialReportRoutes(api: Api) {
  const read = requirePermission('accounting:read');

  api.get(
    '/accounting/profit-and-loss',
    {
      preHandler: read,
      schema: {
        tags,
        summary:
          'Income and expense per account and group for a period, with the net profit; by dimension, against another period',
        produces: FILE_TYPES,
        querystring: Type.Object(
          {
            companyId: Id,
            from: DateOnly,
            to: DateOnly,
            compareFrom: Type.Optional(DateOnly),
            compareTo: Type.Optional(DateOnly),
            ...DimensionParams,
            columnsBy: Type.Optional(DimensionKind),
            format: Format,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            companyId: Id,
            currency: Type.String(),
            from: Type.String(),
            to: Type.String(),
            comparison: Nullable(Type.Object({ from: Type.String(), to: Type.String() })),
            columnsBy: Nullable(Type.String()),
            columns: Type.Array(Column),
            income: Section,
            expense: Section,
            netProfit: Amounts,
          }),
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      checkRange(q.from, q.to);
      if (q.compareFrom && !q.compareTo) throw invalidField('compareTo', 'is needed with compareFrom');
      if (q.compareTo && !q.compareFrom) throw invalidField('compareFrom', 'is needed with compareTo');
      if (q.compareFrom && q.compareTo) checkRange(q.compareFrom, q.compareTo, 'compareTo', 'compareFrom');
      const filterKind = dimensionOf(q).kind;
      if (q.columnsBy && q.columnsBy === filterKind)
        throw invalidField(
          'columnsBy',
          `the report is filtered by one ${q.columnsBy.replace('_', ' ')} already`,
        );
      const comparison = q.compareFrom && q.compareTo ? { from: q.compareFrom, to: q.compareTo } : undefined;
      const columnsBy = q.columnsBy
        ? { kind: q.columnsBy, column: DIMENSIONS[q.columnsBy].column }
        : undefined;
      const { company, report } = await req.read(async (tx) => {
        const company = await companyBooks(tx, q.companyId);
        const dimension = await checkDimension(tx, q.companyId, q);
        const chart = await companyAccounts(tx, q.companyId);
        const report = await profitAndLoss(tx, chart, {
          ...q,
          precision: company.precision,
          dimension,
          comparison,
          columnsBy,
        });
        return { company, report };
      });
      const answer = {
        companyId: company.id,
        currency: company.currency,
        from: q.from,
        to: q.to,
        comparison: comparison ?? null,
        columnsBy: q.columnsBy ?? null,
        ...report,
      };
      if (!q.format || q.format === 'json') return answer;
      return sendTable(reply, q.format, {
        name: `profit-and-loss-${q.from}-${q.to}`,
        title: titleOf('Profit and loss', company, `${q.from} – ${q.to}`),
        header: ['code', 'name', ...report.columns.map((c) => c.label)],
        nameColumn: 1,
        precision: company.precision,
        rows: [
          ...sectionRows('Income', report.income, 'Total income'),
          ...sectionRows('Expenses', report.expense, 'Total expenses'),
          { cells: ['', 'Net profit', ...report.netProfit.map((amount) => ({ amount }))], bold: true },
        ],
      });
    },
  );

  api.get(
    '/accounting/balance-sheet',
    {
      preHandler: read,
      schema: {
        tags,
        summary:
          "Assets, liabilities and equity at the end of a day, the profit not yet closed in equity; against another day's",
        produces: FILE_TYPES,
        querystring: Type.Object(
          {
            companyId: Id,
            date: DateOnly,
            compareDate: Type.Optional(DateOnly),
            ...DimensionParams,
            format: Format,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            companyId: Id,
            currency: Type.String(),
            date: Type.String(),
            compareDate: Nullable(Type.String()),
            columns: Type.Array(
              Type.Object({ ...Column.properties, date: Type.String(), fiscalYearStart: Type.String() }),
            ),
            assets: Section,
            liabilities: Section,
            equity: Section,
            liabilitiesAndEquity: Amounts,
            difference: Amounts,
          }),
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const { company, report } = await req.read(async (tx) => {
        const company = await companyBooks(tx, q.companyId);
        const dimension = await checkDimension(tx, q.companyId, q);
        const chart = await companyAccounts(tx, q.companyId);
        const dates = q.compareDate ? [q.date, q.compareDate] : [q.date];
        const report = await balanceSheet(tx, chart, {
          ...q,
          dates,
          precision: company.precision,
          dimension,
        });
        return { company, report };
      });
      const answer = {
        companyId: company.id,
        currency: company.currency,
        date: q.date,
        compareDate: q.compareDate ?? null,
        ...report,
      };
      if (!q.format || q.format === 'json') return answer;
      return sendTable(reply, q.format, {
        name: `balance-sheet-${q.date}`,
        title: titleOf('Balance sheet', company, q.compareDate ? `${q.date} (${q.compareDate})` : q.date),
        header: ['code', 'name', ...report.columns.map((c) => c.label)],
        nameColumn: 1,
        precision: company.precision,
        rows: [
          ...sectionRows('Assets', report.assets, 'Total assets'),
          ...sectionRows('Liabilities', report.liabilities, 'Total liabilities'),
          ...sectionRows('Equity', report.equity, 'Total equity'),
          {
            cells: [
              '',
              'Total liabilities and equity',
              ...report.liabilitiesAndEquity.map((amount) => ({ amount })),
            ],
            bold: true,
          },
        ],
      });
    },
  );
}
