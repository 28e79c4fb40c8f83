import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let sofiaShop: string;
let moscowShop: string;
let directorId: string;

const fieldsOf = (res: { json(): any }) =>
  res
    .json()
    .errors.map((e: any) => e.field)
    .sort();
const count = async (table: string) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  sofiaShop = (await admin.post('/api/v1/clients', { name: 'Sofia Shop', address: { country: 'BG' } })).json()
    .id;
  moscowShop = (
    await admin.post('/api/v1/clients', { name: 'Moscow Shop', address: { country: 'RU' } })
  ).json().id;
  directorId = (await admin.get('/api/v1/positions?q=Director')).json().items[0].id;
});
afterAll(() => t.close());

describe('contacts', () => {
  let ivan: string;

  it("adds a person with phones read in the client's country and emails in lower case", async () => {
    const res = await admin.post('/api/v1/contacts', {
      clientId: sofiaShop,
      firstName: 'Ivan',
      lastName: 'Petrov',
      positionId: directorId,
      role: 'decision maker',
      phones: ['0888 123 456', '+359 888 123 456', '+7 916 123 45 67'],
      emails: ['Ivan@SofiaShop.BG'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      clientId: sofiaShop,
      firstName: 'Ivan',
      lastName: 'Petrov',
      positionId: directorId,
      role: 'decision maker',
      phones: ['+359888123456', '+79161234567'],
      emails: ['ivan@sofiashop.bg'],
      archivedAt: null,
    });
    ivan = res.json().id;
    const moscow = await admin.post('/api/v1/contacts', {
      clientId: moscowShop,
      firstName: 'Olga',
      phones: ['8 (495) 123-45-67'],
    });
    expect(moscow.json().phones).toEqual(['+74951234567']);
  });

  it('shows contacts on the client card and in the list, found by name, email or phone digits', async () => {
    expect((await admin.get(`/api/v1/clients/${sofiaShop}`)).json().contacts.map((c: any) => c.id)).toEqual([
      ivan,
    ]);
    const names = async (query: string) =>
      (await admin.get(`/api/v1/contacts?${query}`)).json().items.map((c: any) => c.firstName);
    expect(await names('')).toEqual(['Ivan', 'Olga']);
    expect(await names(`clientId=${moscowShop}`)).toEqual(['Olga']);
    expect(await names('q=ivan petrov')).toEqual(['Ivan']);
    expect(await names('q=sofiashop.bg')).toEqual(['Ivan']);
    expect(await names('q=0888 123')).toEqual(['Ivan']);
    expect(await names('q=495 123')).toEqual(['Olga']);
    expect((await admin.get(`/api/v1/contacts/${ivan}`)).json().firstName).toBe('Ivan');
  });

  it('changes a contact and archives it', async () => {
    const res = await admin.patch(`/api/v1/contacts/${ivan}`, { phones: ['02 981 2345'], role: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phones: ['+35929812345'], role: null, lastName: 'Petrov' });
    expect((await admin.post(`/api/v1/contacts/${ivan}/archive`)).json().archivedAt).not.toBeNull();
    expect((await admin.get(`/api/v1/clients/${sofiaShop}`)).json().contacts).toEqual([]);
    expect((await admin.get('/api/v1/contacts?q=ivan')).json().items).toEqual([]);
    expect((await admin.get('/api/v1/contacts?q=ivan&includeArchived=true')).json().items).toHaveLength(1);
    expect((await admin.patch(`/api/v1/contacts/${ivan}`, { role: 'x' })).statusCode).toBe(409);
    expect((await admin.post(`/api/v1/contacts/${ivan}/restore`)).json().archivedAt).toBeNull();
  });

  it.each([
    ['a wrong second phone', { phones: ['0888 123 456', '0888 12'] }, ['phones.1']],
    ['a wrong email', { emails: ['ok@shop.bg', 'not-an-email'] }, ['emails.1']],
    ['an unknown position', { positionId: '0190a1b2-0000-7000-8000-000000000000' }, ['positionId']],
    ['no first name', { firstName: undefined }, ['firstName']],
    ['a blank first name', { firstName: '  ' }, ['firstName']],
    ['too many things at once', { phones: ['x'], emails: ['y'] }, ['emails.0', 'phones.0']],
  ])('refuses %s, writing nothing', async (_case, body, fields) => {
    const before = await count('contacts');
    const res = await admin.post('/api/v1/contacts', { clientId: sofiaShop, firstName: 'Maria', ...body });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(fields);
    expect(await count('contacts')).toBe(before);
  });

  it('refuses a contact for an unknown or archived client', async () => {
    const unknown = await admin.post('/api/v1/contacts', {
      clientId: '0190a1b2-0000-7000-8000-000000000000',
      firstName: 'Nobody',
    });
    // A client named in the body is a field to fix (422), not a missing page (404).
    expect(unknown.statusCode).toBe(422);
    expect(fieldsOf(unknown)).toEqual(['clientId']);
    const closed = (await admin.post('/api/v1/clients', { name: 'Closed Shop' })).json().id;
    await admin.post(`/api/v1/clients/${closed}/archive`);
    const res = await admin.post('/api/v1/contacts', { clientId: closed, firstName: 'Late' });
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual(['clientId']);
  });

  it('refuses an archived position', async () => {
    const position = (await admin.post('/api/v1/positions', { name: 'Courier' })).json().id;
    await admin.post(`/api/v1/positions/${position}/archive`);
    const res = await admin.post('/api/v1/contacts', {
      clientId: sofiaShop,
      firstName: 'Petar',
      positionId: position,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'positionId', reason: 'is an archived position; restore it first' },
    ]);
  });

  it("matches a new client to a duplicate through its contacts' phones and emails", async () => {
    const res = await admin.post('/api/v1/clients', { name: 'Unrelated Name', email: 'IVAN@sofiashop.bg' });
    expect(res.json().possibleDuplicates).toEqual([
      expect.objectContaining({ id: sofiaShop, matchedBy: ['email'] }),
    ]);
    // Ivan's phone became +35929812345 above; the old one matches nobody any more.
    const byPhone = await admin.get(
      `/api/v1/clients/duplicates?phone=${encodeURIComponent('+359 2 981 2345')}`,
    );
    expect(byPhone.json().items).toEqual([expect.objectContaining({ id: sofiaShop, matchedBy: ['phone'] })]);
    const old = await admin.get(`/api/v1/clients/duplicates?phone=${encodeURIComponent('+359 888 123 456')}`);
    expect(old.json().items).toEqual([]);
  });
});
