import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { countries } from '../schema.js';
import { CountryFields } from '../schemas.js';
import { refuseTaken } from './directory-rules.js';

export const createCountry = defineAction({
  name: 'directories.createCountry',
  input: Type.Object(CountryFields, { additionalProperties: false }),
  permission: 'directories:manage',
  async run(ctx, input) {
    await refuseTaken(
      ctx.tx,
      countries,
      eq(countries.code, input.code),
      'code',
      `Country ${input.code} is already in the list.`,
    );
    const [country] = await ctx.tx
      .insert(countries)
      .values({ tenantId: ctx.tenantId, ...input })
      .returning();
    ctx.audit({ entity: 'country', entityId: country.id, after: country });
    return country;
  },
});
