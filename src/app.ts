import PgBoss from 'pg-boss';
import { accountingModule } from './modules/accounting/index.js';
import { crmModule } from './modules/crm/index.js';
import { integrationsModule } from './modules/integrations/index.js';
import { partiesModule } from './modules/parties/index.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { openEmbedded } from './platform/db/embedded.js';
import { migrate } from './platform/db/migrate.js';
import { openServer } from './platform/db/server.js';
import { directoriesModule } from './platform/directories/module.js';
import { jobQueueNames } from './platform/events/dispatch.js';
import { buildServer } from './platform/http/server.js';
import type { ModuleDefinition } from './platform/modules/module.js';
import { Platform } from './platform/platform.js';
import { platformModule } from './platform/platform-module.js';

/** Tandem's modules in dependency order: each may use only those before it. */
export const MODULES: ModuleDefinition[] = [
  platformModule,
  directoriesModule,
  partiesModule,
  crmModule,
  accountingModule,
  integrationsModule,
];

export async function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openServer({ url: config.databaseUrl })
    : openEmbedded({ dataDir: config.dataDir });
}

/**
 * Migrations may need an owner role the app itself does not log in as. Then the owner also
 * installs the job queue's schema and lets tandem_app use it (pg-boss adds a table per queue).
 */
export async function migrateDatabase(config: Config, database: Database) {
  if (!config.migrateDatabaseUrl) return migrate(database);
  const owner = await openServer({ url: config.migrateDatabaseUrl, poolSize: 1 });
  try {
    await migrate(owner);
    const boss = new PgBoss({
      connectionString: config.migrateDatabaseUrl,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
      max: 1,
    });
    await boss.start();
    for (const name of jobQueueNames(MODULES)) await boss.createQueue(name);
    await boss.stop({ graceful: false, wait: true });
    await owner.exec(
      'GRANT USAGE, CREATE ON SCHEMA pgboss TO tandem_app; ' +
        'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO tandem_app; ' +
        'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO tandem_app; ' +
        'GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO tandem_app',
    );
  } finally {
    await owner.close();
  }
}

export async function createApp(config: Config, database: Database, options: { logger?: boolean } = {}) {
  const platform = new Platform(config, database, MODULES);
  const server = await buildServer(platform, options);
  return { platform, server };
}
