import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { invalidField } from '../../http/problem.js';
import { Name } from '../../http/schemas.js';
import { users } from '../../tenancy/schema.js';

export const LOCALES = ['en', 'ru', 'bg', 'mn'] as const;
export const Locale = Type.Union(LOCALES.map((l) => Type.Literal(l)));

export const updateProfile = defineAction({
  name: 'platform.updateProfile',
  input: Type.Object(
    { name: Type.Optional(Name), locale: Type.Optional(Locale) },
    { additionalProperties: false },
  ),
  permission: null,
  async run(ctx, input) {
    if (!ctx.actor.userId || ctx.actor.kind !== 'user')
      throw invalidField('body', 'only a logged-in person has a profile');
    const [before] = await ctx.tx
      .select({ name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, ctx.actor.userId));
    const [after] = await ctx.tx
      .update(users)
      .set(input)
      .where(eq(users.id, ctx.actor.userId))
      .returning({ name: users.name, locale: users.locale });
    ctx.audit({ entity: 'user', entityId: ctx.actor.userId, before, after });
  },
});
