import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { apiTokens } from '../../../platform/auth/schema.js';
import { sha256, tenantToken } from '../../../platform/auth/secrets.js';
import { invalidField } from '../../../platform/http/problem.js';
import { Id, Name } from '../../../platform/http/schemas.js';
import { assertRolesExist } from '../../../platform/users/member-rules.js';
import { shownToken } from '../api-token-schemas.js';

/** An integration's credential: acts with one role; the secret is shown once and kept only as a hash. */
export const createApiToken = defineAction({
  name: 'integrations.createApiToken',
  input: Type.Object(
    { name: Name, roleId: Id, expiresAt: Type.Optional(Type.String({ format: 'date-time' })) },
    { additionalProperties: false },
  ),
  permission: 'integrations:manage',
  resultSecrets: ['token'],
  async run(ctx, input) {
    await assertRolesExist(ctx.tx, [input.roleId]);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw invalidField('expiresAt', 'must be in the future');
    const token = tenantToken('tdm', ctx.tenantId);
    const [row] = await ctx.tx
      .insert(apiTokens)
      .values({
        tenantId: ctx.tenantId,
        name: input.name,
        tokenHash: sha256(token),
        prefix: token.slice(0, 12),
        roleId: input.roleId,
        createdBy: ctx.actor.userId ?? ctx.tenantId,
        expiresAt,
      })
      .returning();
    ctx.audit({
      entity: 'apiToken',
      entityId: row.id,
      after: { name: row.name, roleId: row.roleId, expiresAt },
    });
    return { ...shownToken(row), token };
  },
});
