import type { ModuleDefinition } from '../../platform/modules/module.js';
import { integrationRoutes } from './routes.js';

/** How other systems talk to Tandem: API tokens with a role (webhooks join here). */
export const integrationsModule: ModuleDefinition = {
  key: 'integrations',
  title: 'Integrations',
  switchable: true,
  permissions: [{ key: 'integrations:manage', description: 'Make and revoke API tokens' }],
  routes: integrationRoutes,
};
