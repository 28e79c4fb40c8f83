import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

/**
 * Applies the committed SQL migrations, then puts every table that has a tenant_id under
 * row-level security. The second step runs every time so a module's new table cannot be
 * forgotten: the database, not a reviewer, makes sure it is isolated.
 */
export async function migrate(database: Database): Promise<void> {
  if (database.mode === 'embedded') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(database.db as any, { migrationsFolder });
  } else {
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    await run(database.db as any, { migrationsFolder });
  }
  await database.exec('SELECT tandem_secure_tenant_tables()');
}
