import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let clientId: string;
let otherClientId: string;
let repId: string;
let rep: Client;

const insert = (text: string, params: unknown[]) => t.database.query(text, params);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const roles = Object.fromEntries(
    (await admin.get('/api/v1/roles')).json().items.map((r: any) => [r.key, r.id]),
  );
  repId = (
    await admin.post('/api/v1/users', {
      email: 'rep@acme.test',
      name: 'Rep',
      password: 'rep password 1',
      roleIds: [roles.sales_rep],
    })
  ).json().id;
  rep = await t.login('rep@acme.test', 'rep password 1');
  const tenant = t.acme.tenantId;
  const me = t.acme.adminUserId;
  [{ id: clientId }] = (await insert(
    `insert into clients (id, tenant_id, name, name_key, email, phone, responsible_user_id) values (gen_random_uuid(), $1, 'Sofia Retail Group', 'sofia retail group', 'buy@sofiaretail.bg', '+359881234567', $2) returning id`,
    [tenant, repId],
  )) as any;
  [{ id: otherClientId }] = (await insert(
    `insert into clients (id, tenant_id, name, name_key, responsible_user_id) values (gen_random_uuid(), $1, 'Plovdiv Wholesale', 'plovdiv wholesale', $2) returning id`,
    [tenant, me],
  )) as any;
  await insert(
    `insert into contacts (id, tenant_id, client_id, first_name, last_name, emails, phones) values (gen_random_uuid(), $1, $2, 'Elena', 'Dimitrova', '{elena@sofiaretail.bg}', '{+359887000111}')`,
    [tenant, clientId],
  );
  for (let i = 0; i < 45; i++) {
    await insert(
      `insert into interactions (id, tenant_id, kind, status, subject, client_id, responsible_user_id, occurs_at) values (gen_random_uuid(), $1, 'call_out', 'done', $2, $3, $4, now() - make_interval(hours => $5))`,
      [tenant, `Call ${i}`, clientId, repId, i],
    );
  }
  await insert(
    `insert into tasks (id, tenant_id, title, assignee_user_id, client_id, created_at) values (gen_random_uuid(), $1, 'Send price list', $2, $3, now() - interval '90 minutes')`,
    [tenant, repId, clientId],
  );
});
afterAll(() => t.close());

describe('client card timeline', () => {
  it('merges every kind of record newest first and pages through all of it without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let previous = Number.POSITIVE_INFINITY;
    do {
      const page: { items: any[]; nextCursor: string | null } = (
        await admin.get(`/api/v1/clients/${clientId}/timeline?limit=20${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      for (const item of page.items) {
        const at = Date.parse(item.at);
        expect(at).toBeLessThanOrEqual(previous);
        previous = at;
        seen.push(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(46);
    expect(new Set(seen).size).toBe(46);
    const first = (await admin.get(`/api/v1/clients/${clientId}/timeline?limit=3`)).json().items;
    expect(first.map((e: any) => e.title)).toEqual(['Call 0', 'Call 1', 'Send price list']);
    expect(first[0]).toMatchObject({ type: 'interaction', detail: 'call_out', userName: 'Rep' });
  });

  it('filters by type and names unknown types', async () => {
    const tasks = (await admin.get(`/api/v1/clients/${clientId}/timeline?types=task`)).json().items;
    expect(tasks.map((e: any) => e.type)).toEqual(['task']);
    const bad = await admin.get(`/api/v1/clients/${clientId}/timeline?types=telegram`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('types');
  });

  it("a rep sees their own client's timeline and not another's", async () => {
    expect((await rep.get(`/api/v1/clients/${clientId}/timeline`)).statusCode).toBe(200);
    expect((await rep.get(`/api/v1/clients/${otherClientId}/timeline`)).statusCode).toBe(404);
  });
});

describe('global search', () => {
  it.each([
    ['a name fragment', 'retail', 'client', 'Sofia Retail Group'],
    ['a phone in local format', '0881 234 567', 'client', 'Sofia Retail Group'],
    ['an email', 'ELENA@sofiaretail.bg', 'contact', 'Elena Dimitrova'],
    ['a contact name', 'dimitrova', 'contact', 'Elena Dimitrova'],
    ['a fragment inside a word', 'imitr', 'contact', 'Elena Dimitrova'],
    ['two words in any order', 'dimitrova ele', 'contact', 'Elena Dimitrova'],
    ['the last digits of a phone', '7000111', 'contact', 'Elena Dimitrova'],
    ['an international phone', '+359 88 123 4567', 'client', 'Sofia Retail Group'],
  ])('finds by %s', async (_, q, type, title) => {
    const hits = (await admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().items;
    expect(hits[0]).toMatchObject({ type, title });
  });

  it("hides other reps' clients from a rep", async () => {
    expect((await rep.get('/api/v1/search?q=plovdiv')).json().items).toEqual([]);
    expect((await admin.get('/api/v1/search?q=plovdiv')).json().items).toHaveLength(1);
  });

  it('keeps up with renames, archiving and restoring, in any alphabet and case', async () => {
    const find = async (q: string) =>
      (await admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().items.map((h: any) => h.title);
    const created = await admin.post('/api/v1/clients', { name: 'Търговия Изток', kind: 'organization' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(await find('ИЗТОК')).toContain('Търговия Изток');
    expect(await find('рговия')).toContain('Търговия Изток');
    await admin.patch(`/api/v1/clients/${id}`, { name: 'Търговия Запад' });
    expect(await find('изток')).not.toContain('Търговия Изток');
    expect(await find('запад')).toContain('Търговия Запад');
    expect((await admin.post(`/api/v1/clients/${id}/archive`, {})).statusCode).toBe(200);
    expect(await find('запад')).toEqual([]);
    expect((await admin.post(`/api/v1/clients/${id}/restore`, {})).statusCode).toBe(200);
    expect(await find('запад')).toEqual(['Търговия Запад']);
  });

  it('finds a legal entity by its tax id with or without the country prefix', async () => {
    const made = await admin.post('/api/v1/counterparties', {
      legalName: 'Sofia Retail Group EOOD',
      kind: 'legal_entity',
      taxId: 'BG 831 919 536',
      country: 'BG',
    });
    expect(made.statusCode).toBe(201);
    for (const q of ['BG831919536', '831919536', '831 919 536']) {
      const hits = (await admin.get(`/api/v1/search?q=${q}`)).json().items;
      expect(hits[0]).toMatchObject({ type: 'counterparty', title: 'Sofia Retail Group EOOD' });
    }
  });

  it('a rebuild writes exactly the terms the triggers keep', async () => {
    const terms = async () =>
      (await t.database.query(
        'select record_type, record_id, term, at_word_start from search_terms order by 1, 2, 3',
        [],
      )) as unknown[];
    const kept = await terms();
    expect(kept.length).toBeGreaterThan(50);
    await t.database.query('select tandem_rebuild_search_terms()', []);
    expect(await terms()).toEqual(kept);
  });

  it('treats wildcards as text', async () => {
    expect((await admin.get('/api/v1/search?q=%25%25')).json().items).toEqual([]);
  });
});

describe('records of a switched-off module', () => {
  it('leave the timeline and search while CRM is off, and come back', async () => {
    await admin.put('/api/v1/modules/crm', { enabled: false });
    try {
      const items = (await admin.get(`/api/v1/clients/${clientId}/timeline`)).json().items;
      expect(items).toEqual([]);
      const types = await admin.get(`/api/v1/clients/${clientId}/timeline?types=interaction`);
      expect(types.statusCode).toBe(422);
      expect((await admin.get('/api/v1/search?q=retail')).json().items[0]).toMatchObject({ type: 'client' });
    } finally {
      await admin.put('/api/v1/modules/crm', { enabled: true });
    }
    expect((await admin.get(`/api/v1/clients/${clientId}/timeline?limit=1`)).json().items).toHaveLength(1);
  });
});
