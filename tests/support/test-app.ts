import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app.js';
import { readConfig } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/db/database.js';
import { createTenant } from '../../src/platform/tenancy/create-tenant.js';
import { openTestDatabase, testDatabaseUrl } from './test-db.js';

export const ADMIN_PASSWORD = 'correct horse battery';

export interface Client {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** A real server on a real database with one tenant ("Acme") and its administrator. */
export async function startTestApp(options: { database?: Database; skipTenant?: boolean } = {}) {
  const database = options.database ?? (await openTestDatabase());
  const config = { ...readConfig({}), databaseUrl: testDatabaseUrl() };
  const { platform, server } = await createApp(config, database);
  await server.ready();

  async function makeTenant(name: string, adminEmail: string) {
    return createTenant(platform, name, {
      admin: { email: adminEmail, name: `${name} Admin`, password: ADMIN_PASSWORD },
      company: { name: `${name} Ltd`, baseCurrency: 'EUR' },
    });
  }

  function client(headers: Record<string, string> = {}): Client {
    const inject = (o: InjectOptions) =>
      server.inject({ ...o, headers: { ...headers, ...(o.headers as Record<string, string>) } });
    return {
      inject,
      get: (url) => inject({ method: 'GET', url }),
      post: (url, payload, extra) => inject({ method: 'POST', url, payload: payload as any, headers: extra }),
      patch: (url, payload) => inject({ method: 'PATCH', url, payload: payload as any }),
      put: (url, payload) => inject({ method: 'PUT', url, payload: payload as any }),
    };
  }

  /** Logs in through the API and returns a client that sends the session cookie. */
  async function login(email: string, password = ADMIN_PASSWORD): Promise<Client> {
    const res = await server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'tandem_session')!;
    return client({ cookie: `tandem_session=${cookie.value}` });
  }

  const acme = options.skipTenant
    ? { tenantId: '', companyId: '', adminUserId: '' }
    : await makeTenant('Acme', 'admin@acme.test');
  return {
    platform,
    server,
    database,
    acme,
    makeTenant,
    client,
    login,
    async close() {
      await server.close();
      await platform.stop();
      await database.close();
    },
  };
}
