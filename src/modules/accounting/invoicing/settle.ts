import { Decimal } from 'decimal.js';
import { eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import { conflict, invalidField, notFound } from '../../../platform/http/problem.js';
import { actingUserId, companyBooks } from '../books.js';
import { exchangeDifference } from '../rules/exchange-difference.js';
import { journalOfKind, settingAccount } from './documents.js';
import { postDocumentEntry, reverseDocumentEntry } from './post-entry.js';
import { allocations, openItems } from './schema.js';
import type { AllocationRow, OpenItemRow } from './views.js';

/** Both items under FOR UPDATE, always in the same order so two allocations never deadlock. */
async function lockItems(ctx: ActionContext, ids: string[]) {
  const rows = await ctx.tx
    .select()
    .from(openItems)
    .where(inArray(openItems.id, [...ids].sort()))
    .orderBy(openItems.id)
    .for('update');
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('Open item', id);
    return row;
  });
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Posts the realised exchange result of an allocation: the receivable or payable moves by the
 * difference between what left the item (at its rate) and what came in with the settling
 * document (at its rate); the other side goes to exchange gain or loss. In the company currency.
 */
async function postExchangeEntry(
  ctx: ActionContext,
  item: OpenItemRow,
  allocationId: string,
  postingDate: string,
  /** What the receivable or payable balance moves by, signed as the open items are. */
  change: Decimal,
) {
  const company = await companyBooks(ctx.tx, item.companyId);
  // A receivable's balance is a debit, a payable's a credit.
  const controlAmount = item.side === 'receivable' ? change : change.negated();
  const isLoss = controlAmount.isNegative();
  const resultAccountId = await settingAccount(
    ctx.tx,
    item.companyId,
    isLoss ? 'exchangeLossAccountId' : 'exchangeGainAccountId',
  );
  const journal = await journalOfKind(ctx.tx, item.companyId, 'general');
  return postDocumentEntry(ctx, {
    companyId: item.companyId,
    journalId: journal.id,
    postingDate,
    currency: company.currency,
    rate: '1',
    companyPrecision: company.precision,
    memo: `Exchange ${isLoss ? 'loss' : 'gain'} on settling ${item.currency} ${item.side}`,
    sourceType: 'allocation',
    sourceId: allocationId,
    lines: [
      { accountId: item.accountId, amount: controlAmount, counterpartyId: item.counterpartyId },
      { accountId: resultAccountId, amount: controlAmount.negated() },
    ],
  });
}

export interface AllocationInput {
  /** The item settled: an invoice's instalment (positive), or a credit a refund pays out (negative). */
  itemId: string;
  /** What settles it, of the opposite sign: a payment's or credit note's item, or a refund's. */
  settlingId: string;
  amount: string;
  allocatedOn?: string;
  paymentId: string | null;
}

/**
 * Settles part of an open item with a payment or credit: both items' outstanding amounts move in
 * this transaction under FOR UPDATE, and an exchange entry books what the two rates make of it.
 */
export async function allocate(ctx: ActionContext, input: AllocationInput) {
  const [item, settling] = await lockItems(ctx, [input.itemId, input.settlingId]);
  checkPair(item, settling);
  const amount = new Decimal(input.amount);
  // Both items move towards zero: a debt settled by a credit, or a credit paid out by a refund.
  const toward = signOf(item);
  const outstanding = new Decimal(item.outstanding).times(toward);
  const available = new Decimal(settling.outstanding).times(-toward);
  if (amount.greaterThan(outstanding))
    throw invalidField(
      'amount',
      `${input.amount} ${item.currency} is more than the ${outstanding.toFixed()} still open on the item`,
    );
  if (amount.greaterThan(available))
    throw invalidField(
      'amount',
      `${input.amount} ${item.currency} is more than the ${available.toFixed()} left to allocate`,
    );
  const company = await companyBooks(ctx.tx, item.companyId);
  const places = company.precision;
  const standard = exchangeDifference({
    allocatedAmount: input.amount,
    invoiceRate: item.rate,
    paymentRate: settling.rate,
    companyPrecision: places,
    side: item.side as 'receivable' | 'payable',
  });
  // An item settled in full leaves exactly nothing in the company currency: the last allocation
  // takes what earlier roundings left on it.
  const itemClosed = amount.equals(outstanding);
  const settlingClosed = amount.equals(available);
  const atItemRate = itemClosed
    ? new Decimal(item.outstandingInCompanyCurrency).times(toward)
    : new Decimal(standard.atInvoiceRate);
  const atSettlingRate = settlingClosed
    ? new Decimal(settling.outstandingInCompanyCurrency).times(-toward)
    : new Decimal(standard.atPaymentRate);
  const allocatedOn = input.allocatedOn ?? later(item.documentDate, settling.documentDate);
  const id = uuidv7();
  const change = atSettlingRate.minus(atItemRate).times(toward);
  const exchange = change.isZero() ? null : await postExchangeEntry(ctx, item, id, allocatedOn, change);
  const [row] = await ctx.tx
    .insert(allocations)
    .values({
      id,
      tenantId: ctx.tenantId,
      companyId: item.companyId,
      openItemId: item.id,
      settledById: settling.id,
      paymentId: input.paymentId,
      allocatedOn,
      amount: amount.toFixed(decimalsOf(item.amount)),
      amountAtItemRate: atItemRate.toFixed(places),
      amountAtSettlingRate: atSettlingRate.toFixed(places),
      exchangeEntryId: exchange?.id ?? null,
      createdBy: await actingUserId(ctx.tx, ctx.actor),
    })
    .returning();
  await moveOutstanding(ctx, item, amount.times(-toward), atItemRate.times(-toward));
  await moveOutstanding(ctx, settling, amount.times(toward), atSettlingRate.times(toward));
  ctx.audit({ entity: 'allocation', entityId: row.id, after: row });
  return row;
}

/** Undoing adds the opposite row, naming the one it undoes, and reverses its exchange entry. */
export async function undoAllocation(ctx: ActionContext, allocation: AllocationRow) {
  if (allocation.undoesId)
    throw conflict(`Allocation ${allocation.id} undoes another; it cannot be undone itself.`, [
      { field: 'id', reason: 'is an undoing row' },
    ]);
  const [item, settling] = await lockItems(ctx, [allocation.openItemId, allocation.settledById]);
  const [undone] = await ctx.tx.select().from(allocations).where(eq(allocations.undoesId, allocation.id));
  if (undone)
    throw conflict(`Allocation ${allocation.id} was already undone by ${undone.id}.`, [
      { field: 'id', reason: 'is already undone' },
    ]);
  const id = uuidv7();
  const reversal = allocation.exchangeEntryId
    ? await reverseDocumentEntry(ctx, allocation.exchangeEntryId, {
        sourceType: 'allocation',
        sourceId: id,
        memo: `Undoing allocation ${allocation.id}`,
      })
    : null;
  const negate = (value: string) => new Decimal(value).negated().toFixed(decimalsOf(value));
  const [row] = await ctx.tx
    .insert(allocations)
    .values({
      id,
      tenantId: ctx.tenantId,
      companyId: allocation.companyId,
      openItemId: allocation.openItemId,
      settledById: allocation.settledById,
      paymentId: allocation.paymentId,
      allocatedOn: allocation.allocatedOn,
      amount: negate(allocation.amount),
      amountAtItemRate: negate(allocation.amountAtItemRate),
      amountAtSettlingRate: negate(allocation.amountAtSettlingRate),
      exchangeEntryId: reversal?.id ?? null,
      undoesId: allocation.id,
      createdBy: await actingUserId(ctx.tx, ctx.actor),
    })
    .returning();
  const toward = signOf(item);
  await moveOutstanding(
    ctx,
    item,
    new Decimal(allocation.amount).times(toward),
    new Decimal(allocation.amountAtItemRate).times(toward),
  );
  await moveOutstanding(
    ctx,
    settling,
    new Decimal(allocation.amount).times(-toward),
    new Decimal(allocation.amountAtSettlingRate).times(-toward),
  );
  ctx.audit({ entity: 'allocation', entityId: row.id, after: row });
  return row;
}

const decimalsOf = (value: string) => value.split('.')[1]?.length ?? 0;

/** 1 for a debt (an invoice, a refund), -1 for a credit: the sign of the item's own amount. */
const signOf = (item: OpenItemRow) => (new Decimal(item.amount).isNegative() ? -1 : 1);

async function moveOutstanding(ctx: ActionContext, item: OpenItemRow, by: Decimal, byInCompany: Decimal) {
  const outstanding = new Decimal(item.outstanding).plus(by);
  const inCompany = outstanding.isZero()
    ? new Decimal(0)
    : new Decimal(item.outstandingInCompanyCurrency).plus(byInCompany);
  await ctx.tx
    .update(openItems)
    .set({
      outstanding: outstanding.toFixed(decimalsOf(item.amount)),
      outstandingInCompanyCurrency: inCompany.toFixed(decimalsOf(item.amountInCompanyCurrency)),
    })
    .where(eq(openItems.id, item.id));
}

function checkPair(item: OpenItemRow, settling: OpenItemRow) {
  if (
    item.companyId !== settling.companyId ||
    item.side !== settling.side ||
    item.counterpartyId !== settling.counterpartyId
  )
    throw invalidField(
      'openItemId',
      `the item is a ${item.side} of another counterparty or company than the ${settling.side} settling it`,
    );
  if (item.currency !== settling.currency)
    throw invalidField(
      'openItemId',
      `the item is in ${item.currency} and what settles it in ${settling.currency}; allocate within one currency`,
    );
  const left = new Decimal(item.outstanding);
  if (left.isZero())
    throw invalidField('openItemId', `the item has nothing left to settle (outstanding ${item.outstanding})`);
  if (new Decimal(settling.outstanding).times(signOf(item)).greaterThanOrEqualTo(0))
    throw invalidField(
      'openItemId',
      left.isPositive()
        ? `what should settle it has no credit left to allocate (outstanding ${settling.outstanding})`
        : `the item is a credit (outstanding ${item.outstanding}); only a refund or a debt of the counterparty settles it, and this has nothing of that left (outstanding ${settling.outstanding})`,
    );
}
