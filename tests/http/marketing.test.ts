import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
const ids: Record<string, string> = {};

const q = (text: string, params: unknown[]) => t.database.query<any>(text, params);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const tenant = t.acme.tenantId;
  await admin.post('/api/v1/exchange-rates', {
    baseCurrency: 'USD',
    quoteCurrency: 'EUR',
    validOn: '2026-03-01',
    rate: '0.9',
  });
  // Every workspace starts with the "Sales" pipeline and its Won stage.
  const [s] = await q(`select id, pipeline_id from stages where outcome = 'won'`, []);
  const p = { id: s.pipeline_id };
  const [c] = await q(
    `insert into clients (id, tenant_id, name, name_key, responsible_user_id) values (gen_random_uuid(), $1, 'Fair Buyer', 'fair buyer', $2) returning id`,
    [tenant, t.acme.adminUserId],
  );
  Object.assign(ids, { pipeline: p.id, stage: s.id, client: c.id });
});
afterAll(() => t.close());

describe('marketing events and attribution', () => {
  it('an event is a source: its leads, won deals and costs come out per source in one currency', async () => {
    const event = await admin.post('/api/v1/marketing-events', {
      name: 'Sofia Expo 2026',
      kind: 'exhibition',
      startsOn: '2026-03-01',
      endsOn: '2026-03-03',
      location: 'Inter Expo Center',
    });
    expect(event.statusCode).toBe(201);
    const { id, sourceId } = event.json();
    const attendee = await admin.post(`/api/v1/marketing-events/${id}/attendees`, {
      clientId: ids.client,
      status: 'attended',
    });
    expect(attendee.statusCode).toBe(201);

    expect(
      (
        await admin.post('/api/v1/marketing-costs', {
          sourceId,
          spentOn: '2026-03-01',
          amount: '1000.00',
          currency: 'EUR',
          note: 'Stand',
        })
      ).statusCode,
    ).toBe(201);
    await admin.post('/api/v1/marketing-costs', {
      sourceId,
      spentOn: '2026-03-01',
      amount: '500',
      currency: 'USD',
    });
    await q(
      `insert into leads (id, tenant_id, person_name, source_id, responsible_user_id) values (gen_random_uuid(), $1, 'Visitor', $2, $3)`,
      [t.acme.tenantId, sourceId, t.acme.adminUserId],
    );
    for (const [amount, currency] of [
      ['3000.00', 'EUR'],
      ['1000.00', 'USD'],
    ]) {
      await q(
        `insert into deals (id, tenant_id, title, pipeline_id, stage_id, client_id, amount, currency, responsible_user_id, status, source_id, closed_at)
         values (gen_random_uuid(), $1, 'Expo deal', $2, $3, $4, $5, $6, $7, 'won', $8, '2026-03-05T10:00:00Z')`,
        [
          t.acme.tenantId,
          ids.pipeline,
          ids.stage,
          ids.client,
          amount,
          currency,
          t.acme.adminUserId,
          sourceId,
        ],
      );
    }
    const report = await admin.get('/api/v1/attribution?from=2026-01-01&to=2026-12-31&currency=EUR');
    expect(report.statusCode).toBe(200);
    const row = report.json().items.find((r: any) => r.sourceId === sourceId);
    // won: 3000 EUR + 1000 USD at 0.9 = 3900.00; cost: 1000 EUR + 500 USD at 0.9 = 1450.00
    expect(row).toMatchObject({
      kind: 'event',
      name: 'Sofia Expo 2026',
      leads: 1,
      wonDeals: 2,
      wonAmount: '3900.00',
      cost: '1450.00',
      returnOnCost: '2.6897',
      unconverted: [],
    });

    const card = (await admin.get(`/api/v1/marketing-events/${id}`)).json();
    expect(card.attendees).toHaveLength(1);
    expect(card.costs.map((c: any) => c.amount)).toEqual(['1000.0000', '500.0000']);
  });

  it('reports amounts it cannot convert instead of guessing a rate', async () => {
    const event = (
      await admin.post('/api/v1/marketing-events', {
        name: 'Ulaanbaatar Fair',
        kind: 'exhibition',
        startsOn: '2026-04-01',
        endsOn: '2026-04-01',
      })
    ).json();
    await admin.post('/api/v1/marketing-costs', {
      sourceId: event.sourceId,
      spentOn: '2026-04-01',
      amount: '1000000',
      currency: 'MNT',
    });
    const row = (await admin.get('/api/v1/attribution?from=2026-04-01&to=2026-04-30&currency=EUR'))
      .json()
      .items.find((r: any) => r.sourceId === event.sourceId);
    expect(row).toMatchObject({
      cost: '0.00',
      returnOnCost: null,
      unconverted: [{ currency: 'MNT', on: '2026-04-01', amount: '1000000.0000' }],
    });
  });

  it.each([
    [
      'an event ending before it starts',
      '/api/v1/marketing-events',
      { name: 'Backwards', kind: 'seminar', startsOn: '2026-05-02', endsOn: '2026-05-01' },
      'endsOn',
    ],
    [
      'an unknown kind',
      '/api/v1/marketing-events',
      { name: 'Party', kind: 'party', startsOn: '2026-05-01', endsOn: '2026-05-01' },
      'kind',
    ],
    [
      'a cost as a JSON number',
      '/api/v1/marketing-costs',
      {
        sourceId: '0191e1e0-1234-7abc-8def-0123456789ab',
        spentOn: '2026-05-01',
        amount: 10.5,
        currency: 'EUR',
      },
      'amount',
    ],
    [
      'a cost for no source',
      '/api/v1/marketing-costs',
      {
        sourceId: '0191e1e0-1234-7abc-8def-0123456789ab',
        spentOn: '2026-05-01',
        amount: '10',
        currency: 'EUR',
      },
      'sourceId',
    ],
    ['an attendee who is nobody', '/api/v1/marketing-events/<event>/attendees', {}, 'clientId'],
  ])('refuses %s', async (_, url, body, field) => {
    const event = (await admin.get('/api/v1/marketing-events')).json().items[0];
    const before = (await q('select count(*)::int as n from audit_log', []))[0].n;
    const res = await admin.post(url.replace('<event>', event.id), body);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => e.field)).toContain(field);
    expect((await q('select count(*)::int as n from audit_log', []))[0].n).toBe(before);
  });

  it('archives an event with its source, and restores both', async () => {
    const event = (
      await admin.post('/api/v1/marketing-events', {
        name: 'Varna Fair 2026',
        kind: 'exhibition',
        startsOn: '2026-06-01',
        endsOn: '2026-06-02',
      })
    ).json();
    const listed = async (query = '') =>
      (await admin.get(`/api/v1/marketing-events?q=Varna${query}`)).json().items.map((e: any) => e.id);
    const source = async () => (await admin.get(`/api/v1/sources/${event.sourceId}`)).json();

    const archived = await admin.post(`/api/v1/marketing-events/${event.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).toEqual(expect.any(String));
    expect(await listed()).toEqual([]);
    expect(await listed('&includeArchived=true')).toEqual([event.id]);
    expect((await source()).archivedAt).toEqual(expect.any(String));

    const restored = await admin.post(`/api/v1/marketing-events/${event.id}/restore`);
    expect(restored.json().archivedAt).toBeNull();
    expect(await listed()).toEqual([event.id]);
    expect((await source()).archivedAt).toBeNull();
    const unknown = await admin.post('/api/v1/marketing-events/0190a1b2-0000-7000-8000-000000000000/archive');
    expect(unknown.statusCode).toBe(404);
  });
});
