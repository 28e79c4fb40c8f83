import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openEmbedded } from '../../src/platform/db/embedded.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { openServer } from '../../src/platform/db/server.js';

/** One template per test run, so two runs on one server (a developer's and CI's) never share it. */
export const templateName = (runId: string) => `tandem_test_template_${runId}`;

/** The server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Migrates once per run: on PostgreSQL into a template database each test file copies, on
 * PGlite into a data-directory dump each test file loads. initdb per test would cost seconds.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = templateName(String(process.pid));
    const admin = await openServer({ url, poolSize: 1 });
    await admin.exec(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${template}`);
    const migrated = await openServer({ url: withDatabase(url, template), poolSize: 1 });
    await migrate(migrated);
    await migrated.close();
    project.provide('testDatabase', { kind: 'server', url, template });
    return async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.close();
    };
  }
  const db = await openEmbedded({ dataDir: 'memory://' });
  await migrate(db);
  const dump = await db.pglite.dumpDataDir('none');
  await db.close();
  const file = path.join(os.tmpdir(), `tandem-test-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabase', { kind: 'embedded', dump: file });
  return () => fs.rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { kind: 'server'; url: string; template: string } | { kind: 'embedded'; dump: string };
  }
}
