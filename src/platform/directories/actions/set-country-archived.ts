import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { countries } from '../schema.js';
import { CountryCode } from '../schemas.js';
import { lockCountry } from './directory-rules.js';

/** Archived countries stay on the addresses that name them, but leave the pickers. */
export const setCountryArchived = defineAction({
  name: 'directories.setCountryArchived',
  input: Type.Object({ code: CountryCode, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'directories:manage',
  async run(ctx, { code, archived }) {
    const before = await lockCountry(ctx.tx, code);
    const [after] = await ctx.tx
      .update(countries)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
      .where(eq(countries.id, before.id))
      .returning();
    ctx.audit({
      entity: 'country',
      entityId: before.id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
