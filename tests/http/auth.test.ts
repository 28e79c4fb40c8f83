import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let roleIds: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  roleIds = Object.fromEntries(
    (await admin.get('/api/v1/roles')).json().items.map((r: any) => [r.key, r.id]),
  );
});
afterAll(() => t.close());

const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'tandem_session');

describe('login', () => {
  it('sets an httpOnly SameSite session cookie and answers who is logged in', async () => {
    const res = await t
      .client()
      .post('/api/v1/auth/login', { email: 'ADMIN@acme.test', password: ADMIN_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tandem_session') as any;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({ user: { email: 'admin@acme.test' }, tenant: { name: 'Acme' } });
    const me = await t.client({ cookie: `tandem_session=${cookie.value}` }).get('/api/v1/auth/me');
    expect(me.json()).toMatchObject({ permissions: ['*'], ownRecordsOnly: false });
    expect(me.json().modules.map((m: any) => m.key)).toContain('integrations');
  });

  it.each([
    ['a wrong password', { email: 'admin@acme.test', password: 'not the password' }],
    ['an unknown email', { email: 'nobody@acme.test', password: ADMIN_PASSWORD }],
  ])('refuses %s with the same 401 problem', async (_, body) => {
    const res = await t.client().post('/api/v1/auth/login', body);
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('The email or password is wrong.');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('rate-limits repeated attempts for one email', async () => {
    const client = t.client();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push(
        (await client.post('/api/v1/auth/login', { email: 'victim@acme.test', password: `guess-${i}` }))
          .statusCode,
      );
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it('answers 401 without a session, and with a made-up one', async () => {
    expect((await t.client().get('/api/v1/companies')).statusCode).toBe(401);
    const forged = await t.client({ cookie: 'tandem_session=forged' }).get('/api/v1/companies');
    expect(forged.statusCode).toBe(401);
    expect(forged.json().title).toBe('Not authenticated');
  });
});

describe('logout and passwords', () => {
  it('logout revokes the session on the server', async () => {
    const client = await t.login('admin@acme.test');
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('changing the password ends the other sessions and the old password stops working', async () => {
    await admin.post('/api/v1/users', {
      email: 'pat@acme.test',
      name: 'Pat',
      password: 'first password 1',
      roleIds: [roleIds.accountant],
    });
    const here = await t.login('pat@acme.test', 'first password 1');
    const elsewhere = await t.login('pat@acme.test', 'first password 1');
    const wrong = await here.post('/api/v1/auth/password', {
      currentPassword: 'nope',
      newPassword: 'second password 2',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { field: 'currentPassword', reason: 'is not your current password' },
    ]);
    const short = await here.post('/api/v1/auth/password', {
      currentPassword: 'first password 1',
      newPassword: 'short',
    });
    expect(short.json().errors[0].field).toBe('newPassword');
    expect(
      (
        await here.post('/api/v1/auth/password', {
          currentPassword: 'first password 1',
          newPassword: 'second password 2',
        })
      ).statusCode,
    ).toBe(204);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(
      (await t.client().post('/api/v1/auth/login', { email: 'pat@acme.test', password: 'first password 1' }))
        .statusCode,
    ).toBe(401);
    await t.login('pat@acme.test', 'second password 2');
  });

  it('a deactivated member is logged out and cannot log in to that workspace', async () => {
    const { id } = (
      await admin.post('/api/v1/users', {
        email: 'sam@acme.test',
        name: 'Sam',
        password: 'sam password 1',
        roleIds: [roleIds.warehouse],
      })
    ).json();
    const sam = await t.login('sam@acme.test', 'sam password 1');
    expect((await admin.patch(`/api/v1/users/${id}`, { active: false })).json().active).toBe(false);
    expect((await sam.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(
      (await t.client().post('/api/v1/auth/login', { email: 'sam@acme.test', password: 'sam password 1' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('invitations', () => {
  it('invite, look at the link, accept with a new password, work in the workspace', async () => {
    const invited = await admin.post('/api/v1/invitations', {
      email: 'New.Person@acme.test',
      roleIds: [roleIds.sales_rep],
    });
    expect(invited.statusCode).toBe(201);
    const { token, acceptUrl } = invited.json();
    expect(acceptUrl).toBe(`/invite/${token}`);
    const view = await t.client().get(`/api/v1/auth/invitations/${token}`);
    expect(view.json()).toMatchObject({ email: 'new.person@acme.test', tenantName: 'Acme', hasLogin: false });
    const accepted = await t
      .client()
      .post('/api/v1/auth/invitations/accept', { token, name: 'New Person', password: 'a good password' });
    expect(accepted.statusCode).toBe(200);
    const cookie = sessionCookie(accepted)!;
    const me = (await t.client({ cookie: `tandem_session=${cookie.value}` }).get('/api/v1/auth/me')).json();
    expect(me).toMatchObject({ user: { name: 'New Person' }, ownRecordsOnly: true });
    const again = await t
      .client()
      .post('/api/v1/auth/invitations/accept', { token, name: 'X', password: 'a good password' });
    expect(again.statusCode).toBe(410);
  });

  it('a revoked invitation cannot be accepted; a tampered token is unknown', async () => {
    const { id, token } = (
      await admin.post('/api/v1/invitations', { email: 'late@acme.test', roleIds: [] })
    ).json();
    expect((await admin.post(`/api/v1/invitations/${id}/revoke`)).json().revokedAt).not.toBeNull();
    expect(
      (
        await t
          .client()
          .post('/api/v1/auth/invitations/accept', { token, name: 'Late', password: 'a good password' })
      ).statusCode,
    ).toBe(410);
    expect((await t.client().get('/api/v1/auth/invitations/inv_garbage')).statusCode).toBe(404);
  });
});

describe('API tokens', () => {
  it('act with their role, and stop at once when revoked', async () => {
    const created = await admin.post('/api/v1/api-tokens', { name: 'Shop sync', roleId: roleIds.accountant });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^tdm_/);
    const bot = t.client({ authorization: `Bearer ${token}` });
    expect((await bot.get('/api/v1/companies')).statusCode).toBe(200);
    const refused = await bot.post('/api/v1/companies', { name: 'Bot Co', baseCurrency: 'EUR' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('companies:manage');
    const listed = (await admin.get('/api/v1/api-tokens')).json().items.find((x: any) => x.id === id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(listed).not.toHaveProperty('token');
    await admin.post(`/api/v1/api-tokens/${id}/revoke`);
    const after = await bot.get('/api/v1/companies');
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toContain('revoked');
  });

  it('a retried creation does not store or replay the secret', async () => {
    const body = { name: 'Retried', roleId: roleIds.accountant };
    const first = await admin.post('/api/v1/api-tokens', body, { 'idempotency-key': 'token-1' });
    const again = await admin.post('/api/v1/api-tokens', body, { 'idempotency-key': 'token-1' });
    expect(first.json().token).toMatch(/^tdm_/);
    expect(again.json()).toMatchObject({ id: first.json().id, token: '[shown once]' });
    const stored = await t.database.query<{ response: string }>(
      "select response::text from idempotency_keys where key = 'token-1'",
    );
    expect(stored[0].response).not.toContain(first.json().token);
  });

  it("stops working when its maker's membership ends", async () => {
    const maker = (
      await admin.post('/api/v1/users', {
        email: 'maker@acme.test',
        name: 'Maker',
        password: 'maker password 1',
        roleIds: [roleIds.admin],
      })
    ).json();
    const makerClient = await t.login('maker@acme.test', 'maker password 1');
    const { token } = (
      await makerClient.post('/api/v1/api-tokens', { name: 'Maker bot', roleId: roleIds.accountant })
    ).json();
    const bot = t.client({ authorization: `Bearer ${token}` });
    expect((await bot.get('/api/v1/companies')).statusCode).toBe(200);
    await admin.patch(`/api/v1/users/${maker.id}`, { active: false });
    expect((await bot.get('/api/v1/companies')).statusCode).toBe(401);
  });

  it('refuses a token expiring in the past', async () => {
    const res = await admin.post('/api/v1/api-tokens', {
      name: 'Old',
      roleId: roleIds.accountant,
      expiresAt: '2001-01-01T00:00:00Z',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'expiresAt', reason: 'must be in the future' }]);
  });
});
