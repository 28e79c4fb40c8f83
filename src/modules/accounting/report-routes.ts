import { Decimal } from 'decimal.js';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { Cursor, Limit } from '../../platform/http/pagination.js';
import { invalidField } from '../../platform/http/problem.js';
import { DateOnly, Id, Nullable } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { companyAccounts, companyBooks } from './books.js';
import { sendTable, titleOf } from './report-download.js';
import { checkRange, DimensionParams, dimensionOf, FILE_TYPES, Format } from './report-query.js';
import { ledgerRows, openingNet, trialBalance } from './reports.js';

const tags = ['Accounting: reports'];
const Amount = Type.String();

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
        produces: FILE_TYPES,
        querystring: Type.Object(
          {
            companyId: Id,
            from: DateOnly,
            to: DateOnly,
            ...DimensionParams,
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
      const dimension = dimensionOf(q).filter;
      const report = await req.read(async (tx) => {
        const company = await companyBooks(tx, q.companyId);
        const chart = await companyAccounts(tx, q.companyId);
        const result = await trialBalance(tx, chart, { ...q, precision: company.precision, dimension });
        return {
          companyId: company.id,
          name: company.name,
          currency: company.currency,
          precision: company.precision,
          from: q.from,
          to: q.to,
          ...result,
        };
      });
      if (!q.format || q.format === 'json') return report;
      const columns = [
        'openingDebit',
        'openingCredit',
        'periodDebit',
        'periodCredit',
        'closingDebit',
        'closingCredit',
      ] as const;
      const amount = (v: string) => ({ amount: v });
      return sendTable(reply, q.format, {
        name: `trial-balance-${q.from}-${q.to}`,
        title: titleOf('Trial balance', report, `${q.from} – ${q.to}`),
        header: ['code', 'name', 'type', 'group', 'level', ...columns],
        nameColumn: 1,
        precision: report.precision,
        rows: [
          ...report.items.map((i) => ({
            cells: [
              i.code,
              i.name,
              i.type,
              i.isGroup ? 'yes' : 'no',
              i.level,
              ...columns.map((c) => amount(i[c])),
            ],
            bold: i.isGroup,
            level: i.level,
          })),
          { cells: ['', 'Total', '', '', '', ...columns.map((c) => amount(report.totals[c]))], bold: true },
        ],
      });
    },
  );

  api.get(
    '/accounting/general-ledger',
    {
      preHandler: read,
      schema: {
        tags,
        summary: "An account's GL rows with a running balance; a group's cover the accounts under it",
        produces: FILE_TYPES,
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
      // A file has every row: no pages.
      const file = q.format === 'csv' || q.format === 'xlsx';
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
          after: file ? undefined : after,
          limit: file ? undefined : limit + 1,
        });
        const fixed = (v: string) => new Decimal(v).toFixed(company.precision);
        const items = rows.slice(0, file ? rows.length : limit).map((r) => ({
          ...r,
          debit: fixed(r.debit),
          credit: fixed(r.credit),
          balance: fixed(r.balance),
        }));
        const last = items.at(-1);
        const nextCursor =
          !file && rows.length > limit && last
            ? Buffer.from(JSON.stringify([last.postingDate, last.id])).toString('base64url')
            : null;
        return {
          companyId: company.id,
          accountId: account.id,
          currency: company.currency,
          openingBalance: fixed(opening),
          items,
          nextCursor,
          company,
          account: `${account.code} ${account.name}`,
        };
      });
      if (!q.format || q.format === 'json') return answer;
      const amount = (v: string) => ({ amount: v });
      return sendTable(reply, q.format, {
        name: `general-ledger-${q.from}-${q.to}`,
        title: titleOf(`General ledger ${answer.account}`, answer.company, `${q.from} – ${q.to}`),
        header: [
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
        precision: answer.company.precision,
        rows: [
          {
            cells: [
              null,
              null,
              null,
              'Opening balance',
              null,
              null,
              null,
              null,
              null,
              amount(answer.openingBalance),
            ],
            bold: true,
          },
          ...answer.items.map((r) => ({
            cells: [
              { day: r.postingDate },
              r.entryNumber,
              r.lineNo,
              r.description ?? r.memo,
              amount(r.debit),
              amount(r.credit),
              r.currency,
              amount(r.debitInCurrency),
              amount(r.creditInCurrency),
              amount(r.balance),
            ],
          })),
        ],
      });
    },
  );
}
