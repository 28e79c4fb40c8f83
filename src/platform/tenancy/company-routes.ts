import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../http/api.js';
import { archiveRoutes } from '../http/archive-routes.js';
import { textFilter, unlessArchived } from '../http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { notFound } from '../http/problem.js';
import { IdParams, Search } from '../http/schemas.js';
import { createCompany } from './actions/create-company.js';
import { setCompanyArchived } from './actions/set-company-archived.js';
import { updateCompany } from './actions/update-company.js';
import { Company, CompanyFields } from './company-schemas.js';
import { companies } from './schema.js';

const tags = ['Companies'];

export function companyRoutes(api: Api) {
  api.get(
    '/companies',
    {
      schema: {
        tags,
        summary: 'List the companies of the workspace',
        querystring: listQuery(['name', 'createdAt'], {
          q: Type.Optional(Search),
          includeArchived: Type.Optional(Type.Boolean()),
        }),
        response: { 200: pageOf(Company) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { name: companies.name, createdAt: companies.createdAt },
          'name',
          companies.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(companies)
              .where(
                whereAll([
                  where,
                  unlessArchived(req.query.includeArchived, companies.archivedAt),
                  textFilter(req.query.q, companies.name, companies.taxId),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/companies/:id',
    { schema: { tags, summary: 'One company', params: IdParams, response: { 200: Company } } },
    async (req) => {
      const [company] = await req.read((tx) =>
        tx.select().from(companies).where(eq(companies.id, req.params.id)),
      );
      if (!company) throw notFound('Company', req.params.id);
      return company;
    },
  );

  api.post(
    '/companies',
    {
      schema: {
        tags,
        summary: 'Add a company',
        body: Type.Object(CompanyFields, { additionalProperties: false }),
        response: { 201: Company },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createCompany, req.body)),
  );

  api.patch(
    '/companies/:id',
    {
      schema: {
        tags,
        summary: 'Change a company',
        params: IdParams,
        body: Type.Partial(Type.Object(CompanyFields), { additionalProperties: false }),
        response: { 200: Company },
      },
    },
    (req) => req.run(updateCompany, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/companies',
    what: 'a company',
    tags,
    response: Company,
    action: setCompanyArchived,
  });
}
