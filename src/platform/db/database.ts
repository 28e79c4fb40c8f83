import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

/** Drizzle over either driver: PGlite (embedded) and node-postgres (server) share this shape. */
export type AppDb = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, any>;
/** Anything that runs a query: the database itself or an open transaction. */
export type Executor = AppDb | Tx;

export interface Database {
  mode: 'embedded' | 'server';
  db: AppDb;
  /** Runs one or more statements without parameters (migrations, maintenance). */
  exec(sqlText: string): Promise<void>;
  /** Runs one parameterised statement outside any transaction. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs work on one connection (BEGIN ... COMMIT as separate statements need that). */
  session<T>(work: (connection: Connection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Connection {
  exec(sqlText: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** Rows of a hand-written SQL query; both drivers answer `{ rows }`. */
export async function sqlRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
