import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { checkDefaultAccount, lockJournal } from '../journal-checks.js';
import { journals } from '../schema.js';
import { JournalFields } from '../schemas.js';

const { companyId: _company, ...Changeable } = JournalFields;

/** Numbers already given keep the code they were given with; a new code numbers the next year's series. */
export const updateJournal = defineAction({
  name: 'accounting.updateJournal',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(Changeable)).properties },
    { additionalProperties: false },
  ),
  permission: 'accounting:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockJournal(ctx.tx, id);
    await checkDefaultAccount(ctx.tx, before.companyId, changes.defaultAccountId);
    const [after] = await ctx.tx.update(journals).set(changes).where(eq(journals.id, id)).returning();
    ctx.audit({ entity: 'journal', entityId: id, before, after });
    return after;
  },
});
