import { eq } from 'drizzle-orm';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { actingUserId } from '../../books.js';
import { bankJournal } from '../bank-journal.js';
import { parseCamt053 } from '../camt053.js';
import { parseCsvStatement } from '../csv-statement.js';
import { savedMapping, storeMapping } from '../import-mapping.js';
import type { ParsedStatement } from '../parsed-statement.js';
import { asFieldError } from '../rule-errors.js';
import { bankStatementLines, bankStatements } from '../schema.js';
import { ImportInput } from '../schemas.js';
import { checkStatement, lineHash } from '../statement-checks.js';
import { statementView } from '../views.js';

/** Rows per insert: PostgreSQL takes at most 65,535 parameters in one statement. */
const CHUNK = 500;

/**
 * Imports a bank statement into a bank journal: read, checked against the journal's currency and
 * its balances, then its lines written open. A line imported before (same day, amount,
 * references and counterparty account) is left out and counted; a file of nothing new writes
 * nothing.
 */
export const importBankStatement = defineAction({
  name: 'accounting.importBankStatement',
  input: ImportInput,
  permission: 'accounting:write',
  async run(ctx, input) {
    const { journal, currency, precision } = await bankJournal(ctx.tx, input.journalId);
    let parsed: ParsedStatement;
    if (input.format === 'csv') {
      const mapping = input.mapping ?? (await savedMapping(ctx.tx, journal.id));
      if (!mapping)
        throw invalidField('mapping', `journal ${journal.code} has no saved CSV mapping; send one`);
      parsed = asFieldError(() => parseCsvStatement(input.content, mapping));
      parsed.openingBalance = input.openingBalance ?? null;
      parsed.closingBalance = input.closingBalance ?? null;
      if (input.mapping && input.saveMapping) await storeMapping(ctx, journal, input.mapping);
    } else {
      parsed = asFieldError(() => parseCamt053(input.content));
    }
    asFieldError(() =>
      checkStatement(parsed, {
        code: journal.code,
        currency,
        precision,
        balancesRequired: input.format === 'camt053',
      }),
    );

    const days = parsed.lines.map((l) => l.bookingDate).sort();
    const [statement] = await ctx.tx
      .insert(bankStatements)
      .values({
        tenantId: ctx.tenantId,
        companyId: journal.companyId,
        journalId: journal.id,
        format: input.format,
        statementRef: parsed.statementRef,
        fileName: input.fileName ?? null,
        accountIban: parsed.accountIban,
        currency,
        openingBalance: parsed.openingBalance,
        closingBalance: parsed.closingBalance,
        fromDate: days[0],
        toDate: days[days.length - 1],
        importedBy: await actingUserId(ctx.tx, ctx.actor),
      })
      .returning();
    const rows = parsed.lines.map((line, i) => ({
      tenantId: ctx.tenantId,
      companyId: journal.companyId,
      statementId: statement.id,
      journalId: journal.id,
      lineNo: i + 1,
      bookingDate: line.bookingDate,
      amount: line.amount,
      currency,
      reference: line.reference,
      bankReference: line.bankReference,
      counterpartyName: line.counterpartyName,
      counterpartyIban: line.counterpartyIban,
      dedupeHash: lineHash(line),
    }));
    let imported = 0;
    for (let start = 0; start < rows.length; start += CHUNK) {
      // The unique hash decides, so two people importing the same file at once still get each line once.
      const written = await ctx.tx
        .insert(bankStatementLines)
        .values(rows.slice(start, start + CHUNK))
        .onConflictDoNothing()
        .returning({ id: bankStatementLines.id });
      imported += written.length;
    }
    const duplicates = rows.length - imported;
    if (imported === 0) {
      await ctx.tx.delete(bankStatements).where(eq(bankStatements.id, statement.id));
      return { statement: null, imported, duplicates };
    }
    if (duplicates > 0)
      await ctx.tx
        .update(bankStatements)
        .set({ duplicateCount: duplicates })
        .where(eq(bankStatements.id, statement.id));
    const view = await statementView(ctx.tx, statement.id);
    ctx.audit({
      entity: 'bank_statement',
      entityId: statement.id,
      after: { ...statement, duplicateCount: duplicates, lines: imported },
    });
    ctx.emit('bank_statement.imported', {
      statementId: statement.id,
      companyId: journal.companyId,
      imported,
    });
    return { statement: view, imported, duplicates };
  },
});
