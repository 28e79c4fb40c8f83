import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../http/api.js';
import { textFilter } from '../http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { notFound } from '../http/problem.js';
import { createCurrency } from './actions/create-currency.js';
import { updateCurrency } from './actions/update-currency.js';
import { currencies } from './schema.js';
import { Currency, CurrencyChanges, CurrencyCode, CurrencyFields, ListFilters } from './schemas.js';

const tags = ['Currencies'];
const CodeParams = Type.Object({ code: CurrencyCode }, { additionalProperties: false });

export function currencyRoutes(api: Api) {
  api.get(
    '/currencies',
    {
      schema: {
        tags,
        summary: 'List the currencies of the workspace',
        querystring: listQuery(['code', 'name'], {
          ...ListFilters,
          active: Type.Optional(
            Type.Boolean({ description: 'Only switched-on (true) or switched-off (false)' }),
          ),
        }),
        response: { 200: pageOf(Currency) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { code: currencies.code, name: currencies.name },
          'code',
          currencies.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(currencies)
              .where(
                whereAll([
                  where,
                  req.query.active === undefined ? undefined : eq(currencies.active, req.query.active),
                  textFilter(req.query.q, currencies.code, currencies.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/currencies/:code',
    { schema: { tags, summary: 'One currency', params: CodeParams, response: { 200: Currency } } },
    async (req) => {
      const [currency] = await req.read((tx) =>
        tx.select().from(currencies).where(eq(currencies.code, req.params.code)),
      );
      if (!currency) throw notFound('Currency', req.params.code);
      return currency;
    },
  );

  api.post(
    '/currencies',
    {
      schema: {
        tags,
        summary: 'Add a currency',
        description: 'Symbol and precision default to what ISO 4217 says for the code.',
        body: Type.Object(CurrencyFields, { additionalProperties: false }),
        response: { 201: Currency },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createCurrency, req.body)),
  );

  api.patch(
    '/currencies/:code',
    {
      schema: {
        tags,
        summary: 'Change a currency (its code stays)',
        params: CodeParams,
        body: Type.Partial(Type.Object(CurrencyChanges), { additionalProperties: false }),
        response: { 200: Currency },
      },
    },
    (req) => req.run(updateCurrency, { ...req.body, code: req.params.code }),
  );
}
