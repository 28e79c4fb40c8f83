import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { PendingEvent } from '../actions/run-action.js';
import type { AppDb } from '../db/database.js';
import { inTenant } from '../db/tenant-context.js';
import type { DeliveredEvent, ModuleDefinition } from '../modules/module.js';
import type { ModuleRegistry } from '../modules/registry.js';
import type { Platform } from '../platform.js';
import { tenants } from '../tenancy/schema.js';
import type { Jobs } from './jobs.js';
import { outbox } from './schema.js';

const queueOf = (subscriber: string) => `event.${subscriber}`;
const scheduleQueue = (job: string) => `schedule.${job}`;
const SWEEP = 'outbox-sweep';

/** Every queue the modules use; the owner creates them when the app's role may not. */
export function jobQueueNames(modules: ModuleDefinition[]): string[] {
  return [
    ...modules.flatMap((m) => (m.subscribers ?? []).map((s) => queueOf(s.name))),
    ...modules.flatMap((m) => (m.schedules ?? []).map((j) => scheduleQueue(j.name))),
    scheduleQueue(SWEEP),
  ];
}

/**
 * Moves committed outbox events to one pg-boss job per subscriber, where retries happen.
 * Right after each action commits, and every minute for anything a crash left behind.
 * Delivery is at least once: a subscriber must cope with seeing an event twice.
 */
export class EventDispatcher {
  private running = Promise.resolve();

  constructor(
    private readonly platform: Platform,
    private readonly db: AppDb,
    private readonly jobs: Jobs,
    private readonly modules: ModuleRegistry,
  ) {}

  async start() {
    for (const module of this.modules.modules) {
      for (const subscriber of module.subscribers ?? []) {
        await this.jobs.work<DeliveredEvent>(queueOf(subscriber.name), async (event) => {
          const off = await this.modules.switchedOff(this.db, event.tenantId);
          if (off.has(module.key)) return;
          await subscriber.handle(event);
        });
      }
      for (const job of module.schedules ?? []) {
        await this.jobs.schedule(scheduleQueue(job.name), job.cron, () => job.run(this.platform));
      }
    }
    await this.jobs.schedule(scheduleQueue(SWEEP), '* * * * *', () => this.sweep());
    await this.sweep();
  }

  /** Called after an action commits; never delays the request that caused it. */
  dispatchSoon(events: PendingEvent[]) {
    if (!this.jobs.started || events.length === 0) return;
    this.running = this.running
      .then(() => this.dispatch(events))
      .catch((error) => console.error('[events] dispatch failed; the sweep will retry', error));
  }

  private subscribersOf(type: string) {
    return this.modules.modules.flatMap((m) =>
      (m.subscribers ?? []).filter((s) => s.events.includes(type) || s.events.includes('*')),
    );
  }

  private async dispatch(events: PendingEvent[]) {
    const byTenant = new Map<string, string[]>();
    for (const e of events) byTenant.set(e.tenantId, [...(byTenant.get(e.tenantId) ?? []), e.id]);
    for (const [tenantId, ids] of byTenant) await this.dispatchTenant(tenantId, ids);
  }

  private async dispatchTenant(tenantId: string, ids?: string[]) {
    const pending = await inTenant(this.db, { tenantId }, (tx) =>
      tx
        .select()
        .from(outbox)
        .where(
          and(
            isNull(outbox.dispatchedAt),
            ids ? inArray(outbox.id, ids) : lt(outbox.createdAt, sql`now() - interval '30 seconds'`),
          ),
        )
        .orderBy(asc(outbox.id))
        .limit(500),
    );
    for (const row of pending) {
      const event: DeliveredEvent = {
        id: row.id,
        tenantId: row.tenantId,
        type: row.type,
        payload: row.payload as Record<string, unknown>,
        actorUserId: row.actorUserId,
        createdAt: row.createdAt.toISOString(),
      };
      for (const subscriber of this.subscribersOf(row.type))
        await this.jobs.send(queueOf(subscriber.name), event);
      await inTenant(this.db, { tenantId }, (tx) =>
        tx.update(outbox).set({ dispatchedAt: new Date() }).where(eq(outbox.id, row.id)),
      );
    }
  }

  /** Picks up events that were committed but not handed over (a crash between commit and dispatch). */
  async sweep() {
    const all = await this.db.select({ id: tenants.id }).from(tenants).where(isNull(tenants.archivedAt));
    for (const tenant of all) await this.dispatchTenant(tenant.id);
  }
}
