import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/platform/db/tenant-context.js';
import { type NotificationInput, notify } from '../../src/platform/notifications/index.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let rep: Client;
let repId: string;

const send = (tenantId: string, ...items: NotificationInput[]) =>
  inTenant(t.platform.db, { tenantId }, (tx) => notify({ tx, tenantId }, ...items));
const count = async (table: string, where = 'true') =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const roles = (await admin.get('/api/v1/roles')).json().items;
  const created = await admin.post('/api/v1/users', {
    email: 'rep@acme.test',
    name: 'Rep',
    password: 'long enough 123',
    roleIds: [roles.find((r: any) => r.key === 'sales_rep').id],
  });
  repId = created.json().id;
  rep = await t.login('rep@acme.test', 'long enough 123');
  await send(
    t.acme.tenantId,
    ...Array.from({ length: 5 }, (_, i) => ({
      userId: repId,
      kind: 'crm.taskReminder',
      title: `Reminder ${i + 1}`,
      link: `/crm/tasks/${i + 1}`,
    })),
    { userId: t.acme.adminUserId, kind: 'crm.leadAssigned', title: 'For the admin', body: 'Only theirs' },
  );
});
afterAll(() => t.close());

describe('notifications', () => {
  it('each person lists their own only, newest first, page by page', async () => {
    const first = (await rep.get('/api/v1/notifications?limit=3')).json();
    expect(first.items.map((n: any) => n.title)).toEqual(['Reminder 5', 'Reminder 4', 'Reminder 3']);
    expect(first.items[0]).toEqual({
      id: expect.any(String),
      kind: 'crm.taskReminder',
      title: 'Reminder 5',
      body: null,
      link: '/crm/tasks/5',
      createdAt: expect.any(String),
      readAt: null,
    });
    const second = (await rep.get(`/api/v1/notifications?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((n: any) => n.title)).toEqual(['Reminder 2', 'Reminder 1']);
    expect(second.nextCursor).toBeNull();
    expect((await admin.get('/api/v1/notifications')).json().items.map((n: any) => n.title)).toEqual([
      'For the admin',
    ]);
  });

  it('marks one read; the unread filter and count follow', async () => {
    const [newest] = (await rep.get('/api/v1/notifications')).json().items;
    const read = await rep.post(`/api/v1/notifications/${newest.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    // Reading it again changes nothing.
    expect((await rep.post(`/api/v1/notifications/${newest.id}/read`)).json().readAt).toBe(
      read.json().readAt,
    );
    expect((await rep.get('/api/v1/notifications?unread=true')).json().items).toHaveLength(4);
    expect((await rep.get('/api/v1/notifications?unread=false')).json().items.map((n: any) => n.id)).toEqual([
      newest.id,
    ]);
    expect((await rep.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 4 });
  });

  it("nobody reads another person's notification: 404, and it stays unread", async () => {
    const [theirs] = (await admin.get('/api/v1/notifications')).json().items;
    const res = await rep.post(`/api/v1/notifications/${theirs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(await count('notifications', `id = '${theirs.id}' and read_at is null`)).toBe(1);
  });

  it('marks all read at once, saying how many', async () => {
    const res = await rep.post('/api/v1/notifications/read-all');
    expect(res.json()).toEqual({ markedRead: 4 });
    expect((await rep.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await admin.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await rep.post('/api/v1/notifications/read-all')).json()).toEqual({ markedRead: 0 });
  });

  it('another workspace sees none of them', async () => {
    const { tenantId } = await t.makeTenant('Beta', 'admin@beta.test');
    const beta = await t.login('admin@beta.test');
    await send(tenantId, { userId: repId, kind: 'x', title: 'Beta news for rep' });
    expect((await beta.get('/api/v1/notifications')).json().items).toEqual([]);
    const [acmeOne] = (await admin.get('/api/v1/notifications')).json().items;
    expect((await beta.post(`/api/v1/notifications/${acmeOne.id}/read`)).statusCode).toBe(404);
    // The rep's Beta notification stays in Beta, where the rep is no member.
    expect((await rep.get('/api/v1/notifications?unread=true')).json().items).toEqual([]);
  });

  it('refuses a malformed id or filter, naming it', async () => {
    expect((await rep.post('/api/v1/notifications/nope/read')).json().errors).toEqual([
      { field: 'id', reason: expect.any(String) },
    ]);
    expect((await rep.get('/api/v1/notifications?unread=maybe')).statusCode).toBe(422);
    expect((await t.client().get('/api/v1/notifications')).statusCode).toBe(401);
  });

  it('clips long titles instead of failing the change that sent them', async () => {
    await send(t.acme.tenantId, { userId: repId, kind: 'x', title: 'y'.repeat(500) });
    const [latest] = (await rep.get('/api/v1/notifications')).json().items;
    expect(latest.title).toHaveLength(200);
    expect(latest.title.endsWith('…')).toBe(true);
  });
});
