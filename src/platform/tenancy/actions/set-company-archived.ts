import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { Id } from '../../http/schemas.js';
import { companies } from '../schema.js';
import { lockCompany } from './company-rules.js';

/** Companies keep their history, so they are archived (hidden from pickers) instead of deleted. */
export const setCompanyArchived = defineAction({
  name: 'platform.setCompanyArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'companies:manage',
  async run(ctx, { id, archived }) {
    const before = await lockCompany(ctx.tx, id);
    const [after] = await ctx.tx
      .update(companies)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
      .where(eq(companies.id, id))
      .returning();
    ctx.audit({
      entity: 'company',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
