import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { slaPolicies, workCalendars } from '../../schema.js';
import { CalendarFields, SlaFields } from '../ticket-schemas.js';

const knownZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const createWorkCalendar = defineAction({
  name: 'crm.createWorkCalendar',
  input: Type.Object(CalendarFields, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, input) {
    if (!knownZone(input.timeZone))
      throw invalidField('timeZone', `"${input.timeZone}" is not a time zone, e.g. Europe/Sofia`);
    for (const [day, windows] of Object.entries(input.week)) {
      for (const [i, [from, to]] of windows.entries())
        if (from >= to) throw invalidField(`week.${day}.${i}`, 'must end after it starts');
    }
    if (!Object.values(input.week).some((w) => w.length))
      throw invalidField('week', 'needs working hours on at least one day');
    const [calendar] = await ctx.tx
      .insert(workCalendars)
      .values({ tenantId: ctx.tenantId, ...input, holidays: input.holidays ?? [] })
      .returning();
    ctx.audit({ entity: 'workCalendar', entityId: calendar.id, after: calendar });
    return calendar;
  },
});

/** One target per kind and priority; setting it again replaces it. */
export const setSlaPolicy = defineAction({
  name: 'crm.setSlaPolicy',
  input: Type.Object(SlaFields, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, input) {
    if (input.resolutionMinutes < input.firstResponseMinutes)
      throw invalidField('resolutionMinutes', 'must not be shorter than the first response target');
    const [policy] = await ctx.tx
      .insert(slaPolicies)
      .values({ tenantId: ctx.tenantId, ...input })
      .onConflictDoUpdate({
        target: [slaPolicies.tenantId, slaPolicies.kind, slaPolicies.priority],
        set: {
          firstResponseMinutes: input.firstResponseMinutes,
          resolutionMinutes: input.resolutionMinutes,
          calendarId: input.calendarId,
          escalateToUserId: input.escalateToUserId ?? null,
        },
      })
      .returning();
    ctx.audit({ entity: 'slaPolicy', entityId: policy.id, after: policy });
    return policy;
  },
});
