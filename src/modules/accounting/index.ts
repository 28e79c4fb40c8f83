import type { ModuleDefinition } from '../../platform/modules/module.js';
import { accountRoutes } from './account-routes.js';
import { bankRoutes } from './bank/bank-routes.js';
import { seedBankDemo } from './bank/demo-data.js';
import { seedAccountingDemo } from './demo-data.js';
import { entryRoutes } from './entry-routes.js';
import { financialReportRoutes } from './financial-report-routes.js';
import { fiscalRoutes } from './fiscal-routes.js';
import { seedInvoicingDemo } from './invoicing/demo-data.js';
import { invoicingRoutes } from './invoicing/index.js';
import { reportRoutes } from './report-routes.js';
import { setupRoutes } from './setup-routes.js';

/** The books: chart of accounts, journals, entries, the general ledger, periods and their closing. */
export const accountingModule: ModuleDefinition = {
  key: 'accounting',
  title: 'Accounting',
  switchable: true,
  permissions: [
    {
      key: 'accounting:read',
      description: 'See the chart of accounts, journal entries, the ledger and reports',
    },
    { key: 'accounting:write', description: 'Draft, post and cancel journal entries' },
    {
      key: 'accounting:manage',
      description:
        'Set up the chart of accounts, journals, dimensions, settings and fiscal years; close periods and years',
    },
    {
      key: 'accounting:post_closed_period',
      description: 'Post into a closed period (the entry is marked so)',
    },
  ],
  routes(api) {
    accountRoutes(api);
    setupRoutes(api);
    fiscalRoutes(api);
    entryRoutes(api);
    reportRoutes(api);
    financialReportRoutes(api);
    invoicingRoutes(api);
    bankRoutes(api);
  },
  async seedDemo(ctx) {
    await seedAccountingDemo(ctx);
    await seedInvoicingDemo(ctx);
    await seedBankDemo(ctx);
  },
};
