import { Decimal } from 'decimal.js';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { uuidv7 } from 'uuidv7';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { CurrencyCode } from '../../../../platform/directories/schemas.js';
import { conflict, invalidField } from '../../../../platform/http/problem.js';
import { DateOnly, Id } from '../../../../platform/http/schemas.js';
import { periodOf } from '../../posting.js';
import { accountingSettings } from '../../schema.js';
import { journalOfKind, settingAccount } from '../documents.js';
import { type DocumentLine, postDocumentEntry } from '../post-entry.js';
import { previewRevaluation } from '../revaluation.js';
import {
  liveRevaluationOn,
  REVALUATION,
  REVALUATION_REVERSAL,
  revaluationView,
} from '../revaluation-entries.js';
import { Side } from '../schemas.js';

export const RevaluationRequest = Type.Object(
  {
    companyId: Id,
    date: DateOnly,
    side: Type.Optional(Side),
    currency: Type.Optional(CurrencyCode),
  },
  { additionalProperties: false },
);

/**
 * Books the unrealised exchange differences of the open foreign-currency items on a date: one
 * entry on that date in the general journal, a line per receivable or payable account and
 * counterparty against exchange gain and loss, and its reversal the next day. The open items
 * keep their amounts: on the next day the books carry them at their own rates again, so an
 * allocation after the date realises the whole difference from the item's rate, as if the
 * revaluation had never been (the standard auto-reversing method).
 */
export const postRevaluation = defineAction({
  name: 'accounting.postRevaluation',
  input: RevaluationRequest,
  permission: 'accounting:write',
  async run(ctx, input) {
    // One revaluation per company and date: taking the settings row first makes a second,
    // concurrent one wait here and then find the first.
    await ctx.tx
      .select({ companyId: accountingSettings.companyId })
      .from(accountingSettings)
      .where(eq(accountingSettings.companyId, input.companyId))
      .for('no key update');
    const existing = await liveRevaluationOn(ctx.tx, input.companyId, input.date);
    if (existing)
      throw conflict(
        `The open items were already revalued on ${input.date} (entry ${existing.number}); cancel that revaluation to revalue again.`,
        [{ field: 'date', reason: `has a revaluation already (${existing.number})` }],
      );
    const preview = await previewRevaluation(ctx.tx, input);
    if (!preview.lines.length)
      throw invalidField(
        'date',
        `no open item in a foreign currency differs from the rate of ${input.date}; there is nothing to revalue`,
      );
    for (const day of [input.date, preview.reversalDate]) await periodOf(ctx, input.companyId, day, 'date');
    const gainAccountId = await settingAccount(ctx.tx, input.companyId, 'exchangeGainAccountId');
    const lossAccountId = await settingAccount(ctx.tx, input.companyId, 'exchangeLossAccountId');
    const journal = await journalOfKind(ctx.tx, input.companyId, 'general');
    const lines: DocumentLine[] = [
      ...preview.lines.map((l) => ({
        accountId: l.accountId,
        counterpartyId: l.counterpartyId,
        amount: new Decimal(l.amount),
        description: 'Unrealised exchange difference',
      })),
      {
        accountId: gainAccountId,
        amount: new Decimal(preview.gain).negated(),
        description: 'Unrealised gain',
      },
      { accountId: lossAccountId, amount: new Decimal(preview.loss), description: 'Unrealised loss' },
    ];
    const id = uuidv7();
    const currencies = preview.rates.map((r) => r.currency).join(', ');
    const entry = (postingDate: string, sourceType: string, memo: string, sign: 1 | -1) =>
      postDocumentEntry(ctx, {
        companyId: input.companyId,
        journalId: journal.id,
        postingDate,
        currency: preview.currency,
        rate: '1',
        companyPrecision: preview.companyPrecision,
        memo,
        sourceType,
        sourceId: id,
        lines: lines.map((l) => ({ ...l, amount: l.amount.times(sign) })),
      });
    const posted = await entry(
      input.date,
      REVALUATION,
      `Revaluation of open ${currencies} items on ${input.date}`,
      1,
    );
    await entry(
      preview.reversalDate,
      REVALUATION_REVERSAL,
      `Reversal of the revaluation on ${input.date} (${posted.number})`,
      -1,
    );
    const view = await revaluationView(ctx.tx, id);
    ctx.audit({ entity: 'revaluation', entityId: id, after: { ...input, ...view } });
    ctx.emit('accounting.revaluationPosted', { revaluationId: id, companyId: input.companyId });
    return view;
  },
});
