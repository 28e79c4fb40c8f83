import { and, eq, isNull } from 'drizzle-orm';
import type { AppDb } from '../db/database.js';
import { inTenant } from '../db/tenant-context.js';
import type { PermissionInfo } from '../rbac/permissions.js';
import { moduleSwitches, tenants } from '../tenancy/schema.js';
import type { ModuleDefinition } from './module.js';

/** How long a switch read from the database is trusted by this process; other instances see a change within it. */
const SWITCH_CACHE_MS = 5_000;

export class ModuleRegistry {
  private readonly cache = new Map<string, { at: number; off: Set<string> }>();

  constructor(readonly modules: ModuleDefinition[]) {
    const keys = new Set<string>();
    for (const m of modules) {
      if (keys.has(m.key)) throw new Error(`Module ${m.key} is listed twice`);
      keys.add(m.key);
    }
  }

  get(key: string): ModuleDefinition | undefined {
    return this.modules.find((m) => m.key === key);
  }

  permissions(): (PermissionInfo & { module: string })[] {
    return this.modules.flatMap((m) => m.permissions.map((p) => ({ ...p, module: m.key })));
  }

  /** The switched-off modules of a tenant. */
  async switchedOff(db: AppDb, tenantId: string): Promise<Set<string>> {
    const hit = this.cache.get(tenantId);
    if (hit && Date.now() - hit.at < SWITCH_CACHE_MS) return hit.off;
    const rows = await inTenant(db, { tenantId }, (tx) =>
      tx
        .select({ key: moduleSwitches.moduleKey })
        .from(moduleSwitches)
        .where(and(eq(moduleSwitches.tenantId, tenantId), eq(moduleSwitches.enabled, false))),
    );
    const off = new Set(rows.map((r) => r.key).filter((k) => this.get(k)?.switchable));
    this.cache.set(tenantId, { at: Date.now(), off });
    return off;
  }

  /**
   * The workspaces that have a module switched on: a module's scheduled job works for these
   * only, so switching a module off stops its background work too.
   */
  async tenantsUsing(db: AppDb, moduleKey: string): Promise<string[]> {
    const all = await db.select({ id: tenants.id }).from(tenants).where(isNull(tenants.archivedAt));
    const using: string[] = [];
    for (const { id } of all) if (!(await this.switchedOff(db, id)).has(moduleKey)) using.push(id);
    return using;
  }

  forget(tenantId: string) {
    this.cache.delete(tenantId);
  }
}
