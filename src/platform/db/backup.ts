import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from './database.js';

const FORMAT = 'tandem-backup/1';
const BATCH = 2000;

export type Progress = (table: string, done: number, total: number) => void;

async function tablesOf(database: Database): Promise<string[]> {
  const rows = await database.query<{ tablename: string }>(
    "select tablename from pg_tables where schemaname = 'public' order by tablename",
  );
  return rows.map((r) => r.tablename);
}

async function migrationCount(database: Database): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    'select count(*)::int as n from drizzle.__drizzle_migrations',
  );
  return row.n;
}

/**
 * Writes every row of every table as the database's own JSON text, gzipped, one line a row.
 * The same file restores into either mode: a trial on the embedded database moves to PostgreSQL
 * by backup and restore. Rows are never parsed in JavaScript, so numerics keep every digit.
 */
export async function backupDatabase(database: Database, file: string, progress: Progress = () => {}) {
  const gzip = createGzip();
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  gzip.pipe(out);
  const write = (line: string) =>
    gzip.write(line) ? Promise.resolve() : new Promise<void>((r) => gzip.once('drain', () => r()));
  const tables = await tablesOf(database);
  await write(
    `${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations: await migrationCount(database), tables })}\n`,
  );
  let rows = 0;
  for (const [i, table] of tables.entries()) {
    for (let offset = 0; ; offset += BATCH) {
      const batch = await database.query<{ j: string }>(
        `select row_to_json(t)::text as j from "${table}" t order by 1 limit ${BATCH} offset ${offset}`,
      );
      for (const r of batch) await write(`${table}\t${r.j}\n`);
      rows += batch.length;
      if (batch.length < BATCH) break;
    }
    progress(table, i + 1, tables.length);
  }
  gzip.end();
  await done;
  return { tables: tables.length, rows };
}

/**
 * Replaces the whole content of a migrated database with a backup, in one transaction: either
 * all of it is restored or nothing changes. Triggers and foreign keys are held off while rows
 * arrive in table order (session_replication_role needs a superuser or the owner).
 */
export async function restoreDatabase(database: Database, file: string, progress: Progress = () => {}) {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header: { format: string; migrations: number; tables: string[] } | undefined;
  const rowsByTable = new Map<string, string[]>();
  for await (const line of lines) {
    if (!header) {
      header = JSON.parse(line);
      if (header?.format !== FORMAT) throw new Error(`${file} is not a Tandem backup`);
      continue;
    }
    const tab = line.indexOf('\t');
    const table = line.slice(0, tab);
    rowsByTable.set(table, [...(rowsByTable.get(table) ?? []), line.slice(tab + 1)]);
  }
  if (!header) throw new Error(`${file} is empty`);
  const here = await migrationCount(database);
  if (header.migrations > here)
    throw new Error(
      `The backup comes from a newer Tandem (${header.migrations} migrations, this one has ${here}). Upgrade first.`,
    );
  const known = new Set(await tablesOf(database));
  return database.session(async (db) => {
    let rows = 0;
    await db.exec('BEGIN');
    try {
      await db.exec('SET LOCAL session_replication_role = replica');
      await db.exec(`TRUNCATE ${[...known].map((t) => `"${t}"`).join(', ')}`);
      for (const [i, table] of header!.tables.entries()) {
        if (!known.has(table))
          throw new Error(`The backup has a table "${table}" this database does not know`);
        const all = rowsByTable.get(table) ?? [];
        for (let start = 0; start < all.length; start += BATCH) {
          const chunk = all.slice(start, start + BATCH);
          await db.query(
            `insert into "${table}" select * from json_populate_recordset(null::"${table}", $1::json)`,
            [`[${chunk.join(',')}]`],
          );
          rows += chunk.length;
        }
        progress(table, i + 1, header!.tables.length);
      }
      await db.exec('COMMIT');
    } catch (error) {
      await db.exec('ROLLBACK');
      throw error;
    }
    return { tables: header!.tables.length, rows };
  });
}
