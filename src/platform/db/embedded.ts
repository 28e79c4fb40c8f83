import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import type { AppDb, Database } from './database.js';
import { lockDataDir } from './lock-file.js';

export interface EmbeddedOptions {
  /** A directory, or `memory://` for tests. */
  dataDir: string;
  /** A data directory dump to start from (fast test databases). */
  loadDataDir?: Blob;
}

export async function openEmbedded(options: EmbeddedOptions): Promise<Database & { pglite: PGlite }> {
  const inMemory = options.dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : lockDataDir(options.dataDir);
  let pglite: PGlite;
  try {
    if (!inMemory) fs.mkdirSync(options.dataDir, { recursive: true });
    // PGlite loads extensions only when asked: pg_trgm ranks search hits and finds similar
    // names, btree_gist lets an exclusion constraint compare ids beside date ranges.
    pglite = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      extensions: { pg_trgm, btree_gist },
    });
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzle(pglite) as unknown as AppDb;
  return {
    mode: 'embedded',
    db,
    pglite,
    async exec(sqlText) {
      await pglite.exec(sqlText);
    },
    async query(text, params) {
      const result = await pglite.query(text, params as any[]);
      return result.rows as any[];
    },
    async session(work) {
      // One connection already: PGlite queues other callers behind it.
      return work({
        exec: async (text) => {
          await pglite.exec(text);
        },
        query: async (text, params) => (await pglite.query(text, params as any[])).rows as any[],
      });
    },
    async close() {
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}
