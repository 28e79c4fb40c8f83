import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let rep: Client;
let pipelineId: string;
let stage: Record<string, string>;
const dealIds: Record<string, string> = {};

const sql = (text: string, params: unknown[] = []) => t.database.query<any>(text, params);

async function addClient(name: string, responsibleUserId: string) {
  const id = uuidv7();
  await sql(
    `insert into clients (id, tenant_id, name, kind, name_key, responsible_user_id) values ($1, $2, $3, 'organization', lower($3), $4)`,
    [id, t.acme.tenantId, name, responsibleUserId],
  );
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const roles = (await admin.get('/api/v1/roles')).json().items;
  const made = await admin.post('/api/v1/users', {
    email: 'rep@acme.test',
    name: 'Rep',
    password: 'long enough 123',
    roleIds: [roles.find((r: any) => r.key === 'sales_rep').id],
  });
  const repId = made.json().id;
  rep = await t.login('rep@acme.test', 'long enough 123');

  for (const [baseCurrency, quoteCurrency, validOn, rate] of [
    ['USD', 'EUR', '2026-03-01', '0.92'],
    ['USD', 'EUR', '2026-04-01', '0.95'],
    // Only EUR→BGN is kept: BGN→EUR is its reciprocal, 0.5112918812.
    ['EUR', 'BGN', '2026-01-01', '1.95583'],
    ['JPY', 'EUR', '2026-03-01', '0.0061'],
  ])
    expect(
      (await admin.post('/api/v1/exchange-rates', { baseCurrency, quoteCurrency, validOn, rate })).statusCode,
    ).toBe(201);

  const pipeline = await admin.post('/api/v1/pipelines', {
    name: 'Board',
    stages: [
      { name: 'Lead', probability: '10' },
      { name: 'Offer', probability: '50' },
      { name: 'Won', probability: '100', outcome: 'won' },
      { name: 'Lost', probability: '0', outcome: 'lost' },
    ],
  });
  pipelineId = pipeline.json().id;
  stage = Object.fromEntries(pipeline.json().stages.map((s: any) => [s.name, s.id]));

  const repClient = await addClient('Rep Client', repId);
  const otherClient = await addClient('Other Client', t.acme.adminUserId);
  const deals: [string, string, string | null, string, string][] = [
    ['eur', 'EUR', '1000.00', 'Lead', repClient],
    ['usd', 'USD', '500.00', 'Lead', repClient],
    ['bgn', 'BGN', '195.58', 'Lead', otherClient],
    ['none', 'EUR', null, 'Lead', repClient],
    ['usd2', 'USD', '1234.57', 'Offer', repClient],
    ['mnt', 'MNT', '500000', 'Offer', repClient],
    ['jpy', 'JPY', '12345', 'Offer', otherClient],
    ['won', 'EUR', '99.99', 'Lead', repClient],
  ];
  for (const [key, currency, amount, stageName, clientId] of deals) {
    const res = await admin.post('/api/v1/deals', {
      title: `Deal ${key}`,
      currency,
      ...(amount ? { amount } : {}),
      clientId,
      pipelineId,
      stageId: stage[stageName],
    });
    expect(res.statusCode).toBe(201);
    dealIds[key] = res.json().id;
  }
  expect((await admin.post(`/api/v1/deals/${dealIds.won}/win`)).statusCode).toBe(200);
  // Enough lost deals to fill more than one column of cards; they weigh nothing.
  await sql(
    `insert into deals (id, tenant_id, title, pipeline_id, stage_id, client_id, currency, responsible_user_id, status, created_at)
     select gen_random_uuid(), $1, 'Old loss ' || n, $2, $3, $4, 'EUR', $5, 'lost', now() - n * interval '1 hour'
     from generate_series(1, 51) as n`,
    [t.acme.tenantId, pipelineId, stage.Lost, otherClient, t.acme.adminUserId],
  );
});
afterAll(() => t.close());

const board = async (as: Client, query: string) => {
  const res = await as.get(`/api/v1/pipelines/${pipelineId}/board?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const columns = (b: any) =>
  b.stages.map((s: any) => [s.name, s.dealCount, s.unconvertedCount, s.total, s.weightedTotal]);

describe('the board of a pipeline', () => {
  it('totals each stage in EUR at the rates of the day, exactly, and lists what it could not convert', async () => {
    const b = await board(admin, 'currency=EUR&on=2026-03-15');
    expect(b).toMatchObject({
      pipeline: { id: pipelineId, name: 'Board' },
      currency: 'EUR',
      on: '2026-03-15',
    });
    expect(b.rates).toEqual([
      { currency: 'BGN', rate: '0.5112918812', validOn: '2026-01-01', inverted: true },
      { currency: 'EUR', rate: '1', validOn: null, inverted: false },
      { currency: 'JPY', rate: '0.0061', validOn: '2026-03-01', inverted: false },
      { currency: 'USD', rate: '0.92', validOn: '2026-03-01', inverted: false },
    ]);
    // Lead: 1000 + 500 × 0.92 + 195.58 × 0.5112918812 = 1559.9984661… → 1560.00, 10% → 156.00
    // Offer: 1234.57 × 0.92 + 12345 × 0.0061 = 1211.1089 → 1211.11, 50% → 605.55445 → 605.55
    expect(columns(b)).toEqual([
      ['Lead', 4, 0, '1560.00', '156.00'],
      ['Offer', 3, 1, '1211.11', '605.55'],
      ['Won', 1, 0, '99.99', '99.99'],
      ['Lost', 51, 0, '0.00', '0.00'],
    ]);
    expect(b).toMatchObject({ dealCount: 59, total: '2871.10', weightedTotal: '861.54' });
    expect(b.unconvertedCurrencies).toEqual(['MNT']);
    expect(b.unconverted).toEqual([
      {
        id: dealIds.mnt,
        title: 'Deal mnt',
        stageId: stage.Offer,
        currency: 'MNT',
        amount: expect.stringMatching(/^500000/),
      },
    ]);
  });

  it('takes the rate in force on the day asked for', async () => {
    const b = await board(admin, 'currency=EUR&on=2026-04-15');
    expect(b.rates.find((r: any) => r.currency === 'USD')).toEqual({
      currency: 'USD',
      rate: '0.95',
      validOn: '2026-04-01',
      inverted: false,
    });
    // Offer: 1234.57 × 0.95 + 75.3045 = 1248.146 → 1248.15; 50% = 624.073 → 624.07
    expect(columns(b).slice(0, 2)).toEqual([
      ['Lead', 4, 0, '1575.00', '157.50'],
      ['Offer', 3, 1, '1248.15', '624.07'],
    ]);
    expect(b).toMatchObject({ total: '2923.14', weightedTotal: '881.56' });
  });

  it('converts to another currency with the reciprocal rate, ties to even, and leaves out pairs never recorded', async () => {
    const b = await board(admin, 'currency=USD&on=2026-03-15');
    expect(b.rates).toEqual([
      { currency: 'EUR', rate: '1.0869565217', validOn: '2026-03-01', inverted: true },
      { currency: 'USD', rate: '1', validOn: null, inverted: false },
    ]);
    // Offer: only 1234.57 USD converts; 50% is 617.285, a tie that goes to the even 617.28.
    expect(columns(b)).toEqual([
      ['Lead', 4, 1, '1586.96', '158.70'],
      ['Offer', 3, 2, '1234.57', '617.28'],
      ['Won', 1, 0, '108.68', '108.68'],
      ['Lost', 51, 0, '0.00', '0.00'],
    ]);
    expect(b.unconvertedCurrencies).toEqual(['BGN', 'JPY', 'MNT']);
    expect(b.unconverted.map((d: any) => d.title).sort()).toEqual(['Deal bgn', 'Deal jpy', 'Deal mnt']);
  });

  it('shows the newest cards of each stage, at most 50, with the count of all', async () => {
    const b = await board(admin, 'currency=EUR&on=2026-03-15');
    const lost = b.stages.find((s: any) => s.name === 'Lost');
    expect(lost.dealCount).toBe(51);
    expect(lost.deals).toHaveLength(50);
    expect(lost.deals[0].title).toBe('Old loss 1');
    expect(lost.deals.at(-1).title).toBe('Old loss 50');
    // The column's cursor goes on in the deal list of its stage: the 51st deal, and no more.
    expect(lost.nextCursor).toEqual(expect.any(String));
    const more = (
      await admin.get(`/api/v1/deals?stageId=${lost.id}&cursor=${encodeURIComponent(lost.nextCursor)}`)
    ).json();
    expect(more.items.map((d: any) => d.title)).toEqual(['Old loss 51']);
    expect(more.nextCursor).toBeNull();
    const lead = b.stages.find((s: any) => s.name === 'Lead');
    expect(lead.deals.map((d: any) => d.title)).toEqual(['Deal none', 'Deal bgn', 'Deal usd', 'Deal eur']);
    expect(lead.deals[3]).toMatchObject({
      amount: '1000.00',
      currency: 'EUR',
      stageName: 'Lead',
      clientName: 'Rep Client',
    });
    expect(lead.deals[0].amount).toBeNull();
    expect(lead.nextCursor).toBeNull();
  });

  it("shows a rep only their own clients' deals, and totals those", async () => {
    const b = await board(rep, 'currency=EUR&on=2026-03-15');
    expect(columns(b)).toEqual([
      ['Lead', 3, 0, '1460.00', '146.00'],
      ['Offer', 2, 1, '1135.80', '567.90'],
      ['Won', 1, 0, '99.99', '99.99'],
      ['Lost', 0, 0, '0.00', '0.00'],
    ]);
    expect(b).toMatchObject({ dealCount: 6, total: '2695.79', weightedTotal: '813.89' });
  });

  it('filters by responsible, refuses an unknown currency and answers 404 for an unknown pipeline', async () => {
    const none = await board(admin, `currency=EUR&on=2026-03-15&responsibleUserId=${uuidv7()}`);
    expect(none.dealCount).toBe(0);
    const bad = await admin.get(`/api/v1/pipelines/${pipelineId}/board?currency=XYZ`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ field: 'currency', reason: 'XYZ is not in the currency list' }]);
    expect((await admin.get(`/api/v1/pipelines/${pipelineId}/board`)).statusCode).toBe(422);
    expect((await admin.get(`/api/v1/pipelines/${uuidv7()}/board?currency=EUR`)).statusCode).toBe(404);
  });

  it('uses today when no day is given', async () => {
    const b = await board(admin, 'currency=EUR');
    expect(b.on).toBe(new Date().toISOString().slice(0, 10));
  });
});
