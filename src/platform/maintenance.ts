import fs from 'node:fs';
import path from 'node:path';
import { lt, sql } from 'drizzle-orm';
import { deleteExpiredSessions } from './auth/sessions.js';
import { backupDatabase } from './db/backup.js';
import { inTenant } from './db/tenant-context.js';
import { idempotencyKeys } from './events/schema.js';
import type { ScheduledJob } from './modules/module.js';
import { tenants } from './tenancy/schema.js';

/** How many nightly backups of the embedded database are kept. */
export const KEPT_BACKUPS = 7;

/** How long a stored answer to an Idempotency-Key is replayed; clients retry within minutes. */
export const IDEMPOTENCY_KEY_HOURS = 24;

export const cleanUpSessions: ScheduledJob = {
  name: 'clean-up-sessions',
  cron: '30 2 * * *',
  run: (platform) => deleteExpiredSessions(platform.db),
};

export const forgetOldIdempotencyKeys: ScheduledJob = {
  name: 'forget-old-idempotency-keys',
  cron: '15 * * * *',
  async run(platform) {
    // Row-level security applies to jobs too, so each tenant is cleaned in its own context.
    const all = await platform.db.select({ id: tenants.id }).from(tenants);
    for (const tenant of all) {
      await inTenant(platform.db, { tenantId: tenant.id }, (tx) =>
        tx
          .delete(idempotencyKeys)
          .where(
            lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`),
          ),
      );
    }
  },
};

/**
 * The embedded database runs without fsync and on one disk: a nightly copy in data/backups is
 * its safety net. PostgreSQL deployments use the server's own backups.
 */
export const backUpEmbeddedDatabase: ScheduledJob = {
  name: 'back-up-embedded-database',
  cron: '0 3 * * *',
  async run(platform) {
    if (platform.database.mode !== 'embedded') return;
    const dir = path.join(platform.config.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    await backupDatabase(
      platform.database,
      path.join(dir, `tandem-${new Date().toISOString().replaceAll(':', '-')}.json.gz`),
    );
    const old = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('tandem-'))
      .sort()
      .slice(0, -KEPT_BACKUPS);
    for (const file of old) fs.rmSync(path.join(dir, file));
  },
};

/**
 * PGlite has no autovacuum: without fresh statistics the planner sorts whole tables for each
 * page of a list. PostgreSQL servers do this themselves.
 */
export const analyzeEmbeddedDatabase: ScheduledJob = {
  name: 'analyze-embedded-database',
  cron: '5 * * * *',
  async run(platform) {
    if (platform.database.mode !== 'embedded') return;
    await platform.database.exec(new Date().getUTCHours() === 4 ? 'VACUUM ANALYZE' : 'ANALYZE');
  },
};
