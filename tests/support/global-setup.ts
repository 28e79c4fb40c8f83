import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openEmbedded } from '../../src/platform/db/embedded.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { openServer } from '../../src/platform/db/server.js';

export const TEMPLATE_DB = 'tandem_test_template';

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
    const admin = await openServer({ url, poolSize: 1 });
    await admin.exec(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.close();
    const template = await openServer({ url: withDatabase(url, TEMPLATE_DB), poolSize: 1 });
    await migrate(template);
    await template.close();
    project.provide('testDatabase', { kind: 'server', url });
    return;
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
    testDatabase: { kind: 'server'; url: string } | { kind: 'embedded'; dump: string };
  }
}
