import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openServer } from '../../src/platform/db/server.js';
import { withDatabase } from '../support/global-setup.js';
import { testDatabaseUrl } from '../support/test-db.js';

const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-cli-'));
const serverUrl = testDatabaseUrl();
const dbNames = [`tandem_cli_a_${process.pid}`, `tandem_cli_b_${process.pid}`];

/** Each run of the command gets its own database: a data directory, or a PostgreSQL database. */
function envFor(which: 0 | 1): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TANDEM_DATA_DIR: path.join(work, `data-${which}`),
    TANDEM_ADMIN_PASSWORD: 'cli admin password',
  };
  delete env.DATABASE_URL;
  if (serverUrl) env.DATABASE_URL = withDatabase(serverUrl, dbNames[which]);
  return env;
}

const tandem = (which: 0 | 1, ...args: string[]) =>
  run(process.execPath, ['bin/tandem.mjs', ...args], { env: envFor(which), timeout: 120_000 });

afterAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  if (serverUrl) {
    const admin = await openServer({ url: serverUrl, poolSize: 1 });
    for (const name of dbNames) await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
});

describe('the tandem command', () => {
  it('seeds the demo, adds a user, backs up, and restores into another database', async () => {
    if (serverUrl) {
      const admin = await openServer({ url: serverUrl, poolSize: 1 });
      for (const name of dbNames) {
        await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.exec(`CREATE DATABASE ${name}`);
      }
      await admin.close();
    }
    const seeded = await tandem(0, 'seed-demo');
    expect(seeded.stdout).toContain('Log in as admin@demo.tandem with TANDEM_ADMIN_PASSWORD');
    expect((await tandem(0, 'seed-demo')).stdout).toContain('already has a workspace');

    const added = await tandem(
      0,
      'create-user',
      '--email',
      'cli@demo.tandem',
      '--name',
      'Cli User',
      '--password',
      'cli user password',
      '--role',
      'accountant',
    );
    expect(added.stdout).toContain('cli@demo.tandem can now log in to "Demo Workspace" as Accountant');
    await expect(
      tandem(
        0,
        'create-user',
        '--email',
        'x@demo.tandem',
        '--name',
        'X',
        '--password',
        'long password 1',
        '--role',
        'pilot',
      ),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('No built-in role "pilot"'),
    });

    const file = path.join(work, 'demo.json.gz');
    const backedUp = await tandem(0, 'backup', file);
    expect(backedUp.stdout).toMatch(/Wrote \d+ rows of \d+ tables/);

    await tandem(1, 'seed-demo');
    await expect(tandem(1, 'restore', file)).rejects.toMatchObject({
      stderr: expect.stringContaining('--yes'),
    });
    const restored = await tandem(1, 'restore', file, '--yes');
    expect(restored.stdout).toMatch(/Restored \d+ rows/);
    const again = await tandem(1, 'backup', path.join(work, 'again.json.gz'));
    expect(again.stdout.match(/Wrote (\d+) rows/)?.[1]).toBe(backedUp.stdout.match(/Wrote (\d+) rows/)?.[1]);
  }, 240_000);

  it('refuses a second process on the same embedded data directory with a clear message', async () => {
    if (serverUrl) return;
    const dir = path.join(work, 'data-0');
    fs.writeFileSync(path.join(dir, 'tandem.lock'), String(process.pid));
    try {
      await expect(tandem(0, 'migrate')).rejects.toMatchObject({
        stderr: expect.stringContaining('in use by another Tandem process'),
      });
    } finally {
      fs.rmSync(path.join(dir, 'tandem.lock'));
    }
  }, 60_000);

  it('explains itself', async () => {
    expect((await tandem(0, '--help')).stdout).toContain('restore FILE --yes');
    await expect(tandem(0, 'fly')).rejects.toMatchObject({
      stderr: expect.stringContaining('Unknown command "fly"'),
    });
  });
});
