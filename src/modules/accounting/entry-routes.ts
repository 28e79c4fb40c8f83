import { eq, gte, lte } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { textFilter } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { deleteRecordRoute, recordActionRoute } from '../../platform/http/record-routes.js';
import { DateOnly, Id, IdParams, Search } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { cancelJournalEntry } from './actions/cancel-journal-entry.js';
import { createJournalEntry } from './actions/create-journal-entry.js';
import { deleteJournalEntry } from './actions/delete-journal-entry.js';
import { postJournalEntry } from './actions/post-journal-entry.js';
import { updateJournalEntry } from './actions/update-journal-entry.js';
import { entriesWithLines, entryView, loadEntry } from './books.js';
import { journalEntries } from './schema.js';
import { EntryFields, JournalEntry } from './schemas.js';

const tags = ['Accounting: journal entries'];
const Status = Type.Union(['draft', 'posted', 'cancelled'].map((s) => Type.Literal(s)));

/** A POST whose fields are all optional may come without a body. */
export async function emptyBodyIsEmptyObject(req: FastifyRequest) {
  req.body ??= {};
}

export function entryRoutes(api: Api) {
  const read = requirePermission('accounting:read');

  api.get(
    '/journal-entries',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Journal entries with their lines, newest first',
        querystring: listQuery(['postingDate', 'createdAt'], {
          companyId: Type.Optional(Id),
          journalId: Type.Optional(Id),
          status: Type.Optional(Status),
          from: Type.Optional(DateOnly),
          to: Type.Optional(DateOnly),
          q: Type.Optional(Search),
        }),
        response: { 200: pageOf(JournalEntry) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const q = req.query;
        const page = await keysetPage(
          q,
          { postingDate: journalEntries.postingDate, createdAt: journalEntries.createdAt },
          '-postingDate',
          journalEntries.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(journalEntries)
              .where(
                whereAll([
                  where,
                  q.companyId ? eq(journalEntries.companyId, q.companyId) : undefined,
                  q.journalId ? eq(journalEntries.journalId, q.journalId) : undefined,
                  q.status ? eq(journalEntries.status, q.status) : undefined,
                  q.from ? gte(journalEntries.postingDate, q.from) : undefined,
                  q.to ? lte(journalEntries.postingDate, q.to) : undefined,
                  textFilter(q.q, journalEntries.number, journalEntries.memo),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        );
        return { ...page, items: await entriesWithLines(tx, page.items) };
      }),
  );

  api.get(
    '/journal-entries/:id',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'One entry with its lines',
        params: IdParams,
        response: { 200: JournalEntry },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const { entry, lines } = await loadEntry(tx, req.params.id);
        return entryView(entry, lines);
      }),
  );

  api.post(
    '/journal-entries',
    {
      schema: {
        tags,
        summary: 'Draft an entry; the rate defaults to the one in force on the posting date',
        body: Type.Object(EntryFields, { additionalProperties: false }),
        response: { 201: JournalEntry },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createJournalEntry, req.body)),
  );

  const { companyId: _c, ...EntryChanges } = EntryFields;
  api.patch(
    '/journal-entries/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft (lines given replace its lines); a posted entry answers 409',
        params: IdParams,
        body: Type.Partial(Type.Object(EntryChanges), { additionalProperties: false }),
        response: { 200: JournalEntry },
      },
    },
    (req) => req.run(updateJournalEntry, { ...req.body, id: req.params.id }),
  );

  deleteRecordRoute(api, '/journal-entries/:id', {
    tags,
    summary: 'Delete a draft',
    action: deleteJournalEntry,
  });

  recordActionRoute(api, '/journal-entries/:id/post', {
    tags,
    summary: 'Post a draft: checked, numbered and written to the general ledger',
    response: JournalEntry,
    action: postJournalEntry,
  });

  api.post(
    '/journal-entries/:id/cancel',
    {
      preValidation: emptyBodyIsEmptyObject,
      schema: {
        tags,
        summary: 'Cancel a posted entry with a posted reversal (dated postingDate when its period is closed)',
        params: IdParams,
        body: Type.Optional(
          Type.Object({ postingDate: Type.Optional(DateOnly) }, { additionalProperties: false }),
        ),
        response: { 200: JournalEntry },
      },
    },
    (req) => req.run(cancelJournalEntry, { id: req.params.id, ...req.body }),
  );
}
