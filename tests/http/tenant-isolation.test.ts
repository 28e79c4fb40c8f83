import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberRoles } from '../../src/platform/actions/actor.js';
import { sqlRows } from '../../src/platform/db/database.js';
import { openServer } from '../../src/platform/db/server.js';
import { inTenant } from '../../src/platform/db/tenant-context.js';
import { withDatabase } from '../support/global-setup.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { testDatabaseUrl } from '../support/test-db.js';

let t: TestApp;
let acme: Client;
let beta: Client;
let betaTenant: string;
let tenantTables: string[];

beforeAll(async () => {
  t = await startTestApp();
  betaTenant = (await t.makeTenant('Beta', 'admin@beta.test')).tenantId;
  acme = await t.login('admin@acme.test');
  beta = await t.login('admin@beta.test');
  await acme.post('/api/v1/api-tokens', {
    name: 'Acme bot',
    roleId: (await acme.get('/api/v1/roles')).json().items[0].id,
  });
  const rows = await t.database.query<{ table_name: string }>(
    "select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by 1",
  );
  tenantTables = rows.map((r) => r.table_name);
});
afterAll(() => t.close());

describe('row-level security', () => {
  it('puts every table with a tenant_id under a forced policy', async () => {
    const rows = await t.database.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(`select relname, relrowsecurity, relforcerowsecurity from pg_class where relname = any($1::text[])`, [
      tenantTables,
    ]);
    expect(tenantTables.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.relrowsecurity && r.relforcerowsecurity)).toBe(true);
  });

  it("a raw query in tenant B's context sees none of tenant A's rows, in any table", async () => {
    const acmeId = t.acme.tenantId;
    let acmeRowsSeenByAcme = 0;
    for (const table of tenantTables) {
      const count = (tenantId: string) =>
        inTenant(t.platform.db, { tenantId }, async (tx) => {
          const [row] = await sqlRows<{ n: number }>(
            tx,
            sql.raw(`select count(*)::int as n from "${table}" where tenant_id = '${acmeId}'`),
          );
          return row.n;
        });
      expect({ table, seen: await count(betaTenant) }).toEqual({ table, seen: 0 });
      acmeRowsSeenByAcme += await count(acmeId);
    }
    expect(acmeRowsSeenByAcme).toBeGreaterThan(300);
  });

  it("refuses to write a row into another tenant from a tenant's context", async () => {
    const write = inTenant(t.platform.db, { tenantId: betaTenant }, (tx) =>
      tx.execute(
        sql`insert into positions (id, tenant_id, name) values (gen_random_uuid(), ${t.acme.tenantId}, 'Spy')`,
      ),
    );
    await expect(write).rejects.toThrow();
  });

  it('on PostgreSQL, an app login role without BYPASSRLS sees nothing outside a tenant context', async () => {
    const url = testDatabaseUrl();
    if (!url) return; // PGlite has one superuser connection; its isolation is the role switch tested above.
    const dbName = (await t.database.query<{ d: string }>('select current_database() as d'))[0].d;
    await t.database.exec(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tandem_login_test') THEN
        CREATE ROLE tandem_login_test LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE tandem_app;
      END IF; END $$`);
    const u = new URL(withDatabase(url, dbName));
    u.username = 'tandem_login_test';
    const appLogin = await openServer({ url: u.toString(), poolSize: 1 });
    try {
      expect(await appLogin.query('select count(*)::int as n from companies')).toEqual([{ n: 0 }]);
      const scoped = await inTenant(appLogin.db, { tenantId: betaTenant }, (tx) =>
        sqlRows(tx, sql`select name from companies`),
      );
      expect(scoped).toEqual([{ name: 'Beta Ltd' }]);
    } finally {
      await appLogin.close();
    }
  });
});

describe('through the API', () => {
  it("a foreign tenant's ids answer 404 and change nothing", async () => {
    const acmeCompany = (await acme.get('/api/v1/companies')).json().items[0];
    expect((await beta.get(`/api/v1/companies/${acmeCompany.id}`)).statusCode).toBe(404);
    const patch = await beta.patch(`/api/v1/companies/${acmeCompany.id}`, { name: 'Hijacked' });
    expect(patch.statusCode).toBe(404);
    expect((await acme.get(`/api/v1/companies/${acmeCompany.id}`)).json().name).toBe('Acme Ltd');
  });

  it('lists show only the own tenant', async () => {
    expect((await beta.get('/api/v1/companies')).json().items.map((c: any) => c.name)).toEqual(['Beta Ltd']);
    expect((await beta.get('/api/v1/api-tokens')).json().items).toEqual([]);
    expect((await beta.get('/api/v1/users')).json().items.map((u: any) => u.email)).toEqual([
      'admin@beta.test',
    ]);
  });

  it('a user of two workspaces switches between them', async () => {
    const roleId = (await beta.get('/api/v1/roles')).json().items.find((r: any) => r.key === 'admin').id;
    const { token } = (
      await beta.post('/api/v1/invitations', { email: 'admin@acme.test', roleIds: [roleId] })
    ).json();
    const accepted = await t
      .client()
      .post('/api/v1/auth/invitations/accept', { token, name: 'ignored', password: 'correct horse battery' });
    expect(accepted.json().tenants.map((x: any) => x.name)).toEqual(['Acme', 'Beta']);
    const both = await t.login('admin@acme.test');
    const me = await both.post('/api/v1/auth/switch-tenant', { tenantId: betaTenant });
    expect(me.json().tenant.name).toBe('Beta');
    expect((await both.get('/api/v1/companies')).json().items.map((c: any) => c.name)).toEqual(['Beta Ltd']);
  });

  it('a member deactivated in one workspace gets no roles there, whatever they have in another', async () => {
    const acmeAdmin = await t.login('admin@acme.test');
    const adminRole = (await acmeAdmin.get('/api/v1/roles'))
      .json()
      .items.find((r: any) => r.key === 'admin').id;
    await acmeAdmin.post('/api/v1/users', {
      email: 'keeper@acme.test',
      name: 'Keeper',
      password: 'keeper password',
      roleIds: [adminRole],
    });
    const keeper = await t.login('keeper@acme.test', 'keeper password');
    const userId = t.acme.adminUserId;
    expect((await keeper.patch(`/api/v1/users/${userId}`, { active: false })).statusCode).toBe(200);
    const rolesIn = (tenantId: string) =>
      inTenant(t.platform.db, { tenantId, userId }, (tx) => memberRoles(tx, tenantId, userId));
    expect(await rolesIn(t.acme.tenantId)).toBeUndefined();
    expect(await rolesIn(betaTenant)).toHaveLength(1);
  });
});
