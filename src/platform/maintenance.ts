import fs from 'node:fs';
import path from 'node:path';
import { deleteExpiredSessions } from './auth/sessions.js';
import { backupDatabase } from './db/backup.js';
import type { ScheduledJob } from './modules/module.js';

/** How many nightly backups of the embedded database are kept. */
export const KEPT_BACKUPS = 7;

export const cleanUpSessions: ScheduledJob = {
  name: 'clean-up-sessions',
  cron: '30 2 * * *',
  run: (platform) => deleteExpiredSessions(platform.db),
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
