import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { archiveRoutes } from '../../platform/http/archive-routes.js';
import { textFilter, unlessArchived } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { notFound } from '../../platform/http/problem.js';
import { Id, IdParams, Name, Search } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { createAnalyticDimension } from './actions/create-analytic-dimension.js';
import { createJournal } from './actions/create-journal.js';
import { setAnalyticDimensionArchived } from './actions/set-analytic-dimension-archived.js';
import { setJournalArchived } from './actions/set-journal-archived.js';
import { updateAccountingSettings } from './actions/update-accounting-settings.js';
import { updateAnalyticDimension } from './actions/update-analytic-dimension.js';
import { updateJournal } from './actions/update-journal.js';
import { companyBooks } from './books.js';
import { analyticDimensions, journals } from './schema.js';
import {
  AccountingSettings,
  AnalyticDimension,
  Code,
  DimensionFields,
  DimensionKind,
  Journal,
  JournalFields,
  JournalKind,
  SettingsFields,
} from './schemas.js';
import { settingsOf } from './settings.js';

const tags = ['Accounting: set-up'];

export function setupRoutes(api: Api) {
  const read = requirePermission('accounting:read');

  api.get(
    '/analytic-dimensions',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Cost centres, projects and departments',
        querystring: listQuery(['code', 'name'], {
          companyId: Type.Optional(Id),
          kind: Type.Optional(DimensionKind),
          q: Type.Optional(Search),
          includeArchived: Type.Optional(Type.Boolean()),
        }),
        response: { 200: pageOf(AnalyticDimension) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { code: analyticDimensions.code, name: analyticDimensions.name },
          'code',
          analyticDimensions.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(analyticDimensions)
              .where(
                whereAll([
                  where,
                  req.query.companyId ? eq(analyticDimensions.companyId, req.query.companyId) : undefined,
                  req.query.kind ? eq(analyticDimensions.kind, req.query.kind) : undefined,
                  unlessArchived(req.query.includeArchived, analyticDimensions.archivedAt),
                  textFilter(req.query.q, analyticDimensions.code, analyticDimensions.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/analytic-dimensions/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One dimension', params: IdParams, response: { 200: AnalyticDimension } },
    },
    (req) =>
      req.read(async (tx) => {
        const [row] = await tx
          .select()
          .from(analyticDimensions)
          .where(eq(analyticDimensions.id, req.params.id));
        if (!row) throw notFound('Analytic dimension', req.params.id);
        return row;
      }),
  );

  api.post(
    '/analytic-dimensions',
    {
      schema: {
        tags,
        summary: 'Add a cost centre, project or department',
        body: Type.Object(DimensionFields, { additionalProperties: false }),
        response: { 201: AnalyticDimension },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createAnalyticDimension, req.body)),
  );

  api.patch(
    '/analytic-dimensions/:id',
    {
      schema: {
        tags,
        summary: 'Rename a dimension or change its code',
        params: IdParams,
        body: Type.Object(
          { code: Type.Optional(Code), name: Type.Optional(Name) },
          { additionalProperties: false },
        ),
        response: { 200: AnalyticDimension },
      },
    },
    (req) => req.run(updateAnalyticDimension, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/analytic-dimensions',
    what: 'a cost centre, project or department',
    tags,
    response: AnalyticDimension,
    action: setAnalyticDimensionArchived,
  });

  api.get(
    '/journals',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Sales, purchases, bank, cash and general journals',
        querystring: listQuery(['code', 'name'], {
          companyId: Type.Optional(Id),
          kind: Type.Optional(JournalKind),
          q: Type.Optional(Search),
          includeArchived: Type.Optional(Type.Boolean()),
        }),
        response: { 200: pageOf(Journal) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { code: journals.code, name: journals.name },
          'code',
          journals.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(journals)
              .where(
                whereAll([
                  where,
                  req.query.companyId ? eq(journals.companyId, req.query.companyId) : undefined,
                  req.query.kind ? eq(journals.kind, req.query.kind) : undefined,
                  unlessArchived(req.query.includeArchived, journals.archivedAt),
                  textFilter(req.query.q, journals.code, journals.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/journals/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One journal', params: IdParams, response: { 200: Journal } },
    },
    (req) =>
      req.read(async (tx) => {
        const [row] = await tx.select().from(journals).where(eq(journals.id, req.params.id));
        if (!row) throw notFound('Journal', req.params.id);
        return row;
      }),
  );

  api.post(
    '/journals',
    {
      schema: {
        tags,
        summary: 'Add a journal; its code starts the numbers of its entries',
        body: Type.Object(JournalFields, { additionalProperties: false }),
        response: { 201: Journal },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createJournal, req.body)),
  );

  const { companyId: _c, ...JournalChanges } = JournalFields;
  api.patch(
    '/journals/:id',
    {
      schema: {
        tags,
        summary: 'Change a journal',
        params: IdParams,
        body: Type.Partial(Type.Object(JournalChanges), { additionalProperties: false }),
        response: { 200: Journal },
      },
    },
    (req) => req.run(updateJournal, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/journals',
    what: 'a journal',
    tags,
    response: Journal,
    action: setJournalArchived,
  });

  api.get(
    '/accounting/settings',
    {
      preHandler: read,
      schema: {
        tags,
        summary: "A company's tax rounding and default accounts",
        querystring: Type.Object({ companyId: Id }, { additionalProperties: false }),
        response: { 200: AccountingSettings },
      },
    },
    (req) =>
      req.read(async (tx) => {
        await companyBooks(tx, req.query.companyId);
        return settingsOf(tx, req.query.companyId);
      }),
  );

  api.put(
    '/accounting/settings',
    {
      schema: {
        tags,
        summary: "Change a company's tax rounding and default accounts",
        querystring: Type.Object({ companyId: Id }, { additionalProperties: false }),
        body: Type.Object(SettingsFields, { additionalProperties: false }),
        response: { 200: AccountingSettings },
      },
    },
    (req) => req.run(updateAccountingSettings, { ...req.body, companyId: req.query.companyId }),
  );
}
