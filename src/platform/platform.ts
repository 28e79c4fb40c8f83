import type { Actor } from './actions/actor.js';
import { ActionRunner } from './actions/run-action.js';
import { Authenticator } from './auth/authenticate.js';
import type { Config } from './config.js';
import type { AppDb, Database, Tx } from './db/database.js';
import { inTenant } from './db/tenant-context.js';
import { EventDispatcher } from './events/dispatch.js';
import { Jobs } from './events/jobs.js';
import type { ModuleDefinition } from './modules/module.js';
import { ModuleRegistry } from './modules/registry.js';

/** Everything a running Tandem shares: the database, the modules, the way actions run, the jobs. */
export class Platform {
  readonly db: AppDb;
  readonly modules: ModuleRegistry;
  readonly jobs: Jobs;
  readonly runner: ActionRunner;
  readonly auth: Authenticator;
  readonly events: EventDispatcher;

  constructor(
    readonly config: Config,
    readonly database: Database,
    modules: ModuleDefinition[],
  ) {
    this.db = database.db;
    this.modules = new ModuleRegistry(modules);
    this.jobs = new Jobs(database, config.databaseUrl);
    this.events = new EventDispatcher(this, this.db, this.jobs, this.modules);
    this.runner = new ActionRunner(this.db, (events) => this.events.dispatchSoon(events));
    this.auth = new Authenticator(this.db);
  }

  /** Reads in the actor's tenant: row-level security applies as for actions, but nothing is audited. */
  read<T>(actor: Pick<Actor, 'tenantId' | 'userId'>, work: (tx: Tx) => Promise<T>): Promise<T> {
    return inTenant(this.db, { tenantId: actor.tenantId, userId: actor.userId }, work);
  }

  /** Starts background work: event delivery, module subscribers and schedules. */
  async startJobs() {
    await this.jobs.start();
    await this.events.start();
  }

  async stop() {
    await this.jobs.stop();
  }
}
