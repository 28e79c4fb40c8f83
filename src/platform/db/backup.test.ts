import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/support/test-app.js';
import { openTestDatabase } from '../../../tests/support/test-db.js';
import { backUpEmbeddedDatabase } from '../maintenance.js';
import type { Platform } from '../platform.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import type { Database } from './database.js';
import { openEmbedded } from './embedded.js';
import { migrate } from './migrate.js';

let t: TestApp;
let target: Database;
const file = path.join(os.tmpdir(), `tandem-backup-test-${process.pid}.json.gz`);

beforeAll(async () => {
  t = await startTestApp();
  await t.database.query(
    `insert into exchange_rates (id, tenant_id, base_currency, quote_currency, valid_on, rate) values (gen_random_uuid(), $1, 'EUR', 'BGN', '2026-01-01', '1.9558300000')`,
    [t.acme.tenantId],
  );
  target = await openTestDatabase();
});
afterAll(async () => {
  await target.close();
  await t.close();
  fs.rmSync(file, { force: true });
});

const snapshot = async (db: Database) => {
  const tables = (
    await db.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public' order by 1",
    )
  ).map((r) => r.tablename);
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await db.query<{ h: string | null }>(
      `select md5(string_agg(t::text, '|' order by t::text)) as h from "${table}" t`,
    );
    out[table] = row.h ?? 'empty';
  }
  return out;
};

describe('backup and restore', () => {
  it('round-trips every row exactly into a fresh database', async () => {
    const written = await backupDatabase(t.database, file);
    expect(written.rows).toBeGreaterThan(300);
    const progress: string[] = [];
    const restored = await restoreDatabase(target, file, (table) => progress.push(table));
    expect(restored.rows).toBe(written.rows);
    expect(progress).toContain('companies');
    expect(await snapshot(target)).toEqual(await snapshot(t.database));
    const [rate] = await target.query<{ rate: string }>(
      "select rate::text from exchange_rates where quote_currency = 'BGN'",
    );
    expect(rate.rate).toBe('1.9558300000');
  });

  it('a restored database works: the admin logs in to it', async () => {
    const copy = await openTestDatabase();
    await restoreDatabase(copy, file);
    const app = await startTestApp({ database: copy, skipTenant: true });
    const admin = await app.login('admin@acme.test');
    expect((await admin.get('/api/v1/companies')).json().items.map((c: any) => c.name)).toEqual(['Acme Ltd']);
    await app.close();
  });

  it('a backup from PostgreSQL restores into the embedded database (and so moves between modes)', async () => {
    if (t.database.mode !== 'server') return; // the suite on PostgreSQL covers the crossing
    const embedded = await openEmbedded({ dataDir: 'memory://' });
    await migrate(embedded);
    await restoreDatabase(embedded, file);
    expect(await snapshot(embedded)).toEqual(await snapshot(target));
    await embedded.close();
  });

  it('the nightly job of the embedded database keeps the last seven backups', async () => {
    if (t.database.mode !== 'embedded') return;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-nightly-'));
    fs.mkdirSync(path.join(dataDir, 'backups'));
    for (let day = 1; day <= 8; day++)
      fs.writeFileSync(path.join(dataDir, 'backups', `tandem-2020-01-0${day}.json.gz`), '');
    const platform = {
      database: t.database,
      config: { ...t.platform.config, dataDir },
    } as unknown as Platform;
    await backUpEmbeddedDatabase.run(platform);
    const kept = fs.readdirSync(path.join(dataDir, 'backups')).sort();
    expect(kept).toHaveLength(7);
    expect(kept[0]).toBe('tandem-2020-01-03.json.gz');
    expect(fs.statSync(path.join(dataDir, 'backups', kept[6])).size).toBeGreaterThan(1000);
    fs.rmSync(dataDir, { recursive: true });
  });

  it('refuses a file that is not a backup and leaves the database as it was', async () => {
    const junk = `${file}.junk`;
    fs.writeFileSync(junk, 'not gzip');
    const before = await snapshot(target);
    await expect(restoreDatabase(target, junk)).rejects.toThrow();
    expect(await snapshot(target)).toEqual(before);
    fs.rmSync(junk);
  });
});
