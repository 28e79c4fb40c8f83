import { Type } from 'typebox';
import type { Api } from '../http/api.js';
import { textFilter, unlessArchived } from '../http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { Name } from '../http/schemas.js';
import { createCountry } from './actions/create-country.js';
import { setCountryArchived } from './actions/set-country-archived.js';
import { updateCountry } from './actions/update-country.js';
import { countries } from './schema.js';
import { ArchivableListFilters, Country, CountryCode, CountryFields } from './schemas.js';

const tags = ['Countries'];
const CodeParams = Type.Object({ code: CountryCode }, { additionalProperties: false });

export function countryRoutes(api: Api) {
  api.get(
    '/countries',
    {
      schema: {
        tags,
        summary: 'List the countries',
        querystring: listQuery(['code', 'name'], ArchivableListFilters),
        response: { 200: pageOf(Country) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { code: countries.code, name: countries.name },
          'code',
          countries.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(countries)
              .where(
                whereAll([
                  where,
                  unlessArchived(req.query.includeArchived, countries.archivedAt),
                  textFilter(req.query.q, countries.code, countries.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.post(
    '/countries',
    {
      schema: {
        tags,
        summary: 'Add a country',
        body: Type.Object(CountryFields, { additionalProperties: false }),
        response: { 201: Country },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createCountry, req.body)),
  );

  api.patch(
    '/countries/:code',
    {
      schema: {
        tags,
        summary: 'Rename a country (its code stays)',
        params: CodeParams,
        body: Type.Object({ name: Type.Optional(Name) }, { additionalProperties: false }),
        response: { 200: Country },
      },
    },
    (req) => req.run(updateCountry, { ...req.body, code: req.params.code }),
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    api.post(
      `/countries/:code/${verb}`,
      {
        schema: {
          tags,
          summary: `${verb === 'archive' ? 'Archive' : 'Restore'} a country`,
          params: CodeParams,
          response: { 200: Country },
        },
      },
      (req) => req.run(setCountryArchived, { code: req.params.code, archived }),
    );
  }
}
