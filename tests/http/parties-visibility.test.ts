import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let repA: { id: string; api: Client };
let repB: { id: string; api: Client };
let manager: { id: string; api: Client };
let clientOfA: string;
let clientOfB: string;
let contactOfB: string;
let linkOfB: string;
let counterpartyOfB: string;

const PASSWORD = 'long enough 123';
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
  return { id: res.json().id as string, api: await t.login(email, PASSWORD) };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  repA = await member('rep.a@acme.test', 'sales_rep');
  repB = await member('rep.b@acme.test', 'sales_rep');
  manager = await member('manager@acme.test', 'sales_manager');
  clientOfA = (
    await repA.api.post('/api/v1/clients', { name: 'Alpha Store', phone: '+359 888 111 222' })
  ).json().id;
  clientOfB = (
    await repB.api.post('/api/v1/clients', { name: 'Beta Store', email: 'beta@store.example' })
  ).json().id;
  contactOfB = (await repB.api.post('/api/v1/contacts', { clientId: clientOfB, firstName: 'Bora' })).json()
    .id;
  counterpartyOfB = (
    await repB.api.post('/api/v1/counterparties', {
      legalName: 'Beta Store OOD',
      country: 'BG',
      taxId: '121212121',
    })
  ).json().id;
  linkOfB = (
    await repB.api.post(`/api/v1/clients/${clientOfB}/counterparties`, {
      counterpartyId: counterpartyOfB,
      validFrom: '2025-01-01',
    })
  ).json().id;
});
afterAll(() => t.close());

describe('a sales rep sees their own clients only', () => {
  it('a new client of a rep is theirs', async () => {
    const card = (await repA.api.get(`/api/v1/clients/${clientOfA}`)).json();
    expect(card.responsibleUserId).toBe(repA.id);
  });

  it('lists only their own clients, contacts and counterparties', async () => {
    expect((await repA.api.get('/api/v1/clients')).json().items.map((c: any) => c.name)).toEqual([
      'Alpha Store',
    ]);
    expect((await repA.api.get('/api/v1/clients?q=Beta')).json().items).toEqual([]);
    expect((await repA.api.get('/api/v1/contacts')).json().items).toEqual([]);
    expect((await repA.api.get(`/api/v1/contacts?clientId=${clientOfB}`)).json().items).toEqual([]);
    expect((await repA.api.get('/api/v1/counterparties')).json().items).toEqual([]);
    expect((await repB.api.get('/api/v1/contacts')).json().items.map((c: any) => c.id)).toEqual([contactOfB]);
    expect((await repB.api.get('/api/v1/counterparties')).json().items.map((c: any) => c.id)).toEqual([
      counterpartyOfB,
    ]);
  });

  it("answers 404 for every way into another rep's client, and changes nothing", async () => {
    const stateBefore = await t.database.query('select * from clients order by id');
    const linksBefore = await count('client_counterparties');
    const contactsBefore = await t.database.query('select * from contacts order by id');
    const attempts = [
      await repA.api.get(`/api/v1/clients/${clientOfB}`),
      await repA.api.get(`/api/v1/clients/${clientOfB}/counterparties`),
      await repA.api.patch(`/api/v1/clients/${clientOfB}`, { name: 'Mine now' }),
      await repA.api.post(`/api/v1/clients/${clientOfB}/archive`),
      await repA.api.post(`/api/v1/clients/${clientOfB}/counterparties`, {
        counterpartyId: counterpartyOfB,
        validFrom: '2020-01-01',
        validTo: '2020-12-31',
      }),
      await repA.api.post(`/api/v1/client-counterparty-links/${linkOfB}/end`, { validTo: '2025-12-31' }),
      await repA.api.get(`/api/v1/contacts/${contactOfB}`),
      await repA.api.patch(`/api/v1/contacts/${contactOfB}`, { firstName: 'Renamed' }),
      await repA.api.post(`/api/v1/contacts/${contactOfB}/archive`),
      await repA.api.get(`/api/v1/counterparties/${counterpartyOfB}`),
      await repA.api.patch(`/api/v1/counterparties/${counterpartyOfB}`, { legalName: 'Renamed' }),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual(attempts.map(() => 404));
    for (const res of attempts) expect(res.headers['content-type']).toContain('application/problem+json');
    // Named in a body, their client is a field to fix, refused in the words an unknown id gets.
    const spy = await repA.api.post('/api/v1/contacts', { clientId: clientOfB, firstName: 'Spy' });
    expect(spy.statusCode).toBe(422);
    expect(spy.json().errors).toEqual([{ field: 'clientId', reason: `client ${clientOfB} does not exist` }]);
    expect(await t.database.query('select * from clients order by id')).toEqual(stateBefore);
    expect(await t.database.query('select * from contacts order by id')).toEqual(contactsBefore);
    expect(await count('client_counterparties')).toBe(linksBefore);
  });

  it("does not name another rep's client as a duplicate", async () => {
    const res = await repA.api.post('/api/v1/clients', { name: 'Someone', email: 'BETA@store.example' });
    expect(res.statusCode).toBe(201);
    expect(res.json().possibleDuplicates).toEqual([]);
    const asManager = await manager.api.get('/api/v1/clients/duplicates?email=beta@store.example');
    expect(asManager.json().items.map((d: any) => d.id)).toContain(clientOfB);
  });

  it('refuses with 403 when a rep hands a client to someone else, and writes nothing', async () => {
    const before = await count('clients');
    const create = await repA.api.post('/api/v1/clients', { name: 'Gift', responsibleUserId: repB.id });
    expect(create.statusCode).toBe(403);
    expect(await count('clients')).toBe(before);
    const handOver = await repA.api.patch(`/api/v1/clients/${clientOfA}`, { responsibleUserId: repB.id });
    expect(handOver.statusCode).toBe(403);
    expect((await admin.get(`/api/v1/clients/${clientOfA}`)).json().responsibleUserId).toBe(repA.id);
    const toSelf = await repA.api.patch(`/api/v1/clients/${clientOfA}`, {
      responsibleUserId: repA.id,
      notes: 'ok',
    });
    expect(toSelf.statusCode).toBe(200);
  });

  it('a manager sees every client and may hand one from rep to rep', async () => {
    const names = (await manager.api.get('/api/v1/clients')).json().items.map((c: any) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Alpha Store', 'Beta Store']));
    const res = await manager.api.patch(`/api/v1/clients/${clientOfB}`, { responsibleUserId: repA.id });
    expect(res.statusCode).toBe(200);
    expect((await repA.api.get(`/api/v1/clients/${clientOfB}`)).statusCode).toBe(200);
    expect((await repB.api.get(`/api/v1/clients/${clientOfB}`)).statusCode).toBe(404);
    const [event] = await t.database.query<{ payload: any }>(
      "select payload from outbox where type = 'parties.clientHandedOver'",
    );
    expect(event.payload).toEqual({ clientId: clientOfB, fromUserId: repB.id, toUserId: repA.id });
  });

  it('a member without parties:read cannot list clients', async () => {
    const hr = await member('hr@acme.test', 'hr');
    const res = await hr.api.get('/api/v1/clients');
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('parties:read');
    expect((await hr.api.post('/api/v1/clients', { name: 'Nope' })).statusCode).toBe(403);
  });

  it('a rep may not define custom fields', async () => {
    const res = await repA.api.post('/api/v1/custom-fields', {
      entity: 'client',
      key: 'size',
      label: 'Size',
      type: 'text',
    });
    expect(res.statusCode).toBe(403);
  });
});
