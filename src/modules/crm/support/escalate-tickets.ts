import { and, eq, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { inTenant } from '../../../platform/db/tenant-context.js';
import type { ScheduledJob } from '../../../platform/modules/module.js';
import { notifications } from '../../../platform/notifications/schema.js';
import { slaPolicies, tickets } from '../schema.js';

/**
 * Every five minutes: a claim or ticket past its resolution target, or still unanswered past
 * its first-response target, is escalated once (not while it waits for the client): its manager (the policy's escalation person,
 * else the responsible user) gets a notification and the ticket is marked.
 */
export const escalateTickets: ScheduledJob = {
  name: 'escalate-tickets',
  cron: '*/5 * * * *',
  async run(platform) {
    const all = (await platform.modules.tenantsUsing(platform.db, 'crm')).map((id) => ({ id }));
    for (const tenant of all) {
      await inTenant(platform.db, { tenantId: tenant.id }, async (tx) => {
        const late = await tx
          .select({ ticket: tickets, escalateTo: slaPolicies.escalateToUserId })
          .from(tickets)
          .leftJoin(
            slaPolicies,
            and(eq(slaPolicies.kind, tickets.kind), eq(slaPolicies.priority, tickets.priority)),
          )
          .where(
            and(
              isNull(tickets.escalatedAt),
              // a ticket waiting for the client has its clock stopped
              notInArray(tickets.status, ['waiting', 'resolved', 'closed']),
              or(
                lt(tickets.resolutionDueAt, sql`now()`),
                and(isNull(tickets.firstRespondedAt), lt(tickets.firstResponseDueAt, sql`now()`)),
              ),
            ),
          )
          .for('update', { of: tickets, skipLocked: true });
        for (const { ticket, escalateTo } of late) {
          const missed = ticket.firstRespondedAt ? 'resolution' : 'first response';
          await tx.insert(notifications).values({
            tenantId: tenant.id,
            userId: escalateTo ?? ticket.responsibleUserId,
            kind: 'ticket.escalated',
            title: `SLA missed (${missed}): ${ticket.subject}`,
            body: `The ${ticket.kind} of priority ${ticket.priority} is past its ${missed} target.`,
            link: `/crm/tickets/${ticket.id}`,
          });
          await tx.update(tickets).set({ escalatedAt: new Date() }).where(eq(tickets.id, ticket.id));
        }
      });
    }
  },
};
