import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import type { Database } from '../../src/platform/db/database.js';
import { openEmbedded } from '../../src/platform/db/embedded.js';
import { openServer } from '../../src/platform/db/server.js';
import { withDatabase } from './global-setup.js';

/** A fresh, migrated database for one test file: a copy of the template on PostgreSQL, a loaded dump on PGlite. */
export async function openTestDatabase(): Promise<Database> {
  const target = inject('testDatabase');
  if (target.kind === 'embedded') {
    const blob = new Blob([fs.readFileSync(target.dump)]);
    return openEmbedded({ dataDir: 'memory://', loadDataDir: blob });
  }
  const name = `tandem_t_${randomBytes(6).toString('hex')}`;
  const admin = await openServer({ url: target.url, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${target.template}`);
  const database = await openServer({ url: withDatabase(target.url, name), poolSize: 8 });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

export const testDatabaseUrl = (): string | undefined => {
  const target = inject('testDatabase');
  return target.kind === 'server' ? target.url : undefined;
};
