import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { conflict } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { lockLine } from '../line-lock.js';
import { bankStatementLines } from '../schema.js';
import { lineView } from '../views.js';

/** Takes an ignored line back to open. A confirmed line reopens by cancelling its payment. */
export const reopenBankLine = defineAction({
  name: 'accounting.reopenBankLine',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const { line } = await lockLine(ctx.tx, id);
    if (line.status !== 'ignored')
      throw conflict(
        `Line ${line.lineNo} of the statement is ${line.status}; only an ignored line is reopened (cancel a confirmed line's payment instead).`,
        [{ field: 'id', reason: `line is ${line.status}` }],
      );
    await ctx.tx
      .update(bankStatementLines)
      .set({ status: 'open', note: null, resolvedAt: null, resolvedBy: null })
      .where(eq(bankStatementLines.id, id));
    const view = await lineView(ctx.tx, id);
    ctx.audit({ entity: 'bank_statement_line', entityId: id, before: line, after: view });
    return view;
  },
});
