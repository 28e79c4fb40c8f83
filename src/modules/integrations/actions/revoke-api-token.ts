import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { apiTokens } from '../../../platform/auth/schema.js';
import { notFound } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { shownToken } from '../api-token-schemas.js';

export const revokeApiToken = defineAction({
  name: 'integrations.revokeApiToken',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'integrations:manage',
  async run(ctx, { id }) {
    const [token] = await ctx.tx.select().from(apiTokens).where(eq(apiTokens.id, id)).for('update');
    if (!token) throw notFound('API token', id);
    const [after] = await ctx.tx
      .update(apiTokens)
      .set({ revokedAt: token.revokedAt ?? new Date() })
      .where(eq(apiTokens.id, id))
      .returning();
    ctx.audit({ entity: 'apiToken', entityId: id, after: { revokedAt: after.revokedAt } });
    return shownToken(after);
  },
});
