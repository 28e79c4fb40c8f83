import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { conflict } from '../../http/problem.js';
import { Name } from '../../http/schemas.js';
import { countries } from '../schema.js';
import { CountryCode } from '../schemas.js';
import { lockCountry } from './directory-rules.js';

/** Addresses point at a country by its code, so only the name changes. */
export const updateCountry = defineAction({
  name: 'directories.updateCountry',
  input: Type.Object({ code: CountryCode, name: Type.Optional(Name) }, { additionalProperties: false }),
  permission: 'directories:manage',
  async run(ctx, { code, ...changes }) {
    const before = await lockCountry(ctx.tx, code);
    if (before.archivedAt) throw conflict(`Country ${code} is archived; restore it before editing.`);
    const [after] = await ctx.tx
      .update(countries)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(countries.id, before.id))
      .returning();
    ctx.audit({ entity: 'country', entityId: before.id, before, after });
    return after;
  },
});
