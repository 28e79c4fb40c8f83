import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { textFilter } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { invalidField, notFound } from '../../platform/http/problem.js';
import { Id, IdParams } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { visibleLeads } from './actions/activity-links.js';
import {
  filteredUser,
  Lead,
  LeadChanges,
  LeadStatus,
  ListFilters,
  NewLeadFields,
  UserFilter,
} from './actions/activity-schemas.js';
import { createLead } from './actions/create-lead.js';
import { disqualifyLead } from './actions/disqualify-lead.js';
import { importLeads } from './actions/import-leads.js';
import { leadFields } from './actions/lead-columns.js';
import { updateLead } from './actions/update-lead.js';
import { MAX_IMPORT_ROWS, rowsFromCsv, rowsFromJson } from './rules/csv-rows.js';
import { leads } from './schema.js';

const tags = ['Leads'];

const ImportReport = Type.Object({
  created: Type.Array(Type.Object({ row: Type.Integer(), id: Id })),
  errors: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), reason: Type.String() })),
  duplicates: Type.Array(
    Type.Object({
      row: Type.Integer(),
      field: Type.String(),
      value: Type.String(),
      leadId: Type.Optional(Id),
      sameAsRow: Type.Optional(Type.Integer()),
    }),
  ),
});

/** A file of 5,000 leads is larger than the 1 MiB other requests may be. */
const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;

async function importRoutes(scope: Api) {
  scope.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  scope.post(
    '/leads/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import leads from a CSV file or a JSON array',
        description:
          `Send CSV (text/csv) with a header naming some of: contactName, clientName, email, phone, message, source ` +
          `(the older headers name and company are read as contactName and clientName); or a JSON array of objects with those keys. At most ${MAX_IMPORT_ROWS} rows. Rows are numbered by their line ` +
          'in the file (the header is line 1), or from 1 in an array. Rows with errors, and rows repeating an open ' +
          'lead or an earlier row by email or phone, are reported and left out; the others are created together.',
        querystring: Type.Object(
          {
            sourceId: Type.Optional(Id),
            responsibleUserId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        body: Type.Union([
          Type.String({ description: 'CSV text' }),
          Type.Array(Type.Unknown(), { maxItems: MAX_IMPORT_ROWS, description: 'Rows as objects' }),
        ]),
        response: { 200: ImportReport },
      },
    },
    async (req) => {
      const parsed = typeof req.body === 'string' ? rowsFromCsv(req.body) : rowsFromJson(req.body);
      if (!parsed.ok) throw invalidField('body', parsed.reason);
      const report = await req.run(importLeads, { ...req.query, rows: parsed.rows });
      return {
        ...report,
        errors: [...parsed.errors, ...report.errors].sort((a, b) => a.row - b.row),
      };
    },
  );
}

/** Leads: every CRM user works them; a rep sees the leads they are responsible for. */
export function leadRoutes(api: Api) {
  const read = requirePermission('crm:read');

  api.get(
    '/leads',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List leads, newest first',
        querystring: listQuery(['createdAt', 'updatedAt'], {
          ...ListFilters,
          status: Type.Optional(LeadStatus),
          sourceId: Type.Optional(Id),
          webFormId: Type.Optional(Id),
          responsibleUserId: Type.Optional(UserFilter),
        }),
        response: { 200: pageOf(Lead) },
      },
    },
    (req) => {
      const { status, sourceId, webFormId, responsibleUserId, q } = req.query;
      return req.read((tx) =>
        keysetPage(
          req.query,
          { createdAt: leads.createdAt, updatedAt: leads.updatedAt },
          '-createdAt',
          leads.id,
          (where, orderBy, limit) =>
            tx
              .select(leadFields)
              .from(leads)
              .where(
                whereAll([
                  where,
                  visibleLeads(req.actor),
                  status ? eq(leads.status, status) : undefined,
                  sourceId ? eq(leads.sourceId, sourceId) : undefined,
                  webFormId ? eq(leads.webFormId, webFormId) : undefined,
                  responsibleUserId
                    ? eq(leads.responsibleUserId, filteredUser(responsibleUserId, req.actor))
                    : undefined,
                  textFilter(q, leads.personName, leads.companyName, leads.email, leads.phone),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      );
    },
  );

  api.get(
    '/leads/:id',
    { preHandler: read, schema: { tags, summary: 'One lead', params: IdParams, response: { 200: Lead } } },
    async (req) => {
      const [lead] = await req.read((tx) =>
        tx
          .select(leadFields)
          .from(leads)
          .where(and(eq(leads.id, req.params.id), visibleLeads(req.actor))),
      );
      if (!lead) throw notFound('Lead', req.params.id);
      return lead;
    },
  );

  api.post(
    '/leads',
    {
      schema: {
        tags,
        summary: 'Add a lead by hand or from an integration',
        description:
          'Name the person or the company, and give an email or a phone (numbers without a country code are read ' +
          "as the first company's country). Emails are lower-cased, phones kept in E.164.",
        body: Type.Object(NewLeadFields, { additionalProperties: false }),
        response: { 201: Lead },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createLead, req.body)),
  );

  api.patch(
    '/leads/:id',
    {
      schema: {
        tags,
        summary: 'Change a new lead',
        params: IdParams,
        body: Type.Partial(Type.Object(LeadChanges), { additionalProperties: false }),
        response: { 200: Lead },
      },
    },
    (req) => req.run(updateLead, { ...req.body, id: req.params.id }),
  );

  api.post(
    '/leads/:id/disqualify',
    {
      schema: {
        tags,
        summary: 'Disqualify a new lead, saying why',
        params: IdParams,
        body: Type.Object(
          { note: Type.String({ maxLength: 500, description: 'Why, in words; kept as disqualifyReason' }) },
          { additionalProperties: false },
        ),
        response: { 200: Lead },
      },
    },
    (req) => req.run(disqualifyLead, { id: req.params.id, note: req.body.note }),
  );

  api.register(importRoutes);
}
