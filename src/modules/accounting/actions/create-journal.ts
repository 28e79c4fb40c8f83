import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { companyBooks } from '../books.js';
import { checkDefaultAccount } from '../journal-checks.js';
import { journals } from '../schema.js';
import { JournalFields } from '../schemas.js';

export const createJournal = defineAction({
  name: 'accounting.createJournal',
  input: Type.Object(JournalFields, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, input) {
    await companyBooks(ctx.tx, input.companyId);
    await checkDefaultAccount(ctx.tx, input.companyId, input.defaultAccountId);
    const [journal] = await ctx.tx
      .insert(journals)
      .values({ ...input, tenantId: ctx.tenantId })
      .returning();
    ctx.audit({ entity: 'journal', entityId: journal.id, after: journal });
    return journal;
  },
});
