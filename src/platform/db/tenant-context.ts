import { sql } from 'drizzle-orm';
import type { AppDb, Tx } from './database.js';

export interface TenantScope {
  tenantId: string;
  userId?: string | null;
}

/**
 * Opens a transaction that works as the tandem_app role for one tenant: from here on the
 * database's row-level security shows and accepts only that tenant's rows. One round trip:
 * `set_config('role', ...)` is `SET LOCAL ROLE` in a form that takes parameters alongside.
 */
export function inTenant<T>(db: AppDb, scope: TenantScope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'tandem_app', true), set_config('app.tenant', ${scope.tenantId}, true), set_config('app.user', ${scope.userId ?? ''}, true)`,
    );
    return work(tx as Tx);
  });
}
