import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.js';
import { inTenant } from '../../platform/db/tenant-context.js';
import type { ScheduledJob } from '../../platform/modules/module.js';
import { notify } from '../../platform/notifications/notify.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { clients } from '../parties/schema.js';
import { interactionReminder, taskReminder } from './rules/reminder-message.js';
import { interactions, tasks } from './schema.js';

/** Reminders sent per transaction: short transactions, and a backlog drains over several. */
export const REMINDER_BATCH = 200;

/**
 * Sends one tenant's due reminders: planned interactions and open tasks whose time has come.
 * Each batch writes the notifications and marks the reminders sent in one transaction, so a
 * reminder is sent once; SKIP LOCKED lets a second instance running the same minute take others.
 */
export async function sendTenantReminders(db: AppDb, tenantId: string, now = new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await inTenant(db, { tenantId }, async (tx) => {
      const dueInteractions = await tx
        .select()
        .from(interactions)
        .where(
          and(
            lte(interactions.remindAt, now),
            isNull(interactions.remindedAt),
            eq(interactions.status, 'planned'),
          ),
        )
        .orderBy(asc(interactions.remindAt))
        .limit(REMINDER_BATCH)
        .for('update', { skipLocked: true });
      const dueTasks = await tx
        .select()
        .from(tasks)
        .where(and(lte(tasks.remindAt, now), isNull(tasks.remindedAt), eq(tasks.status, 'open')))
        .orderBy(asc(tasks.remindAt))
        .limit(REMINDER_BATCH)
        .for('update', { skipLocked: true });

      const clientIds = [...new Set(dueInteractions.map((i) => i.clientId))];
      const names = new Map(
        clientIds.length
          ? (
              await tx
                .select({ id: clients.id, name: clients.name })
                .from(clients)
                .where(inArray(clients.id, clientIds))
            ).map((c) => [c.id, c.name])
          : [],
      );
      await notify(
        { tx, tenantId },
        ...dueInteractions.map((i) =>
          interactionReminder({ ...i, clientName: names.get(i.clientId) ?? 'a client' }),
        ),
        ...dueTasks.map(taskReminder),
      );
      if (dueInteractions.length)
        await tx
          .update(interactions)
          .set({ remindedAt: now })
          .where(
            inArray(
              interactions.id,
              dueInteractions.map((i) => i.id),
            ),
          );
      if (dueTasks.length)
        await tx
          .update(tasks)
          .set({ remindedAt: now })
          .where(
            inArray(
              tasks.id,
              dueTasks.map((t) => t.id),
            ),
          );
      return {
        sent: dueInteractions.length + dueTasks.length,
        full: dueInteractions.length === REMINDER_BATCH || dueTasks.length === REMINDER_BATCH,
      };
    });
    sent += batch.sent;
    if (!batch.full) return sent;
  }
}

/**
 * Every minute, tenant by tenant: row-level security applies to jobs too, so each tenant's
 * reminders are read in its own context. A tenant with CRM switched off gets none.
 */
export const sendDueReminders: ScheduledJob = {
  name: 'crm-send-due-reminders',
  cron: '* * * * *',
  async run(platform) {
    const all = await platform.db.select({ id: tenants.id }).from(tenants).where(isNull(tenants.archivedAt));
    const failed: unknown[] = [];
    for (const tenant of all) {
      // One tenant's failure must not keep the others' reminders back; the job still fails, and retries.
      try {
        const off = await platform.modules.switchedOff(platform.db, tenant.id);
        if (!off.has('crm')) await sendTenantReminders(platform.db, tenant.id);
      } catch (error) {
        failed.push(error);
      }
    }
    if (failed.length) throw new AggregateError(failed, `Reminders failed for ${failed.length} workspace(s)`);
  },
};
