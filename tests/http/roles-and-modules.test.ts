import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let roles: Record<string, any>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  roles = Object.fromEntries((await admin.get('/api/v1/roles')).json().items.map((r: any) => [r.key, r]));
});
afterAll(() => t.close());

async function userWithRoles(email: string, roleIds: string[]) {
  const res = await admin.post('/api/v1/users', {
    email,
    name: email.split('@')[0],
    password: 'long enough 123',
    roleIds,
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id as string, client: await t.login(email, 'long enough 123') };
}

describe('roles', () => {
  it('every tenant starts with the seven built-in roles', () => {
    expect(Object.keys(roles).sort()).toEqual([
      'accountant',
      'admin',
      'hr',
      'production',
      'sales_manager',
      'sales_rep',
      'warehouse',
    ]);
    expect(roles.sales_rep).toMatchObject({ builtin: true, ownRecordsOnly: true });
  });

  it('built-in roles cannot be edited', async () => {
    const res = await admin.patch(`/api/v1/roles/${roles.accountant.id}`, { permissions: ['*'] });
    expect(res.statusCode).toBe(409);
  });

  it('a custom role grants exactly its permissions, and editing it takes effect at once', async () => {
    const created = await admin.post('/api/v1/roles', {
      name: 'Office manager',
      permissions: ['users:read', 'users:read'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ builtin: false, permissions: ['users:read'] });
    const { client } = await userWithRoles('office@acme.test', [created.json().id]);
    expect((await client.get('/api/v1/users')).statusCode).toBe(200);
    expect((await client.get('/api/v1/audit-log')).statusCode).toBe(403);
    expect((await client.post('/api/v1/companies', { name: 'Nope', baseCurrency: 'EUR' })).statusCode).toBe(
      403,
    );
    await admin.patch(`/api/v1/roles/${created.json().id}`, {
      permissions: ['users:read', 'companies:manage'],
    });
    expect(
      (await client.post('/api/v1/companies', { name: 'Now Yes', baseCurrency: 'EUR' })).statusCode,
    ).toBe(201);
    await admin.post(`/api/v1/roles/${created.json().id}/archive`);
    expect((await client.get('/api/v1/users')).statusCode).toBe(403);
  });

  it('whoever manages API tokens may read the roles to pick from, and nothing more', async () => {
    const tokenKeeper = (
      await admin.post('/api/v1/roles', { name: 'Token keeper', permissions: ['integrations:manage'] })
    ).json();
    const { client } = await userWithRoles('keeper@acme.test', [tokenKeeper.id]);
    expect((await client.get('/api/v1/roles')).statusCode).toBe(200);
    expect((await client.get('/api/v1/users')).statusCode).toBe(403);
  });

  it('refuses malformed permission strings', async () => {
    const res = await admin.post('/api/v1/roles', { name: 'Broken', permissions: ['everything please'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('permissions.0');
  });

  it('lists the permissions of every module', async () => {
    const keys = (await admin.get('/api/v1/permissions')).json().items.map((p: any) => p.key);
    expect(keys).toEqual(
      expect.arrayContaining(['users:manage', 'directories:manage', 'integrations:manage', 'audit:read']),
    );
  });

  it('the last administrator cannot lose the admin role', async () => {
    const me = (await admin.get('/api/v1/auth/me')).json().user;
    const res = await admin.patch(`/api/v1/users/${me.id}`, { roleIds: [roles.accountant.id] });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('last active administrator');
    const self = await admin.patch(`/api/v1/users/${me.id}`, { active: false });
    expect(self.statusCode).toBe(409);
    expect(self.json().errors).toEqual([{ field: 'active', reason: 'cannot be switched off for yourself' }]);
  });

  it('every change leaves an audit row with the actor and before/after values', async () => {
    const created = (
      await admin.post('/api/v1/roles', { name: 'Audited', permissions: ['audit:read'] })
    ).json();
    await admin.patch(`/api/v1/roles/${created.id}`, { description: 'Reads the log' });
    const log = (await admin.get(`/api/v1/audit-log?entityId=${created.id}`)).json().items;
    expect(log.map((r: any) => r.action)).toEqual(['platform.updateRole', 'platform.createRole']);
    expect(log[0]).toMatchObject({
      actorName: 'Acme Admin',
      entity: 'role',
      before: { description: null },
      after: { description: 'Reads the log' },
    });
  });
});

describe('functional options', () => {
  it('a switched-off module answers 404 with a clear problem, keeps its data, and comes back', async () => {
    const token = (
      await admin.post('/api/v1/api-tokens', { name: 'Kept', roleId: roles.accountant.id })
    ).json();
    const off = await admin.put('/api/v1/modules/integrations', { enabled: false });
    expect(off.json()).toMatchObject({ key: 'integrations', enabled: false });
    const closed = await admin.get('/api/v1/api-tokens');
    expect(closed.statusCode).toBe(404);
    expect(closed.json()).toMatchObject({
      title: 'Module is switched off',
      detail: expect.stringContaining('integrations'),
    });
    const me = (await admin.get('/api/v1/auth/me')).json();
    expect(me.modules.find((m: any) => m.key === 'integrations').enabled).toBe(false);
    await admin.put('/api/v1/modules/integrations', { enabled: true });
    expect((await admin.get('/api/v1/api-tokens')).json().items.map((x: any) => x.id)).toContain(token.id);
  });

  it('platform modules cannot be switched off; unknown modules are named', async () => {
    expect((await admin.put('/api/v1/modules/platform', { enabled: false })).statusCode).toBe(422);
    const unknown = await admin.put('/api/v1/modules/teleport', { enabled: false });
    expect(unknown.json().errors).toEqual([{ field: 'key', reason: 'there is no module "teleport"' }]);
  });

  it('only modules:manage may switch', async () => {
    const { client } = await userWithRoles('clerk@acme.test', [roles.accountant.id]);
    expect((await client.put('/api/v1/modules/integrations', { enabled: false })).statusCode).toBe(403);
  });
});
