import { eq } from 'drizzle-orm';
import { type Static, type TSchema, Type } from 'typebox';
import type { Tx } from '../../platform/db/database.js';
import type { Api } from '../../platform/http/api.js';
import { archiveRoutes } from '../../platform/http/archive-routes.js';
import { textFilter, unlessArchived } from '../../platform/http/filters.js';
import { keysetPage, listQuery, type Page, pageOf, whereAll } from '../../platform/http/pagination.js';
import { rowById } from '../../platform/http/record-routes.js';
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

/** The query of a list of analytic dimensions or journals: both are coded, of a kind, archivable. */
const codedListQuery = (Kind: TSchema) =>
  listQuery(['code', 'name'], {
    companyId: Type.Optional(Id),
    kind: Type.Optional(Kind),
    q: Type.Optional(Search),
    includeArchived: Type.Optional(Type.Boolean()),
  });
type CodedTable = typeof analyticDimensions | typeof journals;
type CodedListQuery = Static<ReturnType<typeof codedListQuery>>;

/** A page of analytic dimensions or journals, by code unless sorted by name. */
function codedPage<T extends CodedTable>(tx: Tx, table: T, query: CodedListQuery) {
  const coded: CodedTable = table;
  const kind = query.kind as string | undefined;
  const page = keysetPage(
    query,
    { code: coded.code, name: coded.name },
    'code',
    coded.id,
    (where, orderBy, limit) =>
      tx
        .select()
        .from(coded)
        .where(
          whereAll([
            where,
            query.companyId ? eq(coded.companyId, query.companyId) : undefined,
            kind ? eq(coded.kind, kind) : undefined,
            unlessArchived(query.includeArchived, coded.archivedAt),
            textFilter(query.q, coded.code, coded.name),
          ]),
        )
        .orderBy(...orderBy)
        .limit(limit),
  );
  return page as Promise<Page<T['$inferSelect']>>;
}

export function setupRoutes(api: Api) {
  const read = requirePermission('accounting:read');

  api.get(
    '/analytic-dimensions',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Cost centres, projects and departments',
        querystring: codedListQuery(DimensionKind),
        response: { 200: pageOf(AnalyticDimension) },
      },
    },
    (req) => req.read((tx) => codedPage(tx, analyticDimensions, req.query)),
  );

  api.get(
    '/analytic-dimensions/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One dimension', params: IdParams, response: { 200: AnalyticDimension } },
    },
    (req) => req.read((tx) => rowById(tx, analyticDimensions, req.params.id, 'Analytic dimension')),
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
        querystring: codedListQuery(JournalKind),
        response: { 200: pageOf(Journal) },
      },
    },
    (req) => req.read((tx) => codedPage(tx, journals, req.query)),
  );

  api.get(
    '/journals/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One journal', params: IdParams, response: { 200: Journal } },
    },
    (req) => req.read((tx) => rowById(tx, journals, req.params.id, 'Journal')),
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
