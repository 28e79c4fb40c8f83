import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let rep: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const roles = (await admin.get('/api/v1/roles')).json().items;
  const salesRep = roles.find((r: any) => r.key === 'sales_rep');
  const made = await admin.post('/api/v1/users', {
    email: 'rep@acme.test',
    name: 'Rep',
    password: 'long enough 123',
    roleIds: [salesRep.id],
  });
  expect(made.statusCode).toBe(201);
  rep = await t.login('rep@acme.test', 'long enough 123');
});
afterAll(() => t.close());

const fieldsOf = (res: { json(): any }) =>
  res
    .json()
    .errors.map((e: any) => e.field)
    .sort();

describe('currencies', () => {
  it('lists the starter currencies by code and finds them by text', async () => {
    const list = await admin.get('/api/v1/currencies?limit=200');
    expect(list.statusCode).toBe(200);
    const codes = list.json().items.map((c: any) => c.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(['EUR', 'USD', 'BGN', 'MNT']));
    const found = (await admin.get('/api/v1/currencies?q=lev')).json().items;
    expect(found.map((c: any) => c.code)).toEqual(['BGN']);
    expect(found[0]).not.toHaveProperty('tenantId');
  });

  it('adds a currency with ISO defaults and shows it by code', async () => {
    const created = await admin.post('/api/v1/currencies', { code: 'SGD', name: 'Singapore dollar' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'SGD',
      name: 'Singapore dollar',
      precision: 2,
      active: true,
    });
    const one = await admin.get('/api/v1/currencies/SGD');
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ code: 'SGD', createdAt: expect.any(String) });
    expect((await admin.get('/api/v1/currencies/XYZ')).statusCode).toBe(404);
  });

  it('changes a currency by code and keeps the change in the audit log', async () => {
    const res = await admin.patch('/api/v1/currencies/SGD', { symbol: 'S$', precision: 3, active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'SGD', symbol: 'S$', precision: 3, active: false });
    const inactive = (await admin.get('/api/v1/currencies?active=false')).json().items;
    expect(inactive.map((c: any) => c.code)).toEqual(['SGD']);
    const audit = (await admin.get('/api/v1/audit-log?action=directories.updateCurrency')).json().items;
    expect(audit[0]).toMatchObject({
      entity: 'currency',
      before: { symbol: expect.any(String), precision: 2, active: true },
      after: { symbol: 'S$', precision: 3, active: false },
    });
  });

  it("refuses to switch off a company's base currency", async () => {
    const res = await admin.patch('/api/v1/currencies/EUR', { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('EUR is the base currency of Acme Ltd; it cannot be switched off.');
    expect(res.json().errors).toEqual([{ field: 'active', reason: expect.stringContaining('Acme Ltd') }]);
    expect((await admin.get('/api/v1/currencies/EUR')).json().active).toBe(true);
  });

  it('refuses a duplicate code with a 409 naming the field', async () => {
    const res = await admin.post('/api/v1/currencies', { code: 'EUR', name: 'Euro again' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ field: 'code', reason: 'is already taken' }]);
    expect(res.json().detail).toContain('EUR');
  });

  it.each([
    ['a lowercase code', { code: 'sgd', name: 'x' }, ['code']],
    ['a precision out of range', { code: 'ZAR', name: 'Rand', precision: 5 }, ['precision']],
    ['a name of the wrong type', { code: 'ZAR', name: 7 }, ['name']],
    ['an unknown field', { code: 'ZAR', name: 'Rand', colour: 'green' }, ['colour']],
    ['no name', { code: 'ZAR' }, ['name']],
  ])('refuses %s with a 422 naming the field', async (_case, body, fields) => {
    const res = await admin.post('/api/v1/currencies', body);
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(fields);
  });

  it('refuses to change the code or an unknown currency', async () => {
    expect(fieldsOf(await admin.patch('/api/v1/currencies/SGD', { code: 'SGX' }))).toEqual(['code']);
    expect((await admin.patch('/api/v1/currencies/XYZ', { name: 'Nothing' })).statusCode).toBe(404);
  });
});

describe('exchange rates', () => {
  it('records a rate and shows it without the padding the database adds', async () => {
    const res = await admin.post('/api/v1/exchange-rates', {
      baseCurrency: 'EUR',
      quoteCurrency: 'BGN',
      validOn: '2026-01-01',
      rate: '1.95583',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      baseCurrency: 'EUR',
      quoteCurrency: 'BGN',
      validOn: '2026-01-01',
      rate: '1.95583',
    });
  });

  it('replaces the rate of the same pair and day, and audits what it replaced', async () => {
    const first = await admin.post('/api/v1/exchange-rates', {
      baseCurrency: 'USD',
      quoteCurrency: 'EUR',
      validOn: '2026-03-02',
      rate: '0.92',
    });
    expect(first.statusCode).toBe(201);
    const again = await admin.post('/api/v1/exchange-rates', {
      baseCurrency: 'USD',
      quoteCurrency: 'EUR',
      validOn: '2026-03-02',
      rate: '0.9150',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, rate: '0.915' });
    const listed = (await admin.get('/api/v1/exchange-rates?base=USD&quote=EUR')).json().items;
    expect(listed).toHaveLength(1);
    const audit = (await admin.get('/api/v1/audit-log?action=directories.recordExchangeRate&limit=1')).json()
      .items[0];
    expect(audit).toMatchObject({ entity: 'exchangeRate', entityId: first.json().id });
    expect(audit.before.rate).toMatch(/^0\.92/);
    expect(audit.after.rate).toMatch(/^0\.915/);
  });

  it('two clerks recording the same day at once both succeed, and one rate remains', async () => {
    const body = (rate: string) => ({
      baseCurrency: 'GBP',
      quoteCurrency: 'EUR',
      validOn: '2026-04-01',
      rate,
    });
    const answers = await Promise.all([
      admin.post('/api/v1/exchange-rates', body('1.17')),
      admin.post('/api/v1/exchange-rates', body('1.18')),
    ]);
    for (const res of answers) expect([200, 201]).toContain(res.statusCode);
    const rows = (await admin.get('/api/v1/exchange-rates?base=GBP&quote=EUR')).json().items;
    expect(rows).toHaveLength(1);
    expect(['1.17', '1.18']).toContain(rows[0].rate);
  });

  it('answers a repeated request with the same Idempotency-Key from its first answer', async () => {
    const body = { baseCurrency: 'CHF', quoteCurrency: 'EUR', validOn: '2026-04-01', rate: '1.05' };
    const key = { 'idempotency-key': 'rate-chf-2026-04-01' };
    const first = await admin.post('/api/v1/exchange-rates', body, key);
    const again = await admin.post('/api/v1/exchange-rates', body, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
  });

  it('lists latest day first and filters by pair and dates', async () => {
    for (const [validOn, rate] of [
      ['2026-03-03', '0.91'],
      ['2026-03-04', '0.93'],
      ['2026-03-05', '0.94'],
    ])
      await admin.post('/api/v1/exchange-rates', {
        baseCurrency: 'USD',
        quoteCurrency: 'EUR',
        validOn,
        rate,
      });
    const all = (await admin.get('/api/v1/exchange-rates?base=USD')).json();
    expect(all.items.map((r: any) => r.validOn)).toEqual([
      '2026-03-05',
      '2026-03-04',
      '2026-03-03',
      '2026-03-02',
    ]);
    const window = (
      await admin.get('/api/v1/exchange-rates?from=2026-03-03&to=2026-03-04&sort=validOn')
    ).json();
    expect(window.items.map((r: any) => [r.validOn, r.rate])).toEqual([
      ['2026-03-03', '0.91'],
      ['2026-03-04', '0.93'],
    ]);
    const page1 = (await admin.get('/api/v1/exchange-rates?base=USD&quote=EUR&limit=3')).json();
    const page2 = (
      await admin.get(`/api/v1/exchange-rates?base=USD&quote=EUR&limit=3&cursor=${page1.nextCursor}`)
    ).json();
    expect([...page1.items, ...page2.items].map((r: any) => r.validOn)).toEqual([
      '2026-03-05',
      '2026-03-04',
      '2026-03-03',
      '2026-03-02',
    ]);
    expect(page2.nextCursor).toBeNull();
  });

  it.each([
    [
      'the rate of the day',
      'USD',
      'EUR',
      '2026-03-04',
      { rate: '0.93', validOn: '2026-03-04', inverted: false },
    ],
    [
      'the latest earlier rate',
      'USD',
      'EUR',
      '2026-12-31',
      { rate: '0.94', validOn: '2026-03-05', inverted: false },
    ],
    [
      'the reverse pair inverted',
      'BGN',
      'EUR',
      '2026-02-01',
      { rate: '0.5112918812', validOn: '2026-01-01', inverted: true },
    ],
    ['a currency against itself', 'EUR', 'EUR', '2026-02-01', { rate: '1', validOn: null, inverted: false }],
  ])('looks up %s', async (_case, base, quote, on, expected) => {
    const res = await admin.get(`/api/v1/exchange-rates/lookup?base=${base}&quote=${quote}&on=${on}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ base, quote, on, ...expected });
  });

  it('answers 404 when no rate is in force, and 422 for a malformed day', async () => {
    const before = await admin.get('/api/v1/exchange-rates/lookup?base=USD&quote=EUR&on=2026-03-01');
    expect(before.statusCode).toBe(404);
    expect(before.headers['content-type']).toContain('application/problem+json');
    expect(before.json().detail).toContain('USD to EUR');
    const bad = await admin.get('/api/v1/exchange-rates/lookup?base=USD&quote=EUR&on=2026-13-01');
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['on']);
  });

  it.each([
    ['a negative rate', { rate: '-1.5' }, 'rate'],
    ['a zero rate', { rate: '0' }, 'rate'],
    ['a rate in exponent notation', { rate: '1e5' }, 'rate'],
    ['a rate as a JSON number', { rate: 1.5 }, 'rate'],
    ['more places than a rate keeps', { rate: '1.12345678901' }, 'rate'],
    ['a day that does not exist', { validOn: '2026-02-30' }, 'validOn'],
    ['a day in another format', { validOn: '01.03.2026' }, 'validOn'],
    ['an unknown currency', { quoteCurrency: 'XXX' }, 'quoteCurrency'],
    ['a pair of one currency', { quoteCurrency: 'USD' }, 'quoteCurrency'],
    ['an unknown field', { source: 'ECB' }, 'source'],
  ])('refuses %s with a 422 naming the field', async (_case, change, field) => {
    const res = await admin.post('/api/v1/exchange-rates', {
      baseCurrency: 'USD',
      quoteCurrency: 'GBP',
      validOn: '2026-03-01',
      rate: '0.79',
      ...change,
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(res)).toEqual([field]);
  });
});

describe('who may change currencies and rates', () => {
  it('a member without directories:manage reads but cannot write', async () => {
    expect((await rep.get('/api/v1/currencies')).statusCode).toBe(200);
    expect((await rep.get('/api/v1/currencies/EUR')).statusCode).toBe(200);
    expect((await rep.get('/api/v1/exchange-rates')).statusCode).toBe(200);
    expect((await rep.get('/api/v1/exchange-rates/lookup?base=EUR&quote=BGN&on=2026-01-02')).statusCode).toBe(
      200,
    );
    const writes = [
      await rep.post('/api/v1/currencies', { code: 'ZAR', name: 'Rand' }),
      await rep.patch('/api/v1/currencies/EUR', { name: 'Euro!' }),
      await rep.post('/api/v1/exchange-rates', {
        baseCurrency: 'EUR',
        quoteCurrency: 'USD',
        validOn: '2026-03-01',
        rate: '1.08',
      }),
    ];
    for (const res of writes) {
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toContain('directories:manage');
    }
  });
});

describe('tenant isolation', () => {
  it("another workspace does not see Acme's currency or rates", async () => {
    await t.makeTenant('Beta', 'admin@beta.test');
    const beta = await t.login('admin@beta.test');
    expect((await beta.get('/api/v1/currencies/SGD')).statusCode).toBe(404);
    expect((await beta.get('/api/v1/currencies?q=SGD')).json().items).toEqual([]);
    expect((await beta.get('/api/v1/exchange-rates')).json().items).toEqual([]);
    expect(
      (await beta.get('/api/v1/exchange-rates/lookup?base=USD&quote=EUR&on=2026-12-31')).statusCode,
    ).toBe(404);
    // Beta may add the same code: each workspace has its own list.
    expect(
      (await beta.post('/api/v1/currencies', { code: 'SGD', name: 'Singapore dollar' })).statusCode,
    ).toBe(201);
    expect((await beta.patch('/api/v1/currencies/SGD', { name: 'Beta SGD' })).statusCode).toBe(200);
    expect((await admin.get('/api/v1/currencies/SGD')).json().name).toBe('Singapore dollar');
  });
});
