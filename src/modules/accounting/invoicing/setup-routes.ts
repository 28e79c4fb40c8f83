import { and, asc, eq } from 'drizzle-orm';
import { type Static, Type } from 'typebox';
import type { Tx } from '../../../platform/db/database.js';
import type { Api } from '../../../platform/http/api.js';
import { archiveRoutes } from '../../../platform/http/archive-routes.js';
import { unlessArchived } from '../../../platform/http/filters.js';
import { rowById } from '../../../platform/http/record-routes.js';
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

/** A company's taxes or payment terms by name, the archived ones only when asked for. */
async function companyRows<T extends typeof taxes | typeof paymentTerms>(
  tx: Tx,
  table: T,
  query: Static<typeof CompanyList>,
) {
  const list: typeof taxes | typeof paymentTerms = table;
  const rows = await tx
    .select()
    .from(list)
    .where(and(eq(list.companyId, query.companyId), unlessArchived(query.includeArchived, list.archivedAt)))
    .orderBy(asc(list.name));
  return rows as T['$inferSelect'][];
}

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
    (req) => req.read(async (tx) => ({ items: await companyRows(tx, taxes, req.query) })),
  );
  api.get(
    '/taxes/:id',
    {
      preHandler: read,
      schema: { tags: ['Taxes'], summary: 'One tax', params: IdParams, response: { 200: Tax } },
    },
    (req) => req.read((tx) => rowById(tx, taxes, req.params.id, 'Tax')),
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
    (req) => req.read(async (tx) => ({ items: await companyRows(tx, paymentTerms, req.query) })),
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
    (req) => req.read((tx) => rowById(tx, paymentTerms, req.params.id, 'Payment terms')),
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
