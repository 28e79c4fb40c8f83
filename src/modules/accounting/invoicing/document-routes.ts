import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../../platform/http/api.js';
import { withinDays } from '../../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../../platform/http/pagination.js';
import { deleteRecordRoute, recordActionRoute } from '../../../platform/http/record-routes.js';
import { DateOnly, Id, IdParams } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { allocatePaymentTo } from './actions/allocate-payment.js';
import { cancelInvoice } from './actions/cancel-invoice.js';
import { cancelPayment } from './actions/cancel-payment.js';
import { createInvoice } from './actions/create-invoice.js';
import { createPayment } from './actions/create-payment.js';
import { deleteInvoice } from './actions/delete-invoice.js';
import { deletePayment } from './actions/delete-payment.js';
import { postInvoice } from './actions/post-invoice.js';
import { postPayment } from './actions/post-payment.js';
import { updateInvoice } from './actions/update-invoice.js';
import { updatePayment } from './actions/update-payment.js';
import { invoices, payments } from './schema.js';
import {
  AllocationRequest,
  Invoice,
  InvoiceFields,
  InvoiceKind,
  InvoiceSummary,
  NewInvoiceInput,
  Payment,
  PaymentFields,
  PaymentInput,
  PaymentSummary,
} from './schemas.js';
import { invoiceView, paymentView } from './views.js';

const Status = Type.Union([Type.Literal('draft'), Type.Literal('posted'), Type.Literal('cancelled')]);

/** Invoices, credit notes and payments: drafted, posted, cancelled; payments allocated. */
export function documentRoutes(api: Api) {
  const read = requirePermission('accounting:read');
  const tags = ['Invoices'];

  api.get(
    '/invoices',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List invoices and credit notes, newest first by default',
        querystring: listQuery(['invoiceDate', 'createdAt'], {
          companyId: Id,
          kind: Type.Optional(InvoiceKind),
          status: Type.Optional(Status),
          counterpartyId: Type.Optional(Id),
          from: Type.Optional(DateOnly),
          to: Type.Optional(DateOnly),
        }),
        response: { 200: pageOf(InvoiceSummary) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { invoiceDate: invoices.invoiceDate, createdAt: invoices.createdAt },
          '-invoiceDate',
          invoices.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(invoices)
              .where(
                whereAll([
                  where,
                  eq(invoices.companyId, req.query.companyId),
                  req.query.kind ? eq(invoices.kind, req.query.kind) : undefined,
                  req.query.status ? eq(invoices.status, req.query.status) : undefined,
                  req.query.counterpartyId
                    ? eq(invoices.counterpartyId, req.query.counterpartyId)
                    : undefined,
                  withinDays(invoices.invoiceDate, req.query.from, req.query.to),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );
  api.get(
    '/invoices/:id',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'One invoice with its lines and open items',
        params: IdParams,
        response: { 200: Invoice },
      },
    },
    (req) => req.read((tx) => invoiceView(tx, req.params.id)),
  );
  api.post(
    '/invoices',
    {
      schema: {
        tags,
        summary:
          'Draft an invoice or credit note; totals are computed with the company’s tax rounding. With `post: true` it is posted in the same call',
        body: NewInvoiceInput,
        response: { 201: Invoice },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createInvoice, req.body)),
  );
  api.put(
    '/invoices/:id',
    {
      schema: {
        tags,
        summary: 'Save a draft whole; a posted invoice answers 409',
        params: IdParams,
        body: Type.Object(InvoiceFields, { additionalProperties: false }),
        response: { 200: Invoice },
      },
    },
    (req) => req.run(updateInvoice, { ...req.body, id: req.params.id }),
  );
  deleteRecordRoute(api, '/invoices/:id', {
    tags,
    summary: 'Delete a draft; a posted invoice answers 409',
    action: deleteInvoice,
  });
  recordActionRoute(api, '/invoices/:id/post', {
    tags,
    summary: 'Post a draft: numbered, its open items opened, booked in the sales or purchases journal',
    response: Invoice,
    action: postInvoice,
  });
  recordActionRoute(api, '/invoices/:id/cancel', {
    tags,
    summary: 'Cancel a posted invoice with nothing allocated to it: its entry is reversed',
    response: Invoice,
    action: cancelInvoice,
  });

  const paymentTags = ['Payments'];
  api.get(
    '/payments',
    {
      preHandler: read,
      schema: {
        tags: paymentTags,
        summary: 'List payments, newest first by default',
        querystring: listQuery(['paymentDate', 'createdAt'], {
          companyId: Id,
          direction: Type.Optional(Type.Union([Type.Literal('in'), Type.Literal('out')])),
          status: Type.Optional(Status),
          counterpartyId: Type.Optional(Id),
          from: Type.Optional(DateOnly),
          to: Type.Optional(DateOnly),
        }),
        response: { 200: pageOf(PaymentSummary) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { paymentDate: payments.paymentDate, createdAt: payments.createdAt },
          '-paymentDate',
          payments.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(payments)
              .where(
                whereAll([
                  where,
                  eq(payments.companyId, req.query.companyId),
                  req.query.direction ? eq(payments.direction, req.query.direction) : undefined,
                  req.query.status ? eq(payments.status, req.query.status) : undefined,
                  req.query.counterpartyId
                    ? eq(payments.counterpartyId, req.query.counterpartyId)
                    : undefined,
                  withinDays(payments.paymentDate, req.query.from, req.query.to),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );
  api.get(
    '/payments/:id',
    {
      preHandler: read,
      schema: {
        tags: paymentTags,
        summary: 'One payment with its open item and allocations',
        params: IdParams,
        response: { 200: Payment },
      },
    },
    (req) => req.read((tx) => paymentView(tx, req.params.id)),
  );
  api.post(
    '/payments',
    {
      schema: {
        tags: paymentTags,
        summary: 'Draft a payment in (from a customer) or out (to a supplier)',
        body: PaymentInput,
        response: { 201: Payment },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createPayment, req.body)),
  );
  api.put(
    '/payments/:id',
    {
      schema: {
        tags: paymentTags,
        summary: 'Save a draft payment whole',
        params: IdParams,
        body: Type.Object(PaymentFields, { additionalProperties: false }),
        response: { 200: Payment },
      },
    },
    (req) => req.run(updatePayment, { ...req.body, id: req.params.id }),
  );
  deleteRecordRoute(api, '/payments/:id', {
    tags: paymentTags,
    summary: 'Delete a draft payment',
    action: deletePayment,
  });
  api.post(
    '/payments/:id/post',
    {
      schema: {
        tags: paymentTags,
        summary: 'Post a draft payment; allocate "by_due_date" settles the oldest due items first',
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            { allocate: Type.Optional(Type.Literal('by_due_date')) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: Payment },
      },
    },
    (req) => req.run(postPayment, { id: req.params.id, ...(req.body ?? {}) }),
  );
  recordActionRoute(api, '/payments/:id/cancel', {
    tags: paymentTags,
    summary: 'Cancel a posted payment: its allocations are undone and its entry reversed',
    response: Payment,
    action: cancelPayment,
  });
  api.post(
    '/payments/:id/allocations',
    {
      schema: {
        tags: paymentTags,
        summary: 'Allocate part of a posted payment to an open item of the same counterparty and currency',
        params: IdParams,
        body: AllocationRequest,
        response: { 200: Payment },
      },
    },
    (req) => req.run(allocatePaymentTo, { ...req.body, id: req.params.id }),
  );
}
