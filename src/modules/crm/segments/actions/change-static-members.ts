import { and, eq, inArray } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { clients } from '../../../parties/schema.js';
import { visibleClients } from '../../../parties/visibility.js';
import { segmentMembers } from '../../schema.js';
import { countMembers, lockSegment } from '../segment-rules.js';

/** Adds clients to, or removes them from, a static list. */
export const changeStaticMembers = defineAction({
  name: 'crm.changeStaticMembers',
  input: Type.Object(
    {
      id: Id,
      add: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
      remove: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, input) {
    const segment = await lockSegment(ctx.tx, input.id);
    if (segment.kind !== 'static')
      throw invalidField('id', `"${segment.name}" is dynamic: its criteria decide its members`);
    const add = [...new Set(input.add ?? [])];
    if (add.length) {
      const found = await ctx.tx
        .select({ id: clients.id })
        .from(clients)
        .where(and(inArray(clients.id, add), visibleClients(ctx.actor)));
      const missing = add.filter((id) => !found.some((c) => c.id === id));
      if (missing.length) throw invalidField('add', `no client you can see has the id ${missing.join(', ')}`);
      await ctx.tx
        .insert(segmentMembers)
        .values(add.map((clientId) => ({ tenantId: ctx.tenantId, segmentId: segment.id, clientId })))
        .onConflictDoNothing();
    }
    if (input.remove?.length) {
      await ctx.tx
        .delete(segmentMembers)
        .where(and(eq(segmentMembers.segmentId, segment.id), inArray(segmentMembers.clientId, input.remove)));
    }
    ctx.audit({
      entity: 'segment',
      entityId: segment.id,
      after: { added: add, removed: input.remove ?? [] },
    });
    return countMembers(ctx.tx, segment.id);
  },
});
