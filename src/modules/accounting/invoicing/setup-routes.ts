import { and, asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../../platform/http/api.js';
import { archiveRoutes } from '../../../platform/http/archive-routes.js';
import { unlessArchived } from '../../../platform/http/filters.js';
import { notFound } from '../../../platform/http/problem.js';
import { Id, IdParams, Name } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { createPaymentTerms } from './actions/create-payment-terms.js';
import { createTax } from './actions/create-tax.js';
import { setPaymentTermsArchived } from './actions/set-payment-terms-archived.js';
import { setTaxArchived } from './actions/set-tax-archived.js';
import { updatePaymentTerms } from './actions/update-payment-terms.js';
import { updateTax } from './actions/update-tax.js';
import { paymentTerms, taxes } from './schema.js';
import { PaymentTerms, PaymentTermsFields, Tax, TaxFields } from './schemas.js';

const CompanyList = Type.Object(
  { companyId: Id, includeArchived: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

/** Taxes and payment terms: what invoices are drafted with. */
export function invoicingSetupRoutes(api: Api) {
  const read = requirePermission('accounting:read');
  const { companyId: _c, ...TaxChanges } = TaxFields;

  api.get(
    '/taxes',
    {
      preHandler: read,
      schema: {
        tags: ['Taxes'],
        summary: 'The taxes of a company',
        querystring: CompanyList,
        response: { 200: Type.Object({ items: Type.Array(Tax) }) },
      },
    },
    (req) =>
      req.read(async (tx) => ({
        items: await tx
          .select()
          .from(taxes)
          .where(
            and(
              eq(taxes.companyId, req.query.companyId),
              unlessArchived(req.query.includeArchived, taxes.archivedAt),
            ),
          )
          .orderBy(asc(taxes.name)),
      })),
  );
  api.get(
    '/taxes/:id',
    {
      preHandler: read,
      schema: { tags: ['Taxes'], summary: 'One tax', params: IdParams, response: { 200: Tax } },
    },
    (req) =>
      req.read(async (tx) => {
        const [tax] = await tx.select().from(taxes).where(eq(taxes.id, req.params.id));
        if (!tax) throw notFound('Tax', req.params.id);
        return tax;
      }),
  );
  api.post(
    '/taxes',
    {
      schema: {
        tags: ['Taxes'],
        summary: 'Add a tax: a rate from 0 to 100 %, on the net or included in the price',
        body: Type.Object(TaxFields, { additionalProperties: false }),
        response: { 201: Tax },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createTax, req.body)),
  );
  api.patch(
    '/taxes/:id',
    {
      schema: {
        tags: ['Taxes'],
        summary: 'Change a tax; posted invoices keep what they were posted with',
        params: IdParams,
        body: Type.Partial(Type.Object(TaxChanges), { additionalProperties: false }),
        response: { 200: Tax },
      },
    },
    (req) => req.run(updateTax, { ...req.body, id: req.params.id }),
  );
  archiveRoutes(api, {
    path: '/taxes',
    what: 'a tax',
    tags: ['Taxes'],
    response: Tax,
    action: setTaxArchived,
  });

  api.get(
    '/payment-terms',
    {
      preHandler: read,
      schema: {
        tags: ['Payment terms'],
        summary: 'The payment terms of a company',
        querystring: CompanyList,
        response: { 200: Type.Object({ items: Type.Array(PaymentTerms) }) },
      },
    },
    (req) =>
      req.read(async (tx) => ({
        items: await tx
          .select()
          .from(paymentTerms)
          .where(
            and(
              eq(paymentTerms.companyId, req.query.companyId),
              unlessArchived(req.query.includeArchived, paymentTerms.archivedAt),
            ),
          )
          .orderBy(asc(paymentTerms.name)),
      })),
  );
  api.get(
    '/payment-terms/:id',
    {
      preHandler: read,
      schema: {
        tags: ['Payment terms'],
        summary: 'One set of payment terms',
        params: IdParams,
        response: { 200: PaymentTerms },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const [terms] = await tx.select().from(paymentTerms).where(eq(paymentTerms.id, req.params.id));
        if (!terms) throw notFound('Payment terms', req.params.id);
        return terms;
      }),
  );
  api.post(
    '/payment-terms',
    {
      schema: {
        tags: ['Payment terms'],
        summary:
          'Add payment terms: instalments as percents of the total, due days after the invoice, adding up to 100',
        body: Type.Object(PaymentTermsFields, { additionalProperties: false }),
        response: { 201: PaymentTerms },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createPaymentTerms, req.body)),
  );
  api.patch(
    '/payment-terms/:id',
    {
      schema: {
        tags: ['Payment terms'],
        summary: 'Change payment terms; posted invoices keep their instalments',
        params: IdParams,
        body: Type.Object(
          { name: Type.Optional(Name), instalments: Type.Optional(PaymentTermsFields.instalments) },
          { additionalProperties: false },
        ),
        response: { 200: PaymentTerms },
      },
    },
    (req) => req.run(updatePaymentTerms, { ...req.body, id: req.params.id }),
  );
  archiveRoutes(api, {
    path: '/payment-terms',
    what: 'payment terms',
    tags: ['Payment terms'],
    response: PaymentTerms,
    action: setPaymentTermsArchived,
  });
}
