import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { invalidField } from '../../http/problem.js';
import { moduleSwitches } from '../../tenancy/schema.js';
import type { ModuleRegistry } from '../registry.js';

/** Switching a module off hides its pages and closes its routes; its data stays as it is. */
export function setModuleEnabledAction(registry: ModuleRegistry) {
  return defineAction({
    name: 'platform.setModuleEnabled',
    input: Type.Object(
      { key: Type.String({ maxLength: 50 }), enabled: Type.Boolean() },
      { additionalProperties: false },
    ),
    permission: 'modules:manage',
    async run(ctx, { key, enabled }) {
      const module = registry.get(key);
      if (!module) throw invalidField('key', `there is no module "${key}"`);
      if (!module.switchable)
        throw invalidField(
          'key',
          `the ${module.title} module is part of every workspace and cannot be switched off`,
        );
      await ctx.tx
        .insert(moduleSwitches)
        .values({ tenantId: ctx.tenantId, moduleKey: key, enabled })
        .onConflictDoUpdate({
          target: [moduleSwitches.tenantId, moduleSwitches.moduleKey],
          set: { enabled, updatedAt: new Date() },
        });
      ctx.audit({ entity: 'module', after: { key, enabled } });
      ctx.emit(enabled ? 'platform.moduleEnabled' : 'platform.moduleDisabled', { key });
      return { key, title: module.title, switchable: true, enabled };
    },
  });
}
