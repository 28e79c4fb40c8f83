import type { Api } from '../../../platform/http/api.js';
import { documentRoutes } from './document-routes.js';
import { receivableRoutes } from './receivable-routes.js';
import { invoicingSetupRoutes } from './setup-routes.js';

/** Taxes, payment terms, invoices, payments, allocations and the receivables they leave. */
export function invoicingRoutes(api: Api) {
  invoicingSetupRoutes(api);
  documentRoutes(api);
  receivableRoutes(api);
}

export { postDocumentEntry, reverseDocumentEntry } from './post-entry.js';
