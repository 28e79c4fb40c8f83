import { Type } from 'typebox';
import { ModuleState, moduleStates } from '../auth/me.js';
import type { Api } from '../http/api.js';
import { setModuleEnabledAction } from './actions/set-module-enabled.js';

const tags = ['Modules'];

export function moduleRoutes(api: Api) {
  const { platform } = api;
  const setModuleEnabled = setModuleEnabledAction(platform.modules);

  api.get(
    '/modules',
    {
      schema: {
        tags,
        summary: 'Modules and whether each is on',
        response: { 200: Type.Object({ items: Type.Array(ModuleState) }) },
      },
    },
    async (req) => ({
      items: await moduleStates(platform.db, platform.modules, req.actor.tenantId),
    }),
  );

  api.put(
    '/modules/:key',
    {
      schema: {
        tags,
        summary: 'Switch a module on or off for this workspace',
        params: Type.Object({ key: Type.String({ maxLength: 50 }) }, { additionalProperties: false }),
        body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: ModuleState },
      },
    },
    async (req) => {
      const state = await req.run(setModuleEnabled, { key: req.params.key, enabled: req.body.enabled });
      platform.modules.forget(req.actor.tenantId);
      return state;
    },
  );
}
