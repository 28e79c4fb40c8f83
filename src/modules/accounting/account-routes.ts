import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { archiveRoutes } from '../../platform/http/archive-routes.js';
import { textFilter, unlessArchived } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { notFound } from '../../platform/http/problem.js';
import { Id, IdParams, Search } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { createAccount } from './actions/create-account.js';
import { importChart } from './actions/import-chart.js';
import { loadChartTemplate } from './actions/load-chart-template.js';
import { setAccountArchived } from './actions/set-account-archived.js';
import { AccountChanges, updateAccount } from './actions/update-account.js';
import { accounts } from './schema.js';
import { Account, AccountFields, AccountingSettings, AccountType } from './schemas.js';

const tags = ['Accounting: chart of accounts'];

export function accountRoutes(api: Api) {
  const read = requirePermission('accounting:read');

  api.get(
    '/accounts',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'The chart of accounts, by code',
        querystring: listQuery(['code', 'name'], {
          companyId: Type.Optional(Id),
          type: Type.Optional(AccountType),
          parentId: Type.Optional(Id),
          isGroup: Type.Optional(Type.Boolean()),
          q: Type.Optional(Search),
          includeArchived: Type.Optional(Type.Boolean()),
        }),
        response: { 200: pageOf(Account) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { code: accounts.code, name: accounts.name },
          'code',
          accounts.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(accounts)
              .where(
                whereAll([
                  where,
                  req.query.companyId ? eq(accounts.companyId, req.query.companyId) : undefined,
                  req.query.type ? eq(accounts.type, req.query.type) : undefined,
                  req.query.parentId ? eq(accounts.parentId, req.query.parentId) : undefined,
                  req.query.isGroup === undefined ? undefined : eq(accounts.isGroup, req.query.isGroup),
                  unlessArchived(req.query.includeArchived, accounts.archivedAt),
                  textFilter(req.query.q, accounts.code, accounts.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/accounts/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One account', params: IdParams, response: { 200: Account } },
    },
    (req) =>
      req.read(async (tx) => {
        const [account] = await tx.select().from(accounts).where(eq(accounts.id, req.params.id));
        if (!account) throw notFound('Account', req.params.id);
        return account;
      }),
  );

  api.post(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Add an account: a leaf takes postings, a group sums the accounts under it',
        body: Type.Object(AccountFields, { additionalProperties: false }),
        response: { 201: Account },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createAccount, req.body)),
  );

  api.patch(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Change an account (type, group and currency only while nothing depends on them)',
        params: IdParams,
        body: Type.Object(AccountChanges.properties, { additionalProperties: false }),
        response: { 200: Account },
      },
    },
    (req) => req.run(updateAccount, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/accounts',
    what: 'an account',
    tags,
    response: Account,
    action: setAccountArchived,
  });

  const ChartAnswer = Type.Object({ accounts: Type.Array(Account), settings: AccountingSettings });
  api.post(
    '/companies/:id/chart-of-accounts/template',
    {
      schema: {
        tags,
        summary: 'Load the starter chart of accounts into a company without one, and its default accounts',
        params: IdParams,
        response: { 201: ChartAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await req.run(loadChartTemplate, { companyId: req.params.id })),
  );

  api.post(
    '/companies/:id/chart-of-accounts/import',
    {
      schema: {
        tags,
        summary:
          'Import accounts from CSV (code,name,type,parent_code,currency,reconcilable); all rows or none',
        params: IdParams,
        body: Type.Object(
          { csv: Type.String({ minLength: 1, maxLength: 900_000 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ imported: Type.Integer(), accounts: Type.Array(Account) }) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await req.run(importChart, { companyId: req.params.id, csv: req.body.csv })),
  );
}
