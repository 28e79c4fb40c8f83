import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { AppDb, Database } from './database.js';

export interface ServerOptions {
  url: string;
  poolSize?: number;
}

export async function openServer(options: ServerOptions): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  // An idle connection the server drops (restart, failover, a dropped test database) is
  // replaced by the pool on next use; without a listener the error would end the process.
  pool.on('error', (error) => console.error('[database] idle connection lost:', error.message));
  // Fail at start, not at the first request, when the server is unreachable.
  const client = await pool.connect();
  client.release();
  const db = drizzle(pool) as unknown as AppDb;
  return {
    mode: 'server',
    db,
    pool,
    async exec(sqlText) {
      await pool.query(sqlText);
    },
    async query(text, params) {
      const result = await pool.query(text, params as any[]);
      return result.rows;
    },
    async session(work) {
      const client = await pool.connect();
      try {
        return await work({
          exec: async (text) => {
            await client.query(text);
          },
          query: async (text, params) => (await client.query(text, params as any[])).rows,
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
