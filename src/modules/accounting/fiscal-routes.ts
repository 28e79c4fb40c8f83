import { asc, eq, inArray } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { notFound } from '../../platform/http/problem.js';
import { DateOnly, Id, IdParams, Nullable } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { closeFiscalYear } from './actions/close-fiscal-year.js';
import { createFiscalYear } from './actions/create-fiscal-year.js';
import { setFiscalPeriodClosed } from './actions/set-fiscal-period-closed.js';
import { emptyBodyIsEmptyObject } from './entry-routes.js';
import { fiscalPeriods, fiscalYears } from './schema.js';
import { FiscalPeriod, FiscalYear, JournalEntry } from './schemas.js';

const tags = ['Accounting: fiscal years'];

export function fiscalRoutes(api: Api) {
  const read = requirePermission('accounting:read');

  api.get(
    '/fiscal-years',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Fiscal years with their monthly periods, newest first',
        querystring: listQuery(['startsOn'], { companyId: Type.Optional(Id) }),
        response: { 200: pageOf(FiscalYear) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const page = await keysetPage(
          req.query,
          { startsOn: fiscalYears.startsOn },
          '-startsOn',
          fiscalYears.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(fiscalYears)
              .where(
                whereAll([
                  where,
                  req.query.companyId ? eq(fiscalYears.companyId, req.query.companyId) : undefined,
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        );
        const periods = page.items.length
          ? await tx
              .select()
              .from(fiscalPeriods)
              .where(
                inArray(
                  fiscalPeriods.fiscalYearId,
                  page.items.map((y) => y.id),
                ),
              )
              .orderBy(asc(fiscalPeriods.startsOn))
          : [];
        return {
          ...page,
          items: page.items.map((y) => ({ ...y, periods: periods.filter((p) => p.fiscalYearId === y.id) })),
        };
      }),
  );

  api.get(
    '/fiscal-years/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One fiscal year', params: IdParams, response: { 200: FiscalYear } },
    },
    (req) =>
      req.read(async (tx) => {
        const [year] = await tx.select().from(fiscalYears).where(eq(fiscalYears.id, req.params.id));
        if (!year) throw notFound('Fiscal year', req.params.id);
        const periods = await tx
          .select()
          .from(fiscalPeriods)
          .where(eq(fiscalPeriods.fiscalYearId, year.id))
          .orderBy(asc(fiscalPeriods.startsOn));
        return { ...year, periods };
      }),
  );

  api.post(
    '/fiscal-years',
    {
      schema: {
        tags,
        summary: 'Set up a fiscal year of whole months, with a period per month',
        body: Type.Object(
          {
            companyId: Id,
            startsOn: DateOnly,
            endsOn: Type.Optional(DateOnly),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: FiscalYear },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createFiscalYear, req.body)),
  );

  api.post(
    '/fiscal-years/:id/close',
    {
      preValidation: emptyBodyIsEmptyObject,
      schema: {
        tags,
        summary: 'Year-end closing: income and expenses to retained earnings, every period closed',
        params: IdParams,
        body: Type.Object({ journalId: Type.Optional(Id) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            fiscalYear: Type.Omit(FiscalYear, ['periods']),
            closingEntry: Nullable(JournalEntry),
          }),
        },
      },
    },
    (req) => req.run(closeFiscalYear, { id: req.params.id, ...req.body }),
  );

  for (const [verb, closed] of [
    ['close', true],
    ['reopen', false],
  ] as const)
    api.post(
      `/fiscal-periods/:id/${verb}`,
      {
        schema: {
          tags,
          summary: closed
            ? 'Close a period: it takes no postings but from those allowed to post into closed periods'
            : 'Reopen a closed period',
          params: IdParams,
          response: { 200: FiscalPeriod },
        },
      },
      (req) => req.run(setFiscalPeriodClosed, { id: req.params.id, closed }),
    );
}
