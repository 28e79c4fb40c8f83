import { Decimal } from 'decimal.js';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { Cursor, Limit } from '../../platform/http/pagination.js';
import { invalidField } from '../../platform/http/problem.js';
import { DateOnly, Id, Nullable } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { companyAccounts, companyBooks } from './books.js';
import { type DimensionFilter, ledgerRows, openingNet, trialBalance } from './reports.js';

const tags = ['Accounting: reports'];
const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv answers text/csv' }),
);
const Amount = Type.String();

const csvCell = (v: unknown) => {
  const text = v == null ? '' : String(v);
  return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

function sendCsv(reply: FastifyReply, name: string, header: string[], rows: unknown[][]) {
  const lines = [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(`${lines.join('\n')}\n`);
}

function checkRange(from: string, to: string) {
  if (to < from) throw invalidField('to', `must not be before from (${from})`);
}

const TrialBalanceRow = Type.Object({
  accountId: Id,
  code: Type.String(),
  name: Type.String(),
  type: Type.String(),
  isGroup: Type.Boolean(),
  parentId: Nullable(Id),
  level: Type.Integer(),
  openingDebit: Amount,
  openingCredit: Amount,
  periodDebit: Amount,
  periodCredit: Amount,
  closingDebit: Amount,
  closingCredit: Amount,
});
const Totals = Type.Object({
  openingDebit: Amount,
  openingCredit: Amount,
  periodDebit: Amount,
  periodCredit: Amount,
  closingDebit: Amount,
  closingCredit: Amount,
});

const LedgerRow = Type.Object({
  id: Id,
  entryId: Id,
  entryNumber: Nullable(Type.String()),
  lineNo: Type.Integer(),
  postingDate: Type.String(),
  accountId: Id,
  description: Nullable(Type.String()),
  memo: Nullable(Type.String()),
  debit: Amount,
  credit: Amount,
  currency: Type.String(),
  debitInCurrency: Amount,
  creditInCurrency: Amount,
  counterpartyId: Nullable(Id),
  balance: Amount,
});

function decodeLedgerCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string];
  } catch {
    // answered below
  }
  throw invalidField('cursor', 'is not a cursor this list gave out; start again without it');
}

export function reportRoutes(api: Api) {
  const read = requirePermission('accounting:read');

  api.get(
    '/accounting/trial-balance',
    {
      preHandler: read,
      schema: {
        tags,
        summary:
          'Opening, period and closing debit and credit per account, groups summed from their accounts',
        produces: ['application/json', 'text/csv'],
        querystring: Type.Object(
          {
            companyId: Id,
            from: DateOnly,
            to: DateOnly,
            costCentreId: Type.Optional(Id),
            projectId: Type.Optional(Id),
            departmentId: Type.Optional(Id),
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
            items: Type.Array(TrialBalanceRow),
            totals: Totals,
          }),
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      checkRange(q.from, q.to);
      const given = (
        [
          ['costCentreId', 'cost_centre_id'],
          ['projectId', 'project_id'],
          ['departmentId', 'department_id'],
        ] as const
      ).filter(([key]) => q[key]);
      if (given.length > 1) throw invalidField(given[1][0], 'filter by one dimension at a time');
      const dimension: DimensionFilter = given.length
        ? { column: given[0][1], id: q[given[0][0]]! }
        : undefined;
      const report = await req.read(async (tx) => {
        const company = await companyBooks(tx, q.companyId);
        const chart = await companyAccounts(tx, q.companyId);
        const result = await trialBalance(tx, chart, { ...q, precision: company.precision, dimension });
        return { companyId: company.id, currency: company.currency, from: q.from, to: q.to, ...result };
      });
      if (q.format !== 'csv') return report;
      const columns = [
        'openingDebit',
        'openingCredit',
        'periodDebit',
        'periodCredit',
        'closingDebit',
        'closingCredit',
      ] as const;
      return sendCsv(
        reply,
        `trial-balance-${q.from}-${q.to}`,
        ['code', 'name', 'type', 'group', 'level', ...columns],
        [
          ...report.items.map((i) => [
            i.code,
            i.name,
            i.type,
            i.isGroup ? 'yes' : 'no',
            i.level,
            ...columns.map((c) => i[c]),
          ]),
          ['', 'Total', '', '', '', ...columns.map((c) => report.totals[c])],
        ],
      );
    },
  );

  api.get(
    '/accounting/general-ledger',
    {
      preHandler: read,
      schema: {
        tags,
        summary: "An account's GL rows with a running balance; a group's cover the accounts under it",
        produces: ['application/json', 'text/csv'],
        querystring: Type.Object(
          {
            companyId: Id,
            accountId: Id,
            from: DateOnly,
            to: DateOnly,
            limit: Type.Optional(Limit),
            cursor: Type.Optional(Cursor),
            format: Format,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            companyId: Id,
            accountId: Id,
            currency: Type.String(),
            openingBalance: Amount,
            items: Type.Array(LedgerRow),
            nextCursor: Nullable(Type.String()),
          }),
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      checkRange(q.from, q.to);
      const csv = q.format === 'csv';
      const limit = q.limit ?? 50;
      const after = q.cursor ? decodeLedgerCursor(q.cursor) : undefined;
      const answer = await req.read(async (tx) => {
        const company = await companyBooks(tx, q.companyId);
        const chart = await companyAccounts(tx, q.companyId);
        const account = chart.find((a) => a.id === q.accountId);
        if (!account)
          throw invalidField('accountId', `account ${q.accountId} is not an account of this company`);
        const ids = new Set([account.id]);
        // A group's ledger is its accounts' ledgers together; the chart is small, so walk it here.
        for (let grew = true; grew; ) {
          grew = false;
          for (const a of chart)
            if (a.parentId && ids.has(a.parentId) && !ids.has(a.id)) {
              ids.add(a.id);
              grew = true;
            }
        }
        const opening = await openingNet(tx, q.companyId, [...ids], q.from);
        const rows = await ledgerRows(tx, {
          companyId: q.companyId,
          accountIds: [...ids],
          from: q.from,
          to: q.to,
          opening,
          after: csv ? undefined : after,
          limit: csv ? undefined : limit + 1,
        });
        const fixed = (v: string) => new Decimal(v).toFixed(company.precision);
        const items = rows.slice(0, csv ? rows.length : limit).map((r) => ({
          ...r,
          debit: fixed(r.debit),
          credit: fixed(r.credit),
          balance: fixed(r.balance),
        }));
        const last = items.at(-1);
        const nextCursor =
          !csv && rows.length > limit && last
            ? Buffer.from(JSON.stringify([last.postingDate, last.id])).toString('base64url')
            : null;
        return {
          companyId: company.id,
          accountId: account.id,
          currency: company.currency,
          openingBalance: fixed(opening),
          items,
          nextCursor,
        };
      });
      if (!csv) return answer;
      return sendCsv(
        reply,
        `general-ledger-${q.from}-${q.to}`,
        [
          'date',
          'entry',
          'line',
          'description',
          'debit',
          'credit',
          'currency',
          'debit_in_currency',
          'credit_in_currency',
          'balance',
        ],
        [
          ['', '', '', 'Opening balance', '', '', '', '', '', answer.openingBalance],
          ...answer.items.map((r) => [
            r.postingDate,
            r.entryNumber,
            r.lineNo,
            r.description ?? r.memo,
            r.debit,
            r.credit,
            r.currency,
            r.debitInCurrency,
            r.creditInCurrency,
            r.balance,
          ]),
        ],
      );
    },
  );
}
