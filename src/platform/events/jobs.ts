import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';

export interface JobOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  retryLimit?: number;
  /** Only one job with this key waits in the queue at a time. */
  singletonKey?: string;
}

export type JobHandler<T> = (data: T) => Promise<void>;

/**
 * PGlite has one connection; pg-boss reaches it through this adapter. pg-boss sends its schema
 * and maintenance SQL as several statements without parameters, which only `exec` accepts.
 */
function pgliteAdapter(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values?.length) return { rows: (await pglite.query(text, values)).rows };
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/**
 * Background work on pg-boss, in the same database in both modes: retried with backoff,
 * scheduled by cron, shared by every app instance without another service to run.
 */
export class Jobs {
  private boss?: PgBoss;
  private readonly queues = new Set<string>();

  constructor(
    private readonly database: Database & { pglite?: PGlite },
    private readonly connectionString?: string,
  ) {}

  get started(): boolean {
    return this.boss !== undefined;
  }

  async start(): Promise<void> {
    const common = { schema: 'pgboss', retryLimit: 5, retryBackoff: true, retryDelay: 2 } as const;
    const boss =
      this.database.mode === 'embedded'
        ? new PgBoss({ ...common, db: pgliteAdapter(this.database.pglite!) })
        : new PgBoss({ ...common, connectionString: this.connectionString, max: 4 });
    boss.on('error', (error) => console.error('[jobs]', error.message));
    await boss.start();
    this.boss = boss;
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, wait: true, timeout: 5000 });
  }

  private async queue(name: string): Promise<PgBoss> {
    if (!this.boss) throw new Error('Jobs are not started');
    if (!this.queues.has(name)) {
      await this.boss.createQueue(name);
      this.queues.add(name);
    }
    return this.boss;
  }

  async send<T extends object>(name: string, data: T, options: JobOptions = {}): Promise<string | null> {
    const boss = await this.queue(name);
    return boss.send(name, data, options);
  }

  async work<T extends object>(
    name: string,
    handler: JobHandler<T>,
    options: { pollingIntervalSeconds?: number } = {},
  ) {
    const boss = await this.queue(name);
    await boss.work<T>(
      name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
      async ([job]) => {
        await handler(job.data);
      },
    );
  }

  async schedule<T extends object>(name: string, cron: string, handler: JobHandler<T>, data?: T) {
    const boss = await this.queue(name);
    await boss.schedule(name, cron, data ?? {});
    await this.work(name, handler);
  }
}
