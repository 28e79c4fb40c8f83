import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Actor } from '../../../../platform/actions/actor.js';
import { defineAction } from '../../../../platform/actions/define-action.js';
import type { Tx } from '../../../../platform/db/database.js';
import { conflict, notFound } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { clients } from '../../../parties/schema.js';
import { visibleClients } from '../../../parties/visibility.js';
import { slaPolicies, tickets, workCalendars } from '../../schema.js';
import { addWorkingMinutes, workingMinutesBetween } from '../working-time.js';

async function lockTicket(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({ ticket: tickets })
    .from(tickets)
    .innerJoin(clients, eq(clients.id, tickets.clientId))
    .where(and(eq(tickets.id, id), visibleClients(actor)))
    .for('update', { of: tickets });
  if (!row) throw notFound('Ticket', id);
  return row.ticket;
}

/**
 * The resolution target when a ticket stops waiting for the client: the working time that was
 * left when it began to wait is left again from now. A target already missed stays missed.
 */
async function resumedDueAt(
  tx: Tx,
  ticket: { kind: string; priority: string; resolutionDueAt: Date | null; waitingSince: Date | null },
  now: Date,
) {
  if (!ticket.resolutionDueAt || !ticket.waitingSince) return ticket.resolutionDueAt;
  const [policy] = await tx
    .select({ calendar: workCalendars })
    .from(slaPolicies)
    .innerJoin(workCalendars, eq(workCalendars.id, slaPolicies.calendarId))
    .where(and(eq(slaPolicies.kind, ticket.kind), eq(slaPolicies.priority, ticket.priority)));
  if (!policy) return ticket.resolutionDueAt;
  const left = workingMinutesBetween(ticket.waitingSince, ticket.resolutionDueAt, policy.calendar);
  return left > 0 ? addWorkingMinutes(now, left, policy.calendar) : ticket.resolutionDueAt;
}

/** Where a ticket may go from each status; closed is final. */
const NEXT: Record<string, string[]> = {
  new: ['in_progress', 'waiting', 'resolved'],
  in_progress: ['waiting', 'resolved'],
  waiting: ['in_progress', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

export const workTicket = defineAction({
  name: 'crm.workTicket',
  input: Type.Object(
    {
      id: Id,
      status: Type.Union(['in_progress', 'waiting', 'resolved', 'closed'].map((s) => Type.Literal(s))),
      resolution: Type.Optional(Type.String({ minLength: 1, maxLength: 10000 })),
      satisfaction: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, input) {
    const before = await lockTicket(ctx.tx, ctx.actor, input.id);
    if (!NEXT[before.status].includes(input.status)) {
      throw conflict(
        `A ${before.status.replace('_', ' ')} ${before.kind} cannot become ${String(input.status).replace('_', ' ')}.`,
        [
          {
            field: 'status',
            reason: `must be one of ${NEXT[before.status].join(', ') || 'nothing: it is closed'}`,
          },
        ],
      );
    }
    if (input.status === 'resolved' && !input.resolution)
      throw conflict('Say how it was resolved.', [{ field: 'resolution', reason: 'is required to resolve' }]);
    const now = new Date();
    const waits = input.status === 'waiting';
    const stopsWaiting = before.status === 'waiting' && !waits;
    const [after] = await ctx.tx
      .update(tickets)
      .set({
        status: input.status,
        waitingSince: waits ? now : null,
        ...(stopsWaiting ? { resolutionDueAt: await resumedDueAt(ctx.tx, before, now) } : {}),
        firstRespondedAt: before.firstRespondedAt ?? now,
        ...(input.status === 'resolved' ? { resolvedAt: now, resolution: input.resolution } : {}),
        ...(input.status === 'in_progress' && before.status === 'resolved' ? { resolvedAt: null } : {}),
        ...(input.satisfaction ? { satisfaction: input.satisfaction } : {}),
        updatedAt: now,
      })
      .where(eq(tickets.id, before.id))
      .returning();
    ctx.audit({
      entity: 'ticket',
      entityId: before.id,
      before: { status: before.status },
      after: { status: after.status, resolution: after.resolution },
    });
    return after;
  },
});
