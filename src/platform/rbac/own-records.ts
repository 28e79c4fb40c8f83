import { type AnyColumn, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../actions/actor.js';

/**
 * The row filter for modules that limit some roles to their own records (a sales rep sees the
 * clients, deals and interactions they are responsible for). Undefined means no limit.
 */
export function ownRecordsOnly(actor: Actor, responsibleColumn: AnyColumn): SQL | undefined {
  if (!actor.ownRecordsOnly) return undefined;
  return eq(responsibleColumn, actor.userId ?? '00000000-0000-0000-0000-000000000000');
}
