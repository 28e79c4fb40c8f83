import type { Api } from '../http/api.js';
import { countryRoutes } from './country-routes.js';
import { currencyRoutes } from './currency-routes.js';
import { exchangeRateRoutes } from './exchange-rate-routes.js';
import { industryActions, namedListRoutes, positionActions } from './named-lists.js';
import { industries, positions } from './schema.js';
import { unitRoutes } from './unit-routes.js';

/** Reference data: every member reads it; changing it takes `directories:manage` (checked by each action). */
export function directoryRoutes(api: Api) {
  currencyRoutes(api);
  exchangeRateRoutes(api);
  unitRoutes(api);
  countryRoutes(api);
  namedListRoutes(api, {
    path: '/positions',
    table: positions,
    actions: positionActions,
    tag: 'Positions',
    noun: 'job position',
  });
  namedListRoutes(api, {
    path: '/industries',
    table: industries,
    actions: industryActions,
    tag: 'Industries',
    noun: 'industry',
  });
}
