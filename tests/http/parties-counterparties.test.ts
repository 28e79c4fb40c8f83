import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let clientId: string;

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
  clientId = (await admin.post('/api/v1/clients', { name: 'Holding One' })).json().id;
});
afterAll(() => t.close());

const counterparty = (body: Record<string, unknown>) =>
  admin.post('/api/v1/counterparties', { legalName: 'Some Entity', country: 'BG', ...body });

describe('counterparties', () => {
  it('adds a counterparty with its tax id checked and written plainly, and its accounts without spaces', async () => {
    const res = await counterparty({
      legalName: 'Стройинвест ЕООД',
      kind: 'legal_entity',
      taxId: 'BG 831 919 536',
      registrationNumber: '831919536',
      legalAddress: { country: 'BG', city: 'Sofia', street: 'Vitosha 1' },
      actualAddress: { country: 'BG', city: 'Plovdiv' },
      bankAccounts: [{ iban: 'bg80 bnbg 9661 1020 3456 78', bic: 'bnbg bgsd', currency: 'BGN' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      legalName: 'Стройинвест ЕООД',
      taxId: '831919536',
      country: 'BG',
      legalAddress: { city: 'Sofia' },
      bankAccounts: [{ iban: 'BG80BNBG96611020345678', bic: 'BNBGBGSD', currency: 'BGN' }],
      possibleDuplicates: [],
    });
    const listed = await admin.get('/api/v1/counterparties?q=831919536');
    expect(listed.json().items.map((c: any) => c.legalName)).toEqual(['Стройинвест ЕООД']);
  });

  it.each([
    ['a Russian organisation', 'RU', '7707083893'],
    ['a Russian sole trader', 'RU', '500100732259'],
    ['a Bulgarian branch', 'BG', '0006963270003'],
    ['another country, by shape', 'DE', 'DE123456789'],
  ])('accepts the tax id of %s', async (_case, country, taxId) => {
    const res = await counterparty({ legalName: `Entity ${taxId}`, country, taxId });
    expect(res.statusCode).toBe(201);
    expect(res.json().taxId).toBe(taxId);
  });

  it.each([
    [
      'a wrong INN check digit',
      { country: 'RU', taxId: '7707083894' },
      'has a wrong check digit for an INN (country RU)',
    ],
    [
      'an INN of 11 digits',
      { country: 'RU', taxId: '77070838931' },
      'must have 10 digits (organisation) or 12 (person), not 11 (country RU)',
    ],
    [
      'a wrong EIK check digit',
      { country: 'BG', taxId: '831919537' },
      'has a wrong check digit for an EIK/BULSTAT (country BG)',
    ],
    [
      'a tax id too short anywhere',
      { country: 'DE', taxId: '12-3' },
      'must be 5 to 20 letters and digits (country DE)',
    ],
  ])('refuses %s, writing nothing', async (_case, body, reason) => {
    const before = await count('counterparties');
    const res = await counterparty(body);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'taxId', reason }]);
    expect(await count('counterparties')).toBe(before);
  });

  it('refuses a country outside the list and a malformed account', async () => {
    const unknown = await counterparty({ country: 'QQ' });
    expect(unknown.statusCode).toBe(422);
    expect(fieldsOf(unknown)).toEqual(['country']);
    const account = await counterparty({ bankAccounts: [{ iban: 'x' }] });
    expect(account.statusCode).toBe(422);
    expect(fieldsOf(account)).toEqual(['bankAccounts.0.iban']);
  });

  it('re-checks the tax id when the country changes', async () => {
    const id = (await counterparty({ legalName: 'Moving Entity', country: 'DE', taxId: '123456789' })).json()
      .id;
    const res = await admin.patch(`/api/v1/counterparties/${id}`, { country: 'RU' });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['taxId']);
    const fixed = await admin.patch(`/api/v1/counterparties/${id}`, { country: 'RU', taxId: '7707083893' });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ country: 'RU', taxId: '7707083893' });
  });

  it('warns of a counterparty with the same tax id, and refuses it when asked to', async () => {
    const res = await counterparty({
      legalName: 'Totally Different Name',
      country: 'RU',
      taxId: '7707083893',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().possibleDuplicates.map((d: any) => d.matchedBy)).toContainEqual(['taxId']);
    const before = await count('counterparties');
    const refused = await counterparty({
      legalName: 'Yet Another Name',
      country: 'RU',
      taxId: '7707083893',
      refuseDuplicates: true,
    });
    expect(refused.statusCode).toBe(409);
    expect(fieldsOf(refused)).toContain('taxId');
    expect(await count('counterparties')).toBe(before);
  });

  it('archives and restores a counterparty; an archived one cannot be changed', async () => {
    const id = (await counterparty({ legalName: 'Sleepy Entity' })).json().id;
    expect((await admin.post(`/api/v1/counterparties/${id}/archive`)).json().archivedAt).not.toBeNull();
    expect((await admin.get('/api/v1/counterparties?q=Sleepy')).json().items).toEqual([]);
    expect((await admin.patch(`/api/v1/counterparties/${id}`, { legalName: 'Awake' })).statusCode).toBe(409);
    expect((await admin.post(`/api/v1/counterparties/${id}/restore`)).json().archivedAt).toBeNull();
    expect((await admin.get('/api/v1/counterparties/0190a1b2-0000-7000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});

describe('links between clients and counterparties', () => {
  let signer: string;
  let linkId: string;
  const link = (body: Record<string, unknown>, client = clientId) =>
    admin.post(`/api/v1/clients/${client}/counterparties`, { counterpartyId: signer, ...body });

  beforeAll(async () => {
    signer = (await counterparty({ legalName: 'Signer AD', taxId: '121212121' })).json().id;
  });

  it('links a counterparty from a date; the card shows it while it holds', async () => {
    const res = await link({ validFrom: '2024-01-01', validTo: '2024-12-31' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      clientId,
      counterpartyId: signer,
      validFrom: '2024-01-01',
      validTo: '2024-12-31',
    });
    // Ended last year: history, not the card.
    expect((await admin.get(`/api/v1/clients/${clientId}`)).json().counterparties).toEqual([]);
    const open = await link({ validFrom: '2025-01-01' });
    expect(open.statusCode).toBe(201);
    linkId = open.json().id;
    const card = (await admin.get(`/api/v1/clients/${clientId}`)).json();
    expect(card.counterparties).toEqual([
      expect.objectContaining({
        id: linkId,
        legalName: 'Signer AD',
        taxId: '121212121',
        validFrom: '2025-01-01',
        validTo: null,
      }),
    ]);
    const history = (await admin.get(`/api/v1/clients/${clientId}/counterparties`)).json().items;
    expect(history.map((l: any) => [l.validFrom, l.validTo])).toEqual([
      ['2024-01-01', '2024-12-31'],
      ['2025-01-01', null],
    ]);
    const seen = (await admin.get(`/api/v1/counterparties/${signer}`)).json();
    expect(seen.clients.map((c: any) => c.clientName)).toEqual(['Holding One', 'Holding One']);
    const byClient = await admin.get(`/api/v1/counterparties?clientId=${clientId}`);
    expect(byClient.json().items.map((c: any) => c.id)).toEqual([signer]);
  });

  it('lets one counterparty sign for several clients at once', async () => {
    const other = (await admin.post('/api/v1/clients', { name: 'Holding Two' })).json().id;
    expect((await link({ validFrom: '2025-01-01' }, other)).statusCode).toBe(201);
  });

  it.each([
    ['an open link over an open link', { validFrom: '2026-01-01' }, 'validFrom'],
    ['a period inside the open link', { validFrom: '2025-03-01', validTo: '2025-03-31' }, 'validFrom'],
    [
      'a period ending on the first day of the open link',
      { validFrom: '2023-01-01', validTo: '2024-01-01' },
      'validFrom',
    ],
  ])('refuses %s with 409, writing nothing', async (_case, body, field) => {
    const before = await count('client_counterparties');
    const res = await link(body);
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual([field]);
    expect(res.json().errors[0].reason).toMatch(/^overlaps the link valid /);
    expect(await count('client_counterparties')).toBe(before);
  });

  it('is refused by the database too when a write skips the check', async () => {
    const overlapping = t.database.query(
      `insert into client_counterparties (id, tenant_id, client_id, counterparty_id, valid_from)
       values (gen_random_uuid(), $1, $2, $3, '2025-06-01')`,
      [t.acme.tenantId, clientId, signer],
    );
    await expect(overlapping).rejects.toMatchObject({ code: '23P01' });
  });

  it.each([
    ['an end before the start', { validFrom: '2020-05-01', validTo: '2020-04-30' }, 422, ['validTo']],
    ['a date that is no date', { validFrom: '2020-02-30' }, 422, ['validFrom']],
    [
      'an unknown counterparty',
      { counterpartyId: '0190a1b2-0000-7000-8000-000000000000', validFrom: '2020-01-01' },
      422,
      ['counterpartyId'],
    ],
    ['no start', { validTo: '2020-01-01' }, 422, ['validFrom']],
  ])('refuses %s', async (_case, body, status, fields) => {
    const before = await count('client_counterparties');
    const res = await link(body);
    expect(res.statusCode).toBe(status);
    expect(fieldsOf(res)).toEqual(fields);
    expect(await count('client_counterparties')).toBe(before);
  });

  it('refuses a link to an unknown client with 404', async () => {
    expect((await link({ validFrom: '2020-01-01' }, '0190a1b2-0000-7000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });

  it('ends a link; a new one may then start the next day, but not overlap', async () => {
    const ended = await admin.post(`/api/v1/client-counterparty-links/${linkId}/end`, {
      validTo: '2025-06-30',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: linkId, validFrom: '2025-01-01', validTo: '2025-06-30' });
    const wrong = await admin.post(`/api/v1/client-counterparty-links/${linkId}/end`, {
      validTo: '2024-12-31',
    });
    expect(wrong.statusCode).toBe(422);
    expect(fieldsOf(wrong)).toEqual(['validTo']);
    expect((await link({ validFrom: '2025-06-30' })).statusCode).toBe(409);
    const next = await link({ validFrom: '2025-07-01' });
    expect(next.statusCode).toBe(201);
    // Moving the end of the earlier link past the start of the next would make them overlap.
    const reaching = await admin.post(`/api/v1/client-counterparty-links/${linkId}/end`, {
      validTo: '2025-07-01',
    });
    expect(reaching.statusCode).toBe(409);
    expect(fieldsOf(reaching)).toEqual(['validTo']);
    const audit = await t.database.query<{ before: any; after: any }>(
      "select before, after from audit_log where action = 'parties.endCounterpartyLink' and entity_id = $1",
      [linkId],
    );
    expect(audit.map((a) => [a.before.validTo, a.after.validTo])).toEqual([[null, '2025-06-30']]);
  });

  it('refuses linking an archived counterparty', async () => {
    const sleepy = (await counterparty({ legalName: 'Archived Signer' })).json().id;
    await admin.post(`/api/v1/counterparties/${sleepy}/archive`);
    const res = await link({ counterpartyId: sleepy, validFrom: '2025-01-01' });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['counterpartyId']);
  });

  it('links concurrently without two overlapping periods getting through', async () => {
    const fresh = (await counterparty({ legalName: 'Race Entity' })).json().id;
    const results = await Promise.all(
      ['2030-01-01', '2030-02-01', '2030-03-01', '2030-04-01'].map((validFrom) =>
        link({ counterpartyId: fresh, validFrom }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
  });
});
