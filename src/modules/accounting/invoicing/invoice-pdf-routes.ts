import type { Api } from '../../../platform/http/api.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { invoicePdf, printableInvoice } from './invoice-pdf.js';
import { sendPdf } from './pdf-layout.js';

/** A posted invoice or credit note as a printable A4 PDF. */
export function invoicePdfRoutes(api: Api) {
  api.get(
    '/invoices/:id/pdf',
    {
      preHandler: requirePermission('accounting:read'),
      schema: {
        tags: ['Invoices'],
        summary:
          'A posted invoice as an A4 PDF: number, dates, parties, lines with taxes, totals, instalments due',
        produces: ['application/pdf'],
        params: IdParams,
      },
    },
    async (req, reply) => {
      const printable = await req.read((tx) => printableInvoice(tx, req.params.id));
      return sendPdf(reply, printable.invoice.number ?? printable.invoice.id, await invoicePdf(printable));
    },
  );
}
