import { eq, or, type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { archiveRoutes } from '../../platform/http/archive-routes.js';
import { textFilter, unlessArchived } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { invalid, invalidField } from '../../platform/http/problem.js';
import { Id, IdParams, Search } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { CreateClientInput, createClient } from './actions/create-client.js';
import { mergeClients } from './actions/merge-clients.js';
import { phoneCountry } from './actions/party-rules.js';
import { setClientArchived } from './actions/set-client-archived.js';
import { updateClient } from './actions/update-client.js';
import {
  CLIENT_KINDS,
  Client,
  ClientCard,
  ClientFields,
  CreatedClient,
  CUSTOM_FILTER_HELP,
  DuplicateCandidate,
  OneOf,
  withCustomFilters,
} from './party-schemas.js';
import { clientCard, customFilters, findDuplicateClients } from './queries.js';
import { normaliseEmail } from './rules/normalise-email.js';
import { normalisePhone } from './rules/normalise-phone.js';
import { clients } from './schema.js';
import { visibleClients } from './visibility.js';

const tags = ['Clients'];

/** The digits of a phone fragment without trunk zeros: "0881 234" finds +359881234…. */
function phoneDigits(q: string | undefined): SQL | undefined {
  const digits = q?.replace(/\D/g, '').replace(/^0+/, '') ?? '';
  return digits.length >= 4 ? sql`${clients.phone} like ${`%${digits}%`}` : undefined;
}

const MergeResult = Type.Object({
  client: Client,
  mergedClient: Client,
  moved: Type.Record(Type.String(), Type.Integer(), {
    description: 'Rows moved to the surviving client: contacts, counterpartyLinks, and each later module',
  }),
});

export function clientRoutes(api: Api) {
  const read = requirePermission('parties:read');

  api.get(
    '/clients',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List clients (a sales rep sees their own)',
        description: CUSTOM_FILTER_HELP,
        querystring: withCustomFilters(
          listQuery(['name', 'createdAt', 'updatedAt'], {
            q: Type.Optional(Search),
            responsibleUserId: Type.Optional(Id),
            tag: Type.Optional(Type.String({ maxLength: 50 })),
            kind: Type.Optional(OneOf(CLIENT_KINDS)),
            includeArchived: Type.Optional(
              Type.Boolean({ description: 'Show archived and merged clients too' }),
            ),
          }),
        ),
        response: { 200: pageOf(Client) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const { query } = req;
        const custom = await customFilters(tx, 'client', query, clients.custom);
        return keysetPage(
          query,
          { name: clients.name, createdAt: clients.createdAt, updatedAt: clients.updatedAt },
          'name',
          clients.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(clients)
              .where(
                whereAll([
                  where,
                  visibleClients(req.actor),
                  unlessArchived(query.includeArchived, clients.archivedAt),
                  query.q
                    ? or(textFilter(query.q, clients.name, clients.email), phoneDigits(query.q))
                    : undefined,
                  query.responsibleUserId
                    ? eq(clients.responsibleUserId, query.responsibleUserId)
                    : undefined,
                  query.kind ? eq(clients.kind, query.kind) : undefined,
                  query.tag
                    ? sql`exists (select 1 from unnest(${clients.tags}) as tag where lower(tag) = lower(${query.tag}))`
                    : undefined,
                  ...custom,
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        );
      }),
  );

  api.get(
    '/clients/duplicates',
    {
      preHandler: read,
      schema: {
        tags,
        summary:
          'Clients that may be the same as these details: same tax id, phone or email, or a similar name',
        querystring: Type.Object(
          {
            name: Type.Optional(Type.String({ maxLength: 200 })),
            phone: Type.Optional(Type.String({ maxLength: 40 })),
            email: Type.Optional(Type.String({ maxLength: 320 })),
            taxId: Type.Optional(Type.String({ maxLength: 40 })),
            country: Type.Optional(
              Type.String({
                pattern: '^[A-Z]{2}$',
                description: 'Read a phone without + as a number of this country',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(DuplicateCandidate) }) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const { name, taxId, country } = req.query;
        if (!name?.trim() && !req.query.phone && !req.query.email && !taxId?.trim())
          throw invalidField('name', 'give at least one of name, phone, email or taxId');
        const errors = [];
        let phone: string | undefined;
        if (req.query.phone) {
          const checked = normalisePhone(req.query.phone, country ?? (await phoneCountry(tx)));
          if (checked.ok) phone = checked.e164;
          else errors.push({ field: 'phone', reason: checked.reason });
        }
        let email: string | undefined;
        if (req.query.email) {
          const checked = normaliseEmail(req.query.email);
          if (checked.ok) email = checked.email;
          else errors.push({ field: 'email', reason: checked.reason });
        }
        if (errors.length) throw invalid(errors);
        return { items: await findDuplicateClients(tx, req.actor, { name, phone, email, taxId }) };
      }),
  );

  api.get(
    '/clients/:id',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'One client with its current counterparties and its contacts',
        params: IdParams,
        response: { 200: ClientCard },
      },
    },
    (req) => req.read((tx) => clientCard(tx, req.actor, req.params.id)),
  );

  api.post(
    '/clients',
    {
      schema: {
        tags,
        summary: 'Add a client; the answer lists possible duplicates',
        body: CreateClientInput,
        response: { 201: CreatedClient },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createClient, req.body)),
  );

  api.patch(
    '/clients/:id',
    {
      schema: {
        tags,
        summary: 'Change a client',
        params: IdParams,
        body: Type.Partial(Type.Object(ClientFields), { additionalProperties: false }),
        response: { 200: Client },
      },
    },
    (req) => req.run(updateClient, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/clients',
    what: 'a client',
    tags,
    response: Client,
    action: setClientArchived,
  });

  api.post(
    '/clients/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge this client into another: everything moves there, this one is archived',
        params: IdParams,
        body: Type.Object({ intoClientId: Id }, { additionalProperties: false }),
        response: { 200: MergeResult },
      },
    },
    (req) => req.run(mergeClients, { id: req.params.id, intoClientId: req.body.intoClientId }),
  );
}
