import type { ModuleDefinition } from '../../platform/modules/module.js';
import { cardRoutes } from './card-routes.js';
import { clientRoutes } from './client-routes.js';
import { contactRoutes } from './contact-routes.js';
import { counterpartyRoutes } from './counterparty-routes.js';
import { customFieldRoutes } from './custom-field-routes.js';
import { registerPartiesSearch } from './search-sources.js';

registerPartiesSearch();

/** Clients, the counterparties that sign for them, and their contacts: the party master every module shares. */
export const partiesModule: ModuleDefinition = {
  key: 'parties',
  title: 'Clients',
  // Accounting, sales and purchasing name counterparties too: the party master stays on.
  switchable: false,
  permissions: [
    { key: 'parties:read', description: 'See clients, counterparties and contacts' },
    { key: 'parties:write', description: 'Add and change clients, counterparties and contacts' },
    { key: 'parties:merge', description: 'Merge duplicate clients' },
    { key: 'parties:manage', description: 'Define custom fields' },
  ],
  routes(api) {
    clientRoutes(api);
    counterpartyRoutes(api);
    contactRoutes(api);
    customFieldRoutes(api);
    cardRoutes(api);
  },
};
