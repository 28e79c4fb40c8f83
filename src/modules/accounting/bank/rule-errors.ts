import { invalidField } from '../../../platform/http/problem.js';
import { RuleError } from '../rules/rule-error.js';

/** Runs a rule; the rule's objection becomes a 422 naming its field. */
export function asFieldError<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof RuleError) throw invalidField(error.field, error.message);
    throw error;
  }
}
