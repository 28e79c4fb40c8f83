import { Decimal } from 'decimal.js';
import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import { counterparties } from '../../parties/schema.js';
import { invoices, openItems } from '../invoicing/schema.js';
import { journals } from '../schema.js';
import { confirmBankLine } from './actions/confirm-bank-line.js';
import { ignoreBankLine } from './actions/ignore-bank-line.js';
import { importBankStatement } from './actions/import-bank-statement.js';
import { bankJournal } from './bank-journal.js';
import { type CamtEntry, camt053Document } from './camt053-writer.js';

/**
 * A camt.053 statement of yesterday for the demo company's bank journal, on the invoices the
 * invoicing demo posted: one customer's payment confirmed against its invoice, a second
 * customer's payment and a supplier's left open with their suggestions, and the bank's fee
 * ignored with a note.
 */
export async function seedBankDemo(ctx: ActionContext) {
  const [bank] = await ctx.tx
    .select()
    .from(journals)
    .where(and(eq(journals.code, 'BNK'), eq(journals.kind, 'bank'), isNotNull(journals.defaultAccountId)))
    .orderBy(asc(journals.createdAt))
    .limit(1);
  if (!bank) return;
  const { currency } = await bankJournal(ctx.tx, bank.id);
  const owed = await ctx.tx
    .select({
      id: openItems.id,
      side: openItems.side,
      outstanding: openItems.outstanding,
      number: invoices.number,
      counterpartyId: openItems.counterpartyId,
      name: counterparties.legalName,
    })
    .from(openItems)
    .innerJoin(invoices, eq(invoices.id, openItems.invoiceId))
    .innerJoin(counterparties, eq(counterparties.id, openItems.counterpartyId))
    .where(
      and(
        eq(openItems.companyId, bank.companyId),
        eq(openItems.currency, currency),
        gt(openItems.outstanding, '0'),
      ),
    )
    .orderBy(asc(openItems.dueDate), asc(openItems.id));
  const receivables = owed.filter((o) => o.side === 'receivable');
  const payable = owed.find((o) => o.side === 'payable');
  // Paid: an instalment of an invoice that has another still open, so its customer stays in the
  // aging; left open: what another customer owes.
  const paid = receivables.find((r) => receivables.some((o) => o.number === r.number && o.id !== r.id));
  const open = receivables.find((r) => r.counterpartyId !== paid?.counterpartyId);
  if (!paid || !open || !payable) return;

  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const yearStart = `${new Date().toISOString().slice(0, 4)}-01-01`;
  const day = yesterday < yearStart ? yearStart : yesterday;
  const amount = (value: string, sign = 1) => new Decimal(value).times(sign).toFixed(2);
  const entries: CamtEntry[] = [
    {
      bookingDate: day,
      amount: amount(paid.outstanding),
      reference: `${paid.number} first instalment`,
      counterpartyName: paid.name.toUpperCase(),
      counterpartyIban: null,
      bankReference: 'DEMO-0001',
    },
    {
      bookingDate: day,
      amount: amount(open.outstanding),
      reference: `Payment ${open.number}, thank you`,
      counterpartyName: open.name,
      counterpartyIban: null,
      bankReference: 'DEMO-0002',
    },
    {
      bookingDate: day,
      amount: amount(payable.outstanding, -1),
      reference: 'Order 7781',
      counterpartyName: payable.name,
      counterpartyIban: 'DE89370400440532013000',
      bankReference: 'DEMO-0003',
    },
    {
      bookingDate: day,
      amount: '-4.90',
      reference: 'Account maintenance fee',
      counterpartyName: null,
      counterpartyIban: null,
      bankReference: 'DEMO-0004',
    },
  ];
  const imported = await ctx.call(importBankStatement, {
    journalId: bank.id,
    format: 'camt053',
    fileName: `statement-${day}.xml`,
    content: camt053Document({
      statementId: `DEMO-${day}`,
      iban: 'BG18RZBB91550123456789',
      currency,
      openingBalance: '5000.00',
      entries,
    }),
  });
  const lines = imported.statement?.lines ?? [];
  if (lines.length !== entries.length) return;
  await ctx.call(confirmBankLine, {
    id: lines[0].id,
    counterpartyId: paid.counterpartyId,
    allocations: [{ openItemId: paid.id, amount: amount(paid.outstanding) }],
  });
  await ctx.call(ignoreBankLine, { id: lines[3].id, note: 'Bank fees: booked monthly by journal entry' });
}
