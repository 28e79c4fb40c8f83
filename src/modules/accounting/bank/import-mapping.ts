import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import type { Executor } from '../../../platform/db/database.js';
import { bankImportMappings, type CsvMapping } from './schema.js';

export async function savedMapping(tx: Executor, journalId: string): Promise<CsvMapping | null> {
  const [row] = await tx
    .select({ csvMapping: bankImportMappings.csvMapping })
    .from(bankImportMappings)
    .where(eq(bankImportMappings.journalId, journalId));
  return row?.csvMapping ?? null;
}

/** Keeps the mapping for the journal's next import; the last one saved wins. */
export async function storeMapping(
  ctx: ActionContext,
  journal: { id: string; companyId: string },
  csvMapping: CsvMapping,
) {
  const before = await savedMapping(ctx.tx, journal.id);
  await ctx.tx
    .insert(bankImportMappings)
    .values({ tenantId: ctx.tenantId, companyId: journal.companyId, journalId: journal.id, csvMapping })
    .onConflictDoUpdate({
      target: [bankImportMappings.tenantId, bankImportMappings.journalId],
      set: { csvMapping, updatedAt: new Date() },
    });
  ctx.audit({ entity: 'bank_import_mapping', entityId: journal.id, before, after: csvMapping });
}
