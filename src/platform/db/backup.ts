import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Connection, Database } from './database.js';
import { PG_INSUFFICIENT_PRIVILEGE, pgErrorCode } from './errors.js';

const FORMAT = 'tandem-backup/1';
const BATCH = 2000;

export type Progress = (table: string, done: number, total: number) => void;

async function tablesOf(database: Connection): Promise<string[]> {
  const rows = await database.query<{ tablename: string }>(
    "select tablename from pg_tables where schemaname = 'public' order by tablename",
  );
  return rows.map((r) => r.tablename);
}

async function migrationCount(database: Connection): Promise<number> {
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
  return database.session(async (db) => {
    // With row security off, a role that row-level security would filter gets an error instead
    // of a backup silently missing every workspace's rows.
    await db.exec('SET row_security = off');
    try {
      return await writeBackup(db, file, progress);
    } catch (error) {
      if (pgErrorCode(error) === PG_INSUFFICIENT_PRIVILEGE) {
        throw new Error(
          'A backup reads every workspace: run it with a superuser (or a role with BYPASSRLS) in DATABASE_URL.',
        );
      }
      throw error;
    } finally {
      await db.exec('RESET row_security');
    }
  });
}

async function writeBackup(db: Connection, file: string, progress: Progress) {
  const gzip = createGzip();
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  gzip.pipe(out);
  const write = (line: string) =>
    gzip.write(line) ? Promise.resolve() : new Promise<void>((r) => gzip.once('drain', () => r()));
  const tables = await tablesOf(db);
  await write(
    `${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations: await migrationCount(db), tables })}\n`,
  );
  let rows = 0;
  for (const [i, table] of tables.entries()) {
    for (let offset = 0; ; offset += BATCH) {
      const batch = await db.query<{ j: string }>(
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
