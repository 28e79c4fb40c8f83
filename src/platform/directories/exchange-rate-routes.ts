import { eq, gte, lte } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../http/api.js';
import { textFilter } from '../http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { Problem } from '../http/problem.js';
import { DateOnly } from '../http/schemas.js';
import { recordExchangeRate } from './actions/record-exchange-rate.js';
import { findRateInForce } from './queries.js';
import { exchangeRates } from './schema.js';
import {
  CurrencyCode,
  ExchangeRate,
  ExchangeRateFields,
  ListFilters,
  RateLookup,
  showRate,
} from './schemas.js';

const tags = ['Exchange rates'];

export function exchangeRateRoutes(api: Api) {
  api.get(
    '/exchange-rates',
    {
      schema: {
        tags,
        summary: 'List recorded exchange rates, latest day first',
        querystring: listQuery(['validOn', 'createdAt'], {
          ...ListFilters,
          base: Type.Optional(CurrencyCode),
          quote: Type.Optional(CurrencyCode),
          from: Type.Optional(DateOnly),
          to: Type.Optional(DateOnly),
        }),
        response: { 200: pageOf(ExchangeRate) },
      },
    },
    async (req) => {
      const { base, quote, from, to, q } = req.query;
      const page = await req.read((tx) =>
        keysetPage(
          req.query,
          { validOn: exchangeRates.validOn, createdAt: exchangeRates.createdAt },
          '-validOn',
          exchangeRates.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(exchangeRates)
              .where(
                whereAll([
                  where,
                  base ? eq(exchangeRates.baseCurrency, base) : undefined,
                  quote ? eq(exchangeRates.quoteCurrency, quote) : undefined,
                  from ? gte(exchangeRates.validOn, from) : undefined,
                  to ? lte(exchangeRates.validOn, to) : undefined,
                  textFilter(q, exchangeRates.baseCurrency, exchangeRates.quoteCurrency),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      );
      return { ...page, items: page.items.map(showRate) };
    },
  );

  api.get(
    '/exchange-rates/lookup',
    {
      schema: {
        tags,
        summary: 'The rate in force for a pair on a day',
        description:
          'The latest rate recorded on or before the day. When only the opposite pair is recorded, ' +
          'its reciprocal (10 places, ties to even) with inverted: true.',
        querystring: Type.Object(
          { base: CurrencyCode, quote: CurrencyCode, on: DateOnly },
          { additionalProperties: false },
        ),
        response: { 200: RateLookup },
      },
    },
    async (req) => {
      const { base, quote, on } = req.query;
      const found = await req.read((tx) => findRateInForce(tx, base, quote, on));
      if (!found)
        throw new Problem(
          404,
          'No exchange rate',
          `No rate from ${base} to ${quote}, or back, is recorded on or before ${on}. Record one under Exchange rates.`,
        );
      return { base, quote, on, ...found };
    },
  );

  api.post(
    '/exchange-rates',
    {
      schema: {
        tags,
        summary: "Record a pair's rate for a day",
        description:
          'Recording a pair again for the same day replaces its rate (200); a new day answers 201.',
        body: Type.Object(ExchangeRateFields, { additionalProperties: false }),
        response: { 200: ExchangeRate, 201: ExchangeRate },
      },
    },
    async (req, reply) => {
      const { rate, replaced } = await req.run(recordExchangeRate, req.body);
      return reply.code(replaced ? 200 : 201).send(showRate(rate));
    },
  );
}
