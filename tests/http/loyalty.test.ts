import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActionForTest } from '../support/run-action.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let programId: string;
let clientId: string;
let cardNumber: string;

const ledgerCount = async () =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from loyalty_ledger'))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const [c] = await t.database.query<{ id: string }>(
    `insert into clients (id, tenant_id, name, name_key, responsible_user_id) values (gen_random_uuid(), $1, 'Coffee Lover', 'coffee lover', $2) returning id`,
    [t.acme.tenantId, t.acme.adminUserId],
  );
  clientId = c.id;
  const program = await admin.post('/api/v1/loyalty-programs', {
    name: 'Beans Club',
    currency: 'EUR',
    accrualPercent: '5',
    categoryPercents: { coffee: '10' },
    expireDays: 30,
    maxRedeemPercent: '50',
    pointValue: '0.5',
  });
  expect(program.statusCode).toBe(201);
  programId = program.json().id;
  const card = await admin.post('/api/v1/loyalty-cards', { programId, clientId, phone: '+359 88 765 4321' });
  expect(card.statusCode).toBe(201);
  cardNumber = card.json().cardNumber;
  expect(cardNumber).toMatch(/^\d{13}$/);
});
afterAll(() => t.close());

describe('loyalty points', () => {
  it('earns by category, finds the member by card or phone, and keeps a ledger with a derived balance', async () => {
    const earned = await admin.post('/api/v1/loyalty/accruals', {
      programId,
      cardNumber,
      currency: 'EUR',
      occurredOn: '2026-01-01',
      lines: [{ amount: '100.00', category: 'coffee' }, { amount: '40.00' }],
    });
    expect(earned.statusCode).toBe(201);
    expect(earned.json()).toMatchObject({
      balance: '12.00',
      entry: { kind: 'accrual', expiresOn: '2026-01-31' },
    });
    const found = (
      await admin.get(
        `/api/v1/loyalty/lookup?programId=${programId}&phone=${encodeURIComponent('+359 887 654 321')}`,
      )
    ).json();
    expect(found).toMatchObject({ card: { clientId }, balance: '12.00' });
    const spent = await admin.post('/api/v1/loyalty/redemptions', {
      programId,
      phone: '+359887654321',
      points: '2.50',
      purchaseAmount: '20.00',
      occurredOn: '2026-01-10',
    });
    expect(spent.json()).toMatchObject({
      balance: '9.50',
      entry: { kind: 'redemption', points: '-2.500000' },
    });
  });

  it.each([
    ['above the balance', { points: '50.00' }, 409, 'points'],
    [
      'above the share a purchase may be paid with',
      { points: '5.00', purchaseAmount: '4.00' },
      422,
      'points',
    ],
    ['with three decimals', { points: '1.005' }, 422, 'points'],
    ['as a JSON number', { points: 1 }, 422, 'points'],
    ['for an unknown card', { points: '1.00', cardNumber: '0000000000000' }, 422, 'cardNumber'],
  ] as [string, Record<string, unknown>, number, string][])(
    'refuses a redemption %s, writing nothing',
    async (_, body, status, field) => {
      const before = await ledgerCount();
      const res = await admin.post('/api/v1/loyalty/redemptions', {
        programId,
        clientId: body.cardNumber ? undefined : clientId,
        ...body,
      });
      expect(res.statusCode).toBe(status);
      expect(res.json().errors.map((e: any) => e.field)).toContain(field);
      expect(await ledgerCount()).toBe(before);
    },
  );

  it('lapses the oldest unspent points on their day, once', async () => {
    await runActionForTest(t, 'expirePoints', { onDay: '2026-01-31' });
    const history = (await admin.get(`/api/v1/clients/${clientId}/loyalty?programId=${programId}`)).json();
    expect(history.balance).toBe('0.00');
    expect(history.entries.map((e: any) => [e.kind, e.points])).toEqual([
      ['accrual', '12.00'],
      ['redemption', '-2.50'],
      ['expiry', '-9.50'],
    ]);
    await runActionForTest(t, 'expirePoints', { onDay: '2026-02-01' });
    expect(
      (await admin.get(`/api/v1/clients/${clientId}/loyalty?programId=${programId}`)).json().entries,
    ).toHaveLength(3);
  });

  it('corrections are new entries; the ledger refuses edits', async () => {
    const fixed = await admin.post('/api/v1/loyalty/adjustments', {
      programId,
      clientId,
      points: '5',
      note: 'Goodwill after a complaint',
    });
    expect(fixed.json().balance).toBe('5.00');
    await expect(t.database.exec('update loyalty_ledger set points = 1000')).rejects.toThrow(/append-only/);
  });
});
