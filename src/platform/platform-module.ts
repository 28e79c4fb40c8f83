import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { seedPlatformDemo } from './demo-data.js';
import {
  analyzeEmbeddedDatabase,
  backUpEmbeddedDatabase,
  cleanUpSessions,
  forgetOldIdempotencyKeys,
} from './maintenance.js';
import type { ModuleDefinition } from './modules/module.js';
import { moduleRoutes } from './modules/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { roleRoutes } from './rbac/routes.js';
import { companyRoutes } from './tenancy/company-routes.js';
import { colleagueRoutes } from './users/colleague-routes.js';
import { userRoutes } from './users/routes.js';

/** The part of Tandem every workspace has: logins, people, roles, companies, module switches, audit. */
export const platformModule: ModuleDefinition = {
  key: 'platform',
  title: 'Platform',
  switchable: false,
  permissions: [
    { key: 'users:read', description: 'See users, invitations and roles' },
    { key: 'users:manage', description: 'Add, invite and deactivate users; edit roles' },
    { key: 'companies:manage', description: 'Add and change companies' },
    { key: 'modules:manage', description: 'Switch modules on and off' },
    { key: 'audit:read', description: 'Read the audit log' },
  ],
  seedDemo: seedPlatformDemo,
  schedules: [cleanUpSessions, forgetOldIdempotencyKeys, backUpEmbeddedDatabase, analyzeEmbeddedDatabase],
  routes(api) {
    authRoutes(api);
    userRoutes(api);
    colleagueRoutes(api);
    roleRoutes(api);
    companyRoutes(api);
    moduleRoutes(api);
    auditRoutes(api);
    notificationRoutes(api);
  },
};
