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

// What later modules use: the actions (through ctx.call, so permission, audit and events hold),
// the checks and normalisers, and the reads that apply a sales rep's visibility.
export { createClient } from './actions/create-client.js';
export { createContact } from './actions/create-contact.js';
export { createCounterparty } from './actions/create-counterparty.js';
export { linkCounterparty } from './actions/link-counterparty.js';
export { mergeClients } from './actions/merge-clients.js';
export { activeCustomFields, applyCustomValues, FieldProblems, phoneCountry } from './actions/party-rules.js';
export { updateClient } from './actions/update-client.js';
export { updateContact } from './actions/update-contact.js';
export { registerClientMergeStep } from './merge-steps.js';
export { CUSTOM_FILTER_HELP, withCustomFilters } from './party-schemas.js';
export {
  clientCard,
  customFilters,
  findDuplicateClients,
  loadVisibleCounterparty,
  visibleCounterparties,
} from './queries.js';
export { checkCustomValue, checkCustomValues } from './rules/custom-values.js';
export { nameKey } from './rules/name-key.js';
export { normaliseEmail } from './rules/normalise-email.js';
export { normalisePhone } from './rules/normalise-phone.js';
export { checkTaxId } from './rules/tax-id.js';
export { assertMayAssign, loadVisibleClient, visibleClients, visibleThroughClient } from './visibility.js';
