import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { assertDraft, entryView, loadEntry } from '../books.js';
import { entryFacts } from '../entry-facts.js';
import { asLineInput, checkedLines } from '../entry-lines.js';
import { writePosting } from '../posting.js';
import { checkJournalBalance } from '../rules/journal-balance.js';

/**
 * Posts a draft: every line checked again against the books as they are now, the lines balanced
 * in the entry currency, the company-currency amounts at the entry's rate (any rounding cent on
 * the largest line), then the number, the GL rows and the status, all or nothing.
 */
export const postJournalEntry = defineAction({
  name: 'accounting.postJournalEntry',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const { entry, lines: drafted } = await loadEntry(ctx.tx, id, true);
    assertDraft(entry, 'posted again');
    const facts = await entryFacts(ctx.tx, entry);
    const lines = await checkedLines(ctx.tx, facts, drafted.map(asLineInput));
    const balance = checkJournalBalance(lines, facts.precision);
    if (balance.errors.length)
      throw invalid(
        balance.errors,
        `Journal entry ${entry.id} cannot be posted: ${balance.errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`,
      );
    const posted = await writePosting(ctx, entry, lines);
    const view = entryView(posted, (await loadEntry(ctx.tx, id)).lines);
    ctx.audit({ entity: 'journalEntry', entityId: id, before: { status: entry.status }, after: view });
    ctx.emit('accounting.entryPosted', { entryId: id, companyId: entry.companyId, number: posted.number });
    return view;
  },
});
