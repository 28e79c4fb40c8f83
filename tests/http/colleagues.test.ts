import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login('admin@acme.test');
  const roles = Object.fromEntries(
    (await admin.get('/api/v1/roles')).json().items.map((r: any) => [r.key, r.id]),
  );
  for (const [email, name] of [
    ['rep@acme.test', 'Rita Rep'],
    ['boss@acme.test', 'Boris Boss'],
  ])
    await admin.post('/api/v1/users', {
      email,
      name,
      password: 'a long password 1',
      roleIds: [email.startsWith('rep') ? roles.sales_rep : roles.sales_manager],
    });
});
afterAll(() => t.close());

describe('colleagues', () => {
  it('gives anyone signed in the names of the members, without their emails or roles', async () => {
    const rep = await t.login('rep@acme.test', 'a long password 1');
    expect((await rep.get('/api/v1/users')).statusCode).toBe(403);
    const res = await rep.get('/api/v1/colleagues?sort=name');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((c: any) => c.name)).toEqual(['Acme Admin', 'Boris Boss', 'Rita Rep']);
    expect(Object.keys(items[0]).sort()).toEqual(['active', 'id', 'name']);
  });

  it('filters by name and pages', async () => {
    const boss = await t.login('boss@acme.test', 'a long password 1');
    expect((await boss.get('/api/v1/colleagues?q=rit')).json().items.map((c: any) => c.name)).toEqual([
      'Rita Rep',
    ]);
    const first = (await boss.get('/api/v1/colleagues?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const rest = (await boss.get(`/api/v1/colleagues?limit=2&cursor=${first.nextCursor}`)).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });

  it('is not for strangers', async () => {
    expect((await t.client().get('/api/v1/colleagues')).statusCode).toBe(401);
  });
});
