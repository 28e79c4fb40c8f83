import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { systemActor } from '../actions/actor.js';
import { newId } from '../db/columns.js';
import type { Platform } from '../platform.js';
import { type SetUpTenantInput, setUpTenantAction } from './actions/set-up-tenant.js';
import { tenants } from './schema.js';

/** A new workspace with its first company and administrator. */
export async function createTenant(platform: Platform, name: string, input: Static<typeof SetUpTenantInput>) {
  const tenantId = newId();
  // The tenant row is global (no tenant context can exist before it), the rest is one action.
  await platform.db.insert(tenants).values({ id: tenantId, name });
  try {
    const result = await platform.runner.run(
      setUpTenantAction(platform.modules.modules),
      systemActor(tenantId),
      input,
    );
    return { tenantId, ...result };
  } catch (error) {
    await platform.db.delete(tenants).where(eq(tenants.id, tenantId));
    throw error;
  }
}
