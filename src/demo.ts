import { Type } from 'typebox';
import { systemActor } from './platform/actions/actor.js';
import { defineAction } from './platform/actions/define-action.js';
import { randomSecret } from './platform/auth/secrets.js';
import type { Platform } from './platform/platform.js';
import { createTenant } from './platform/tenancy/create-tenant.js';

export const DEMO_ADMIN_EMAIL = 'admin@demo.tandem';

export interface DemoLogin {
  tenantId: string;
  email: string;
  /** Undefined when the password came from TANDEM_ADMIN_PASSWORD: it is not printed back. */
  generatedPassword?: string;
}

/** A clean workspace for production: the first company and administrator, no demo records. */
export async function seedFirstWorkspace(
  platform: Platform,
  admin: { email?: string; password?: string },
  company: { name: string; baseCurrency: string },
): Promise<DemoLogin> {
  const email = admin.email ?? 'admin@tandem.local';
  const generatedPassword = admin.password ? undefined : randomSecret(12);
  const { tenantId } = await createTenant(platform, company.name, {
    admin: { email, name: 'Administrator', password: admin.password ?? generatedPassword! },
    company,
  });
  return { tenantId, email, generatedPassword };
}

/** A demo workspace that shows every module working on the first `npm start`. */
export async function seedDemo(
  platform: Platform,
  admin: { email?: string; password?: string } = {},
): Promise<DemoLogin> {
  const email = admin.email ?? DEMO_ADMIN_EMAIL;
  const generatedPassword = admin.password ? undefined : randomSecret(12);
  const { tenantId } = await createTenant(platform, 'Demo Workspace', {
    admin: { email, name: 'Demo Admin', password: admin.password ?? generatedPassword! },
    company: {
      name: 'Demo Trading Ltd',
      baseCurrency: 'EUR',
      taxId: 'DE811907980',
      address: {
        country: 'DE',
        region: 'Berlin',
        city: 'Berlin',
        street: 'Friedrichstraße',
        building: '68',
        postcode: '10117',
      },
    },
  });
  const modules = platform.modules.modules;
  const fillDemo = defineAction({
    name: 'platform.seedDemo',
    input: Type.Object({}),
    permission: '*',
    async run(ctx) {
      for (const module of modules) await module.seedDemo?.(ctx);
    },
  });
  await platform.runner.run(fillDemo, systemActor(tenantId), {});
  return { tenantId, email, generatedPassword };
}
