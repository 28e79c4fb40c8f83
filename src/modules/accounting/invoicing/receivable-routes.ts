import { eq, ne } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../../platform/http/api.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../../platform/http/pagination.js';
import { recordActionRoute } from '../../../platform/http/record-routes.js';
import { DateOnly, Id, IdParams } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { companyBooks } from '../books.js';
import { settleOpenItem } from './actions/settle-open-item.js';
import { undoAllocationAction } from './actions/undo-allocation.js';
import { agingReport } from './aging-report.js';
import { openItems } from './schema.js';
import { AgingReport, Allocation, AllocationRequest, OpenItem, Side } from './schemas.js';
import { withAllocated } from './views.js';

/** What counterparties owe and are owed: open items, their allocations, and the aging. */
export function receivableRoutes(api: Api) {
  const read = requirePermission('accounting:read');
  const tags = ['Receivables and payables'];

  api.get(
    '/open-items',
    {
      preHandler: read,
      schema: {
        tags,
        summary:
          'Open items of a company: instalments of invoices, credit notes and payments, oldest due first',
        querystring: listQuery(['dueDate', 'documentDate'], {
          companyId: Id,
          counterpartyId: Type.Optional(Id),
          side: Type.Optional(Side),
          invoiceId: Type.Optional(Id),
          paymentId: Type.Optional(Id),
          open: Type.Optional(Type.Boolean({ description: 'Only items with something outstanding' })),
        }),
        response: { 200: pageOf(OpenItem) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const q = req.query;
        const page = await keysetPage(
          q,
          { dueDate: openItems.dueDate, documentDate: openItems.documentDate },
          'dueDate',
          openItems.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(openItems)
              .where(
                whereAll([
                  where,
                  eq(openItems.companyId, q.companyId),
                  q.counterpartyId ? eq(openItems.counterpartyId, q.counterpartyId) : undefined,
                  q.side ? eq(openItems.side, q.side) : undefined,
                  q.invoiceId ? eq(openItems.invoiceId, q.invoiceId) : undefined,
                  q.paymentId ? eq(openItems.paymentId, q.paymentId) : undefined,
                  q.open ? ne(openItems.outstanding, '0') : undefined,
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        );
        return { ...page, items: await withAllocated(tx, page.items) };
      }),
  );

  api.post(
    '/open-items/:id/allocations',
    {
      schema: {
        tags,
        summary: 'Settle the item in the body with this one (a credit note’s or a payment’s negative item)',
        params: IdParams,
        body: AllocationRequest,
        response: { 200: Allocation },
      },
    },
    (req) => req.run(settleOpenItem, { ...req.body, id: req.params.id }),
  );

  recordActionRoute(api, '/allocations/:id/undo', {
    tags,
    summary: 'Undo an allocation: an opposite row is added and its exchange entry reversed',
    response: Allocation,
    action: undoAllocationAction,
  });

  api.get(
    '/accounting/aging',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'What each counterparty owes (or is owed) by days past due, in the company currency',
        querystring: Type.Object(
          { companyId: Id, side: Side, asOf: Type.Optional(DateOnly) },
          { additionalProperties: false },
        ),
        response: { 200: AgingReport },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const { companyId, side } = req.query;
        const asOf = req.query.asOf ?? new Date().toISOString().slice(0, 10);
        const company = await companyBooks(tx, companyId);
        const report = await agingReport(tx, { companyId, side, asOf, precision: company.precision });
        return {
          companyId,
          side,
          asOf,
          currency: company.currency,
          ...report,
        };
      }),
  );
}
