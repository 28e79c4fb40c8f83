import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { bankJournal } from '../bank-journal.js';
import { checkCsvMapping } from '../csv-statement.js';
import { storeMapping } from '../import-mapping.js';
import { asFieldError } from '../rule-errors.js';
import { CsvMapping } from '../schemas.js';

/** Saves how the bank journal's CSV exports are read, for the imports that follow. */
export const saveBankImportMapping = defineAction({
  name: 'accounting.saveBankImportMapping',
  input: Type.Object({ journalId: Id, mapping: CsvMapping }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { journalId, mapping }) {
    const { journal } = await bankJournal(ctx.tx, journalId);
    asFieldError(() => checkCsvMapping(mapping));
    await storeMapping(ctx, journal, mapping);
    return { journalId, mapping };
  },
});
