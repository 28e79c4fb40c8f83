import type { Api } from '../../../platform/http/api.js';
import { documentRoutes } from './document-routes.js';
import { invoicePdfRoutes } from './invoice-pdf-routes.js';
import { receivableRoutes } from './receivable-routes.js';
import { revaluationRoutes } from './revaluation-routes.js';
import { invoicingSetupRoutes } from './setup-routes.js';
import { statementRoutes } from './statement-routes.js';

/** Taxes, payment terms, invoices, payments, allocations and the receivables they leave. */
export function invoicingRoutes(api: Api) {
  invoicingSetupRoutes(api);
  documentRoutes(api);
  receivableRoutes(api);
  revaluationRoutes(api);
  statementRoutes(api);
  invoicePdfRoutes(api);
}

export { postDocumentEntry, reverseDocumentEntry } from './post-entry.js';
