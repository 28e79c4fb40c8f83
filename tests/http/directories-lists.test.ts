import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../src/platform/directories/iso-lists.js';
import { STARTER_INDUSTRIES, STARTER_POSITIONS } from '../../src/platform/directories/module.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let rep: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const roles = (await admin.get('/api/v1/roles')).json().items;
  await admin.post('/api/v1/users', {
    email: 'rep@acme.test',
    name: 'Rep',
    password: 'long enough 123',
    roleIds: [roles.find((r: any) => r.key === 'sales_rep').id],
  });
  rep = await t.login('rep@acme.test', 'long enough 123');
});
afterAll(() => t.close());

const fieldsOf = (res: { json(): any }) =>
  res
    .json()
    .errors.map((e: any) => e.field)
    .sort();

async function walk(client: Client, url: string) {
  const seen: string[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const res = await client.get(`${url}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items.length).toBeLessThanOrEqual(5);
    seen.push(...page.items.map((c: any) => c.code));
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { seen, pages };
}

describe('countries', () => {
  it('walks every country five at a time, without repeats', async () => {
    const { seen, pages } = await walk(admin, '/api/v1/countries?limit=5');
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(COUNTRY_CODES.length);
    expect(pages).toBe(Math.ceil(COUNTRY_CODES.length / 5));
    expect(seen).toEqual([...COUNTRY_CODES].sort());
  });

  it('walks by name, descending, too', async () => {
    const { seen } = await walk(admin, '/api/v1/countries?limit=5&sort=-name');
    expect(new Set(seen).size).toBe(COUNTRY_CODES.length);
  });

  it('refuses a cursor it did not give out', async () => {
    const res = await admin.get('/api/v1/countries?cursor=nonsense');
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['cursor']);
  });

  it('adds, renames, archives and restores a country', async () => {
    const created = await admin.post('/api/v1/countries', { code: 'XK', name: 'Kosovo' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'XK', name: 'Kosovo', archivedAt: null });
    expect((await admin.get('/api/v1/countries?q=kosovo')).json().items.map((c: any) => c.code)).toEqual([
      'XK',
    ]);

    const renamed = await admin.patch('/api/v1/countries/XK', { name: 'Republic of Kosovo' });
    expect(renamed.json()).toMatchObject({ code: 'XK', name: 'Republic of Kosovo' });

    expect((await admin.post('/api/v1/countries/XK/archive')).json().archivedAt).not.toBeNull();
    expect((await admin.get('/api/v1/countries?q=XK')).json().items).toEqual([]);
    expect((await admin.get('/api/v1/countries?q=XK&includeArchived=true')).json().items).toHaveLength(1);
    expect((await admin.post('/api/v1/countries/XK/restore')).json().archivedAt).toBeNull();
    expect((await admin.patch('/api/v1/countries/QQ', { name: 'Nowhere' })).statusCode).toBe(404);
  });

  it.each([
    ['a duplicate code', { code: 'BG', name: 'Bulgaria again' }, 409, ['code']],
    ['a three-letter code', { code: 'BGR', name: 'Bulgaria' }, 422, ['code']],
    ['a lowercase code', { code: 'bg', name: 'Bulgaria' }, 422, ['code']],
    ['an empty name', { code: 'QZ', name: '' }, 422, ['name']],
    ['an unknown field', { code: 'QZ', name: 'Q', capital: 'Q City' }, 422, ['capital']],
  ])('refuses %s', async (_case, body, status, fields) => {
    const res = await admin.post('/api/v1/countries', body);
    expect(res.statusCode).toBe(status);
    expect(fieldsOf(res)).toEqual(fields);
  });
});

describe.each([
  ['positions', STARTER_POSITIONS, 'Purchasing manager'],
  ['industries', STARTER_INDUSTRIES, 'Agriculture'],
])('%s', (path, starters, newName) => {
  const url = `/api/v1/${path}`;

  it('lists the starter names alphabetically', async () => {
    const items = (await admin.get(url)).json().items;
    expect(items.map((i: any) => i.name)).toEqual([...starters].sort());
  });

  it('adds, renames, archives and restores', async () => {
    const created = await admin.post(url, { name: newName });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const renamed = await admin.patch(`${url}/${id}`, { name: `${newName} (2)` });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id, name: `${newName} (2)` });
    expect((await admin.get(`${url}?q=(2)`)).json().items.map((i: any) => i.id)).toEqual([id]);

    expect((await admin.post(`${url}/${id}/archive`)).json().archivedAt).not.toBeNull();
    expect((await admin.get(`${url}?q=(2)`)).json().items).toEqual([]);
    expect((await admin.get(`${url}?q=(2)&includeArchived=true`)).json().items).toHaveLength(1);
    expect((await admin.patch(`${url}/${id}`, { name: 'x' })).statusCode).toBe(409);
    expect((await admin.post(`${url}/${id}/restore`)).json().archivedAt).toBeNull();
  });

  it('refuses a name already in the list, whatever its case, but lets a row keep its own', async () => {
    const res = await admin.post(url, { name: starters[0].toUpperCase() });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'name', reason: 'is already taken' }]);
    expect(res.json().detail).toContain(starters[0].toUpperCase());

    const [first, second] = (await admin.get(url)).json().items;
    expect((await admin.patch(`${url}/${first.id}`, { name: second.name })).statusCode).toBe(409);
    const sameName = await admin.patch(`${url}/${first.id}`, { name: first.name.toLowerCase() });
    expect(sameName.statusCode).toBe(200);
    expect(sameName.json().name).toBe(first.name.toLowerCase());
  });

  it('answers 404 for an unknown id and 422 for a malformed one', async () => {
    expect((await admin.patch(`${url}/0190a1b2-0000-7000-8000-000000000000`, { name: 'x' })).statusCode).toBe(
      404,
    );
    const bad = await admin.post(`${url}/not-an-id/archive`);
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['id']);
  });

  it('a member without directories:manage reads but cannot write', async () => {
    const list = await rep.get(url);
    expect(list.statusCode).toBe(200);
    const { id } = list.json().items[0];
    for (const res of [
      await rep.post(url, { name: 'Nope' }),
      await rep.patch(`${url}/${id}`, { name: 'Nope' }),
      await rep.post(`${url}/${id}/archive`),
    ])
      expect(res.statusCode).toBe(403);
  });
});

describe('who may change countries', () => {
  it('a member without directories:manage reads but cannot write', async () => {
    expect((await rep.get('/api/v1/countries?q=BG')).statusCode).toBe(200);
    expect((await rep.post('/api/v1/countries', { code: 'QZ', name: 'Q' })).statusCode).toBe(403);
    expect((await rep.patch('/api/v1/countries/BG', { name: 'B' })).statusCode).toBe(403);
    expect((await rep.post('/api/v1/countries/BG/archive')).statusCode).toBe(403);
  });
});

describe('tenant isolation', () => {
  it("another workspace has its own lists and does not see Acme's additions", async () => {
    await t.makeTenant('Beta', 'admin@beta.test');
    const beta = await t.login('admin@beta.test');
    expect((await beta.get('/api/v1/countries?q=XK')).json().items).toEqual([]);
    expect((await beta.get('/api/v1/positions?q=Purchasing')).json().items).toEqual([]);
    const acmeId = (await admin.get('/api/v1/industries?q=Agriculture')).json().items[0].id;
    expect((await beta.patch(`/api/v1/industries/${acmeId}`, { name: 'Hijacked' })).statusCode).toBe(404);
    expect((await beta.post('/api/v1/countries', { code: 'XK', name: 'Kosovo' })).statusCode).toBe(201);
  });
});
