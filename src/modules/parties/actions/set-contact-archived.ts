import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { contacts } from '../schema.js';
import { lockVisibleContact } from './contact-rules.js';

/** A person who left keeps their place in the history of calls and deals, so contacts are archived. */
export const setContactArchived = defineAction({
  name: 'parties.setContactArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'parties:write',
  async run(ctx, { id, archived }) {
    const before = await lockVisibleContact(ctx.tx, ctx.actor, id);
    const [after] = await ctx.tx
      .update(contacts)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
      .where(eq(contacts.id, id))
      .returning();
    ctx.audit({
      entity: 'contact',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
