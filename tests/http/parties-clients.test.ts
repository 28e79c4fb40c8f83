import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let manager: { id: string; api: Client };

const PASSWORD = 'long enough 123';
const fieldsOf = (res: { json(): any }) =>
  res
    .json()
    .errors.map((e: any) => e.field)
    .sort();
const count = async (table: string) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

async function member(email: string, roleKey: string) {
  const roles = (await admin.get('/api/v1/roles')).json().items;
  const res = await admin.post('/api/v1/users', {
    email,
    name: email.split('@')[0],
    password: PASSWORD,
    roleIds: [roles.find((r: any) => r.key === roleKey).id],
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id as string, api: await t.login(email, PASSWORD) };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  // National numbers without + are read in the country of the workspace's first company.
  await admin.patch(`/api/v1/companies/${t.acme.companyId}`, { address: { country: 'BG', city: 'Sofia' } });
  manager = await member('manager@acme.test', 'sales_manager');
});
afterAll(() => t.close());

describe('clients', () => {
  let id: string;

  it('adds a client with its phone in E.164 and its email in lower case, made responsible to the author', async () => {
    const res = await manager.api.post('/api/v1/clients', {
      name: 'Bolt & Nut Ltd.',
      email: ' Orders@BoltNut.BG ',
      phone: '0888 123 456',
      website: 'https://boltnut.bg',
      tags: ['VIP', 'vip', 'wholesale'],
      address: { country: 'BG', city: 'Plovdiv' },
    });
    expect(res.statusCode).toBe(201);
    const client = res.json();
    expect(client).toMatchObject({
      name: 'Bolt & Nut Ltd.',
      kind: 'organization',
      email: 'orders@boltnut.bg',
      phone: '+359888123456',
      responsibleUserId: manager.id,
      tags: ['VIP', 'wholesale'],
      custom: {},
      mergedIntoId: null,
      archivedAt: null,
      possibleDuplicates: [],
    });
    expect(client).not.toHaveProperty('nameKey');
    id = client.id;
  });

  it('shows the card with its counterparties and contacts', async () => {
    const res = await admin.get(`/api/v1/clients/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, name: 'Bolt & Nut Ltd.', counterparties: [], contacts: [] });
  });

  it('lists and finds clients by a fragment of name, email or phone digits', async () => {
    await admin.post('/api/v1/clients', { name: 'Anna Petrova', kind: 'person', phone: '+7 916 123 45 67' });
    const names = async (query: string) =>
      (await admin.get(`/api/v1/clients?${query}`)).json().items.map((c: any) => c.name);
    expect(await names('')).toEqual(['Anna Petrova', 'Bolt & Nut Ltd.']);
    expect(await names('q=bolt')).toEqual(['Bolt & Nut Ltd.']);
    expect(await names('q=boltnut.bg')).toEqual(['Bolt & Nut Ltd.']);
    expect(await names('q=0888 123')).toEqual(['Bolt & Nut Ltd.']);
    expect(await names('q=916 123')).toEqual(['Anna Petrova']);
    expect(await names('kind=person')).toEqual(['Anna Petrova']);
    expect(await names('tag=VIP')).toEqual(['Bolt & Nut Ltd.']);
    expect(await names('tag=vip')).toEqual(['Bolt & Nut Ltd.']);
    expect(await names(`responsibleUserId=${manager.id}`)).toEqual(['Bolt & Nut Ltd.']);
    expect(await names('sort=-name')).toEqual(['Bolt & Nut Ltd.', 'Anna Petrova']);
  });

  it('walks a long list a page at a time', async () => {
    for (let i = 0; i < 7; i++) await admin.post('/api/v1/clients', { name: `Page client ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(
        `/api/v1/clients?q=Page client&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((c: any) => c.name));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `Page client ${i}`));
  });

  it('changes a client, re-normalising what it is given', async () => {
    const res = await manager.api.patch(`/api/v1/clients/${id}`, {
      phone: '+359 2 981 2345',
      email: null,
      notes: 'Pays on time',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '+35929812345', email: null, notes: 'Pays on time' });
    const audit = await t.database.query<{ before: any; after: any }>(
      "select before, after from audit_log where action = 'parties.updateClient' and entity_id = $1",
      [id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].before.phone).toBe('+359888123456');
    expect(audit[0].after.phone).toBe('+35929812345');
  });

  it('archives and restores a client; an archived client is hidden and cannot be changed', async () => {
    expect((await admin.post(`/api/v1/clients/${id}/archive`)).json().archivedAt).not.toBeNull();
    expect((await admin.get('/api/v1/clients?q=bolt')).json().items).toEqual([]);
    expect((await admin.get('/api/v1/clients?q=bolt&includeArchived=true')).json().items).toHaveLength(1);
    const refused = await admin.patch(`/api/v1/clients/${id}`, { notes: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(fieldsOf(refused)).toEqual(['id']);
    expect((await admin.post(`/api/v1/clients/${id}/restore`)).json().archivedAt).toBeNull();
  });

  it('answers 404 for an unknown client and 422 for a malformed id', async () => {
    expect((await admin.get('/api/v1/clients/0190a1b2-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const bad = await admin.get('/api/v1/clients/nope');
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['id']);
  });

  it('records the event for subscribers', async () => {
    const rows = await t.database.query<{ n: number }>(
      "select count(*)::int as n from outbox where type = 'parties.clientCreated'",
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(9);
  });
});

describe('bad client input: refused with the field named, nothing written', () => {
  it.each([
    ['an invalid phone', { name: 'X', phone: '0888 12' }, ['phone']],
    ['a phone of letters', { name: 'X', phone: 'ask Ivan' }, ['phone']],
    ['an email without a domain', { name: 'X', email: 'ivan@' }, ['email']],
    [
      'an unknown industry',
      { name: 'X', industryId: '0190a1b2-0000-7000-8000-000000000000' },
      ['industryId'],
    ],
    [
      'a responsible person outside the workspace',
      { name: 'X', responsibleUserId: '0190a1b2-0000-7000-8000-000000000000' },
      ['responsibleUserId'],
    ],
    ['an unknown kind', { name: 'X', kind: 'robot' }, ['kind']],
    ['a blank name', { name: '   ' }, ['name']],
    ['no name', { email: 'a@b.cd' }, ['name']],
    ['an unknown field', { name: 'X', vat: '1' }, ['vat']],
    ['several at once', { name: 'X', phone: '12', email: 'nope' }, ['email', 'phone']],
  ])('%s', async (_case, body, fields) => {
    const before = await count('clients');
    const res = await admin.post('/api/v1/clients', body);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(res)).toEqual(fields);
    expect(await count('clients')).toBe(before);
  });

  it('says why a phone is wrong', async () => {
    const short = await admin.post('/api/v1/clients', {
      name: 'X',
      phone: '02 123',
      address: { country: 'BG' },
    });
    expect(short.json().errors).toEqual([{ field: 'phone', reason: 'is too short for BG' }]);
    const national = await admin.post('/api/v1/clients', {
      name: 'X',
      phone: '12345',
      address: { country: 'US' },
    });
    expect(national.json().errors).toEqual([{ field: 'phone', reason: 'is too short for US' }]);
  });

  it('refuses an unknown custom field key in a list filter', async () => {
    const res = await admin.get('/api/v1/clients?custom.colour=red');
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['custom.colour']);
  });
});

describe('duplicates', () => {
  let original: string;

  beforeAll(async () => {
    original = (
      await admin.post('/api/v1/clients', {
        name: 'ООО «Ромашка»',
        phone: '+7 495 123 45 67',
        email: 'info@romashka.ru',
        address: { country: 'RU' },
      })
    ).json().id;
    const counterparty = await admin.post('/api/v1/counterparties', {
      legalName: 'ООО Ромашка',
      taxId: '7707083893',
      country: 'RU',
    });
    await admin.post(`/api/v1/clients/${original}/counterparties`, {
      counterpartyId: counterparty.json().id,
      validFrom: '2024-01-01',
    });
  });

  it.each([
    [
      'the same phone written another way',
      { name: 'Другая', phone: '8 (495) 123-45-67', address: { country: 'RU' } },
      ['phone'],
    ],
    ['the same email in capitals', { name: 'Другая', email: 'INFO@romashka.ru' }, ['email']],
    ['the same name with another legal form', { name: 'Ромашка АО' }, ['name']],
    ['a similar name', { name: 'ООО Ромашкa' }, ['name']],
    ['the tax id of its counterparty', { name: 'Другая', taxId: '7707 083 893' }, ['taxId']],
    [
      'everything',
      { name: 'Ромашка', email: 'info@romashka.ru', taxId: '7707083893' },
      ['taxId', 'email', 'name'],
    ],
  ])('creates the client but lists the possible duplicate: %s', async (_case, body, matchedBy) => {
    const res = await admin.post('/api/v1/clients', body);
    expect(res.statusCode).toBe(201);
    const found = res.json().possibleDuplicates.find((d: any) => d.id === original);
    expect(found).toMatchObject({ name: 'ООО «Ромашка»', matchedBy });
    // Archive it so the next case sees only the original.
    await admin.post(`/api/v1/clients/${res.json().id}/archive`);
  });

  it('finds nothing for an unrelated client', async () => {
    const res = await admin.post('/api/v1/clients', { name: 'Zenith Optics', email: 'hello@zenith.example' });
    expect(res.json().possibleDuplicates).toEqual([]);
  });

  it('refuses with 409 listing them when asked to, and writes nothing', async () => {
    const before = await count('clients');
    const res = await admin.post('/api/v1/clients', {
      name: 'Romashka',
      email: 'info@romashka.ru',
      refuseDuplicates: true,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toContainEqual({
      field: 'email',
      reason: `matches client "ООО «Ромашка»" (${original})`,
    });
    expect(res.json().detail).toContain(original);
    expect(await count('clients')).toBe(before);
  });

  it('answers the duplicate check on its own', async () => {
    const res = await admin.get(
      `/api/v1/clients/duplicates?phone=${encodeURIComponent('+7 495 1234567')}&name=${encodeURIComponent('Ромашка')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().items.find((d: any) => d.id === original).matchedBy).toEqual(['phone', 'name']);
    const bad = await admin.get('/api/v1/clients/duplicates?phone=12');
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['phone']);
    const empty = await admin.get('/api/v1/clients/duplicates');
    expect(empty.statusCode).toBe(422);
  });
});

describe('tenant isolation', () => {
  it("another workspace neither sees nor changes Acme's clients", async () => {
    await t.makeTenant('Beta', 'admin@beta.test');
    const beta = await t.login('admin@beta.test');
    const acmeClient = (await admin.get('/api/v1/clients?limit=1')).json().items[0];
    expect((await beta.get('/api/v1/clients')).json().items).toEqual([]);
    expect((await beta.get(`/api/v1/clients/${acmeClient.id}`)).statusCode).toBe(404);
    expect((await beta.patch(`/api/v1/clients/${acmeClient.id}`, { name: 'Hijacked' })).statusCode).toBe(404);
    expect(
      (await beta.get(`/api/v1/clients/duplicates?name=${encodeURIComponent(acmeClient.name)}`)).json().items,
    ).toEqual([]);
    const own = await beta.post('/api/v1/clients', { name: acmeClient.name });
    expect(own.statusCode).toBe(201);
    expect(own.json().possibleDuplicates).toEqual([]);
  });
});

describe('the API documents the parties routes', () => {
  it('gives every operation a summary and a tag, and says how to filter by custom fields', async () => {
    const doc = (await t.client().get('/api/v1/openapi.json')).json();
    const operations = [
      'get,post /clients',
      'get /clients/duplicates',
      'get,patch /clients/{id}',
      'post /clients/{id}/archive',
      'post /clients/{id}/restore',
      'post /clients/{id}/merge',
      'get,post /clients/{id}/counterparties',
      'post /client-counterparty-links/{id}/end',
      'get,post /counterparties',
      'get,patch /counterparties/{id}',
      'post /counterparties/{id}/archive',
      'post /counterparties/{id}/restore',
      'get,post /contacts',
      'get,patch /contacts/{id}',
      'post /contacts/{id}/archive',
      'post /contacts/{id}/restore',
      'get,post /custom-fields',
      'patch /custom-fields/{id}',
      'post /custom-fields/{id}/archive',
      'post /custom-fields/{id}/restore',
    ].flatMap((line) => {
      const [methods, path] = line.split(' ');
      return methods.split(',').map((method) => ({ method, path }));
    });
    for (const { method, path } of operations) {
      const op = doc.paths[`/api/v1${path}`]?.[method];
      expect(op?.summary, `${method} ${path}`).toBeTruthy();
      expect(op?.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
    }
    expect(doc.paths['/api/v1/clients'].get.description).toContain('custom.<key>=<value>');
    expect(Object.keys(doc.paths['/api/v1/clients'].post.responses)).toEqual(
      expect.arrayContaining(['201', '4XX']),
    );
  });
});
