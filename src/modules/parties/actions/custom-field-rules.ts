import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Tx } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/http/problem.js';
import type { CustomFieldOptions } from '../party-schemas.js';
import { customFields } from '../schema.js';
import type { FieldProblems } from './party-rules.js';

type Options = Static<typeof CustomFieldOptions>;

/** Choices belong to choice fields and a target to reference fields; each needs its own. */
export function checkFieldOptions(type: string, options: Options, problems: FieldProblems) {
  const choices = options.choices ?? [];
  if (type === 'choice') {
    if (!choices.length) problems.add('options.choices', 'a choice field needs at least one choice');
    const seen = new Set<string>();
    choices.forEach((choice, i) => {
      if (seen.has(choice)) problems.add(`options.choices.${i}`, `"${choice}" is listed twice`);
      seen.add(choice);
    });
  } else if (options.choices)
    problems.add('options.choices', `only a choice field has choices, not a ${type} field`);
  if (type === 'reference' && !options.references)
    problems.add('options.references', 'a reference field must say what it refers to');
  if (type !== 'reference' && options.references)
    problems.add('options.references', `only a reference field refers to something, not a ${type} field`);
}

export async function lockCustomField(tx: Tx, id: string) {
  const [field] = await tx.select().from(customFields).where(eq(customFields.id, id)).for('update');
  if (!field) throw notFound('Custom field', id);
  return field;
}
