import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let clientId: string;
let fair: string;
let radio: string;

const count = async (table: string) =>
  Number((await t.database.query<{ n: string }>(`select count(*) as n from ${table}`, []))[0].n);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  clientId = (await admin.post('/api/v1/clients', { name: 'Walk-in Bakery', kind: 'organization' })).json()
    .id;
  fair = (await admin.post('/api/v1/sources', { kind: 'event', name: 'Food fair 2026' })).json().id;
  radio = (await admin.post('/api/v1/sources', { kind: 'channel', name: 'Radio' })).json().id;
});
afterAll(() => t.close());

describe("a client's first source", () => {
  it('is not asked yet for a client made by hand', async () => {
    const res = await admin.get(`/api/v1/clients/${clientId}/first-source`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ source: null, since: null });
  });

  it('is answered, then corrected, and the audit keeps both', async () => {
    const first = await admin.put(`/api/v1/clients/${clientId}/first-source`, { sourceId: fair });
    expect(first.statusCode).toBe(200);
    expect((await admin.get(`/api/v1/clients/${clientId}/first-source`)).json().source).toMatchObject({
      id: fair,
      name: 'Food fair 2026',
      kind: 'event',
    });
    await admin.put(`/api/v1/clients/${clientId}/first-source`, { sourceId: radio });
    expect((await admin.get(`/api/v1/clients/${clientId}/first-source`)).json().source.name).toBe('Radio');
    const audit = await t.database.query<{ before: any; after: any }>(
      `select before, after from audit_log where entity = 'client' and entity_id = $1 and after ? 'firstSourceId' order by at`,
      [clientId],
    );
    expect(audit.map((a) => a.after.firstSourceId)).toEqual([fair, radio]);
    expect(audit[1].before).toEqual({ firstSourceId: fair });
  });

  it.each([
    ['an unknown source', () => ({ sourceId: '0190a1b2-0000-7000-8000-000000000000' }), 'sourceId'],
    ['no source', () => ({}), 'sourceId'],
  ])('refuses %s naming the field, writing nothing', async (_, body, field) => {
    const before = await count('client_attribution');
    const res = await admin.put(`/api/v1/clients/${clientId}/first-source`, body());
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => e.field)).toEqual([field]);
    expect(await count('client_attribution')).toBe(before);
  });

  it('answers 404 for a client that does not exist, or that a rep may not see', async () => {
    const nobody = '/api/v1/clients/0190a1b2-0000-7000-8000-000000000000/first-source';
    expect((await admin.get(nobody)).statusCode).toBe(404);
    expect((await admin.put(nobody, { sourceId: fair })).statusCode).toBe(404);
    const roles = Object.fromEntries(
      (await admin.get('/api/v1/roles')).json().items.map((r: any) => [r.key, r.id]),
    );
    await admin.post('/api/v1/users', {
      email: 'rep@acme.test',
      name: 'Rep',
      password: 'rep password 1',
      roleIds: [roles.sales_rep],
    });
    const rep = await t.login('rep@acme.test', 'rep password 1');
    expect((await rep.get(`/api/v1/clients/${clientId}/first-source`)).statusCode).toBe(404);
    expect((await rep.put(`/api/v1/clients/${clientId}/first-source`, { sourceId: fair })).statusCode).toBe(
      404,
    );
  });
});
