import { and, asc, eq, exists, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { CountryCode } from '../../platform/directories/schemas.js';
import type { Api } from '../../platform/http/api.js';
import { archiveRoutes } from '../../platform/http/archive-routes.js';
import { textFilter, unlessArchived } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { notFound } from '../../platform/http/problem.js';
import { DateOnly, Id, IdParams, Search } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { createCounterparty } from './actions/create-counterparty.js';
import { endCounterpartyLink } from './actions/end-counterparty-link.js';
import { linkCounterparty } from './actions/link-counterparty.js';
import { setCounterpartyArchived } from './actions/set-counterparty-archived.js';
import { updateCounterparty } from './actions/update-counterparty.js';
import {
  Counterparty,
  CounterpartyFields,
  CounterpartyLink,
  CreatedCounterparty,
  LinkFields,
} from './party-schemas.js';
import { loadVisibleCounterparty, visibleCounterparties } from './queries.js';
import { clientCounterparties, clients, counterparties } from './schema.js';
import { loadVisibleClient, visibleClients } from './visibility.js';

const CounterpartyCard = Type.Object({
  ...Counterparty.properties,
  clients: Type.Array(Type.Object({ ...CounterpartyLink.properties, clientName: Type.String() }), {
    description: 'The clients it signs or signed for, earliest first',
  }),
});

export function counterpartyRoutes(api: Api) {
  const read = requirePermission('parties:read');
  const tags = ['Counterparties'];

  api.get(
    '/counterparties',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List counterparties',
        querystring: listQuery(['legalName', 'createdAt'], {
          q: Type.Optional(Search),
          country: Type.Optional(CountryCode),
          clientId: Type.Optional(Id),
          includeArchived: Type.Optional(Type.Boolean()),
        }),
        response: { 200: pageOf(Counterparty) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { legalName: counterparties.legalName, createdAt: counterparties.createdAt },
          'legalName',
          counterparties.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(counterparties)
              .where(
                whereAll([
                  where,
                  visibleCounterparties(req.actor),
                  unlessArchived(req.query.includeArchived, counterparties.archivedAt),
                  textFilter(
                    req.query.q,
                    counterparties.legalName,
                    counterparties.taxId,
                    counterparties.registrationNumber,
                  ),
                  req.query.country ? eq(counterparties.country, req.query.country) : undefined,
                  req.query.clientId
                    ? exists(
                        tx
                          .select({ one: sql`1` })
                          .from(clientCounterparties)
                          .where(
                            and(
                              eq(clientCounterparties.counterpartyId, counterparties.id),
                              eq(clientCounterparties.clientId, req.query.clientId),
                            ),
                          ),
                      )
                    : undefined,
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/counterparties/:id',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'One counterparty with the clients it signs for',
        params: IdParams,
        response: { 200: CounterpartyCard },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const counterparty = await loadVisibleCounterparty(tx, req.actor, req.params.id);
        if (!counterparty) throw notFound('Counterparty', req.params.id);
        const links = await tx
          .select({
            id: clientCounterparties.id,
            clientId: clientCounterparties.clientId,
            counterpartyId: clientCounterparties.counterpartyId,
            validFrom: clientCounterparties.validFrom,
            validTo: clientCounterparties.validTo,
            createdAt: clientCounterparties.createdAt,
            clientName: clients.name,
          })
          .from(clientCounterparties)
          .innerJoin(clients, eq(clients.id, clientCounterparties.clientId))
          .where(and(eq(clientCounterparties.counterpartyId, req.params.id), visibleClients(req.actor)))
          .orderBy(asc(clientCounterparties.validFrom), asc(clientCounterparties.id));
        return { ...counterparty, clients: links };
      }),
  );

  api.post(
    '/counterparties',
    {
      schema: {
        tags,
        summary: 'Add a counterparty; the answer lists possible duplicates',
        body: Type.Object(
          { ...CounterpartyFields, refuseDuplicates: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 201: CreatedCounterparty },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createCounterparty, req.body)),
  );

  api.patch(
    '/counterparties/:id',
    {
      schema: {
        tags,
        summary: 'Change a counterparty',
        params: IdParams,
        body: Type.Partial(Type.Object(CounterpartyFields), { additionalProperties: false }),
        response: { 200: Counterparty },
      },
    },
    (req) => req.run(updateCounterparty, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/counterparties',
    what: 'a counterparty',
    tags,
    response: Counterparty,
    action: setCounterpartyArchived,
  });

  api.get(
    '/clients/:id/counterparties',
    {
      preHandler: read,
      schema: {
        tags: ['Clients'],
        summary: 'Every counterparty link of a client, ended ones too, earliest first',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ...CounterpartyLink.properties,
                legalName: Type.String(),
                taxId: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    (req) =>
      req.read(async (tx) => {
        await loadVisibleClient(tx, req.actor, req.params.id);
        const items = await tx
          .select({
            id: clientCounterparties.id,
            clientId: clientCounterparties.clientId,
            counterpartyId: clientCounterparties.counterpartyId,
            validFrom: clientCounterparties.validFrom,
            validTo: clientCounterparties.validTo,
            createdAt: clientCounterparties.createdAt,
            legalName: counterparties.legalName,
            taxId: counterparties.taxId,
          })
          .from(clientCounterparties)
          .innerJoin(counterparties, eq(counterparties.id, clientCounterparties.counterpartyId))
          .where(eq(clientCounterparties.clientId, req.params.id))
          .orderBy(asc(clientCounterparties.validFrom), asc(clientCounterparties.id));
        return { items };
      }),
  );

  api.post(
    '/clients/:id/counterparties',
    {
      schema: {
        tags: ['Clients'],
        summary: 'Link a counterparty to a client from a date (and to a date)',
        params: IdParams,
        body: Type.Object(LinkFields, { additionalProperties: false }),
        response: { 201: CounterpartyLink },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await req.run(linkCounterparty, { ...req.body, clientId: req.params.id })),
  );

  api.post(
    '/client-counterparty-links/:id/end',
    {
      schema: {
        tags: ['Clients'],
        summary: 'End a counterparty link on a date (inclusive)',
        params: IdParams,
        body: Type.Object({ validTo: DateOnly }, { additionalProperties: false }),
        response: { 200: CounterpartyLink },
      },
    },
    (req) => req.run(endCounterpartyLink, { id: req.params.id, validTo: req.body.validTo }),
  );
}
