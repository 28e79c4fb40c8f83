import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { actingUserId } from '../../books.js';
import { assertLineOpen, lockLine } from '../line-lock.js';
import { bankStatementLines } from '../schema.js';
import { IgnoreInput } from '../schemas.js';
import { lineView } from '../views.js';

/** Sets a line aside with a note (bank fees booked by a journal entry, a transfer between own accounts). */
export const ignoreBankLine = defineAction({
  name: 'accounting.ignoreBankLine',
  input: Type.Object({ id: Id, ...IgnoreInput.properties }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id, note }) {
    const found = await lockLine(ctx.tx, id);
    assertLineOpen(found, 'ignored');
    await ctx.tx
      .update(bankStatementLines)
      .set({
        status: 'ignored',
        paymentId: null,
        note,
        resolvedAt: new Date(),
        resolvedBy: await actingUserId(ctx.tx, ctx.actor),
      })
      .where(eq(bankStatementLines.id, id));
    const view = await lineView(ctx.tx, id);
    ctx.audit({ entity: 'bank_statement_line', entityId: id, before: found.line, after: view });
    return view;
  },
});
