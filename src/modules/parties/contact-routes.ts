import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { archiveRoutes } from '../../platform/http/archive-routes.js';
import { unlessArchived } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { notFound } from '../../platform/http/problem.js';
import { Id, IdParams, Search } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { createContact } from './actions/create-contact.js';
import { setContactArchived } from './actions/set-contact-archived.js';
import { updateContact } from './actions/update-contact.js';
import {
  Contact,
  ContactChanges,
  ContactFields,
  CUSTOM_FILTER_HELP,
  withCustomFilters,
} from './party-schemas.js';
import { customFilters } from './queries.js';
import { contacts } from './schema.js';
import { visibleThroughClient } from './visibility.js';

const tags = ['Contacts'];

/** A fragment of a name, an email or a phone: phones also by digits, "0888 12" finds +35988812…. */
function contactText(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  const digits = q.replace(/\D/g, '').replace(/^0+/, '');
  return or(
    ilike(sql`${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, '')`, pattern),
    ilike(sql`array_to_string(${contacts.emails}, ' ')`, pattern),
    digits.length >= 4 ? sql`array_to_string(${contacts.phones}, ' ') like ${`%${digits}%`}` : undefined,
  );
}

export function contactRoutes(api: Api) {
  const read = requirePermission('parties:read');

  api.get(
    '/contacts',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List contacts (a sales rep sees those of their own clients)',
        description: CUSTOM_FILTER_HELP,
        querystring: withCustomFilters(
          listQuery(['firstName', 'createdAt'], {
            clientId: Type.Optional(Id),
            q: Type.Optional(Search),
            includeArchived: Type.Optional(Type.Boolean()),
          }),
        ),
        response: { 200: pageOf(Contact) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const { query } = req;
        const custom = await customFilters(tx, 'contact', query, contacts.custom);
        return keysetPage(
          query,
          { firstName: contacts.firstName, createdAt: contacts.createdAt },
          'firstName',
          contacts.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(contacts)
              .where(
                whereAll([
                  where,
                  visibleThroughClient(req.actor, contacts.clientId),
                  unlessArchived(query.includeArchived, contacts.archivedAt),
                  query.clientId ? eq(contacts.clientId, query.clientId) : undefined,
                  contactText(query.q),
                  ...custom,
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        );
      }),
  );

  api.get(
    '/contacts/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One contact', params: IdParams, response: { 200: Contact } },
    },
    async (req) => {
      const [contact] = await req.read((tx) =>
        tx
          .select()
          .from(contacts)
          .where(and(eq(contacts.id, req.params.id), visibleThroughClient(req.actor, contacts.clientId))),
      );
      if (!contact) throw notFound('Contact', req.params.id);
      return contact;
    },
  );

  api.post(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact to a client',
        body: Type.Object(ContactFields, { additionalProperties: false }),
        response: { 201: Contact },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createContact, req.body)),
  );

  api.patch(
    '/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change a contact',
        params: IdParams,
        body: Type.Partial(Type.Object(ContactChanges), { additionalProperties: false }),
        response: { 200: Contact },
      },
    },
    (req) => req.run(updateContact, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/contacts',
    what: 'a contact',
    tags,
    response: Contact,
    action: setContactArchived,
  });
}
