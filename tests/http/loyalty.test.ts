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
    [
      'for an unknown client',
      { points: '1.00', clientId: '0190a1b2-0000-7000-8000-000000000000' },
      422,
      'clientId',
    ],
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

  it('refuses a card for a client that does not exist, naming clientId', async () => {
    const res = await admin.post('/api/v1/loyalty-cards', {
      programId,
      clientId: '0190a1b2-0000-7000-8000-000000000000',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'clientId', reason: 'client 0190a1b2-0000-7000-8000-000000000000 does not exist' },
    ]);
  });

  it('refuses a card number someone typed with a wrong check digit, naming cardNumber', async () => {
    const res = await admin.post('/api/v1/loyalty-cards', {
      programId,
      clientId,
      cardNumber: '1234567890127',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'cardNumber', reason: expect.stringContaining('should be 8') },
    ]);
    const good = await admin.post('/api/v1/loyalty-cards', {
      programId,
      clientId,
      cardNumber: '1234567890128',
    });
    expect(good.statusCode).toBe(201);
  });

  it('moves the cards of a merged client to the one kept, where they go on earning', async () => {
    const [dup] = await t.database.query<{ id: string }>(
      `insert into clients (id, tenant_id, name, name_key, responsible_user_id) values (gen_random_uuid(), $1, 'Coffee Lover (old)', 'coffee lover old', $2) returning id`,
      [t.acme.tenantId, t.acme.adminUserId],
    );
    const card = (await admin.post('/api/v1/loyalty-cards', { programId, clientId: dup.id })).json();
    const merged = await admin.post(`/api/v1/clients/${dup.id}/merge`, { intoClientId: clientId });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().moved['crm-loyalty']).toBe(1);
    const found = await admin.get(
      `/api/v1/loyalty/lookup?programId=${programId}&cardNumber=${card.cardNumber}`,
    );
    expect(found.json().card).toMatchObject({ id: card.id, clientId });
  });

  it("lists the cards with their client's name; a sales rep sees only their own clients' cards", async () => {
    const listed = await admin.get(`/api/v1/loyalty-cards?programId=${programId}&clientId=${clientId}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items[0]).toMatchObject({ programId, clientId, clientName: 'Coffee Lover' });
    const roles = Object.fromEntries(
      (await admin.get('/api/v1/roles')).json().items.map((r: { key: string; id: string }) => [r.key, r.id]),
    );
    await admin.post('/api/v1/users', {
      email: 'loyalty.rep@acme.test',
      name: 'Rep',
      password: 'rep password 1',
      roleIds: [roles.sales_rep],
    });
    const rep = await t.login('loyalty.rep@acme.test', 'rep password 1');
    const seen = await rep.get(`/api/v1/loyalty-cards?programId=${programId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items).toEqual([]);
  });

  it('blocks a lost card so the till no longer finds it, and unblocks it', async () => {
    const card = (await admin.post('/api/v1/loyalty-cards', { programId, clientId })).json();
    const lookup = () =>
      admin.get(`/api/v1/loyalty/lookup?programId=${programId}&cardNumber=${card.cardNumber}`);
    const blocked = await admin.post(`/api/v1/loyalty-cards/${card.id}/block`);
    expect(blocked.statusCode).toBe(200);
    expect(blocked.json().blockedAt).toEqual(expect.any(String));
    const refused = await admin.post('/api/v1/loyalty/adjustments', {
      programId,
      cardNumber: card.cardNumber,
      points: '1',
      note: 'On a blocked card',
    });
    expect(refused.statusCode).toBe(422);
    expect((await lookup()).statusCode).not.toBe(200);
    const unblocked = await admin.post(`/api/v1/loyalty-cards/${card.id}/unblock`);
    expect(unblocked.json().blockedAt).toBeNull();
    expect((await lookup()).json().card.id).toBe(card.id);
  });

  it('changes a program from now on, but not its currency, and archives it', async () => {
    const program = (
      await admin.post('/api/v1/loyalty-programs', { name: 'Tea Club', currency: 'EUR', accrualPercent: '2' })
    ).json();
    const changed = await admin.patch(`/api/v1/loyalty-programs/${program.id}`, {
      name: 'Tea Club Gold',
      accrualPercent: '3',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Tea Club Gold', currency: 'EUR' });
    expect(Number(changed.json().accrualPercent)).toBe(3);
    const currency = await admin.patch(`/api/v1/loyalty-programs/${program.id}`, { currency: 'USD' });
    expect(currency.statusCode).toBe(422);
    expect(currency.json().errors.map((e: any) => e.field)).toEqual(['currency']);

    const archived = await admin.post(`/api/v1/loyalty-programs/${program.id}/archive`);
    expect(archived.json().archivedAt).toEqual(expect.any(String));
    const names = async (query = '') =>
      (await admin.get(`/api/v1/loyalty-programs${query}`)).json().items.map((p: any) => p.name);
    expect(await names()).not.toContain('Tea Club Gold');
    expect(await names('?includeArchived=true')).toContain('Tea Club Gold');
    const accrual = await admin.post('/api/v1/loyalty/adjustments', {
      programId: program.id,
      clientId,
      points: '1',
      note: 'After archiving',
    });
    expect(accrual.statusCode).toBe(422);
    expect(accrual.json().errors).toEqual([{ field: 'programId', reason: '"Tea Club Gold" is archived' }]);
    const restored = await admin.post(`/api/v1/loyalty-programs/${program.id}/restore`);
    expect(restored.json().archivedAt).toBeNull();
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
