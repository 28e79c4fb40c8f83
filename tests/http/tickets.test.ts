import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateTickets } from '../../src/modules/crm/support/escalate-tickets.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let clientId: string;
let managerId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const roles = Object.fromEntries(
    (await admin.get('/api/v1/roles')).json().items.map((r: any) => [r.key, r.id]),
  );
  managerId = (
    await admin.post('/api/v1/users', {
      email: 'boss@acme.test',
      name: 'Boss',
      password: 'boss password 1',
      roleIds: [roles.sales_manager],
    })
  ).json().id;
  const [c] = await t.database.query<{ id: string }>(
    `insert into clients (id, tenant_id, name, name_key, responsible_user_id) values (gen_random_uuid(), $1, 'Unhappy Ltd', 'unhappy ltd', $2) returning id`,
    [t.acme.tenantId, t.acme.adminUserId],
  );
  clientId = c.id;
  // Round the clock, every day: targets fall due exactly their minutes later.
  const allDay = Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]]),
  );
  const calendar = await admin.post('/api/v1/work-calendars', {
    name: 'Always',
    timeZone: 'UTC',
    week: allDay,
  });
  expect(calendar.statusCode).toBe(201);
  const policy = await admin.put('/api/v1/sla-policies', {
    kind: 'claim',
    priority: 'high',
    firstResponseMinutes: 60,
    resolutionMinutes: 480,
    calendarId: calendar.json().id,
    escalateToUserId: managerId,
  });
  expect(policy.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('claims and tickets', () => {
  it('refuses a ticket for a client that does not exist, naming clientId', async () => {
    const res = await admin.post('/api/v1/tickets', {
      kind: 'claim',
      subject: 'Nobody',
      priority: 'high',
      clientId: '0190a1b2-0000-7000-8000-000000000000',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'clientId', reason: 'client 0190a1b2-0000-7000-8000-000000000000 does not exist' },
    ]);
  });

  it('a claim gets its SLA targets, is worked, resolved with a resolution and rated', async () => {
    const opened = await admin.post('/api/v1/tickets', {
      kind: 'claim',
      subject: 'Broken pallet',
      priority: 'high',
      clientId,
      category: 'delivery',
    });
    expect(opened.statusCode).toBe(201);
    const ticket = opened.json();
    const minutes = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 60000);
    expect(minutes(ticket.firstResponseDueAt, ticket.createdAt)).toBe(60);
    expect(minutes(ticket.resolutionDueAt, ticket.createdAt)).toBe(480);
    const noResolution = await admin.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'resolved' });
    expect(noResolution.statusCode).toBe(409);
    expect(noResolution.json().errors).toEqual([{ field: 'resolution', reason: 'is required to resolve' }]);
    const working = (
      await admin.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'in_progress' })
    ).json();
    expect(working.firstRespondedAt).not.toBeNull();
    const resolved = (
      await admin.post(`/api/v1/tickets/${ticket.id}/status`, {
        status: 'resolved',
        resolution: 'Replaced the goods',
        satisfaction: 4,
      })
    ).json();
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Replaced the goods', satisfaction: 4 });
    await admin.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'closed' });
    const reopen = await admin.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'in_progress' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().errors[0]).toEqual({
      field: 'status',
      reason: 'must be one of nothing: it is closed',
    });
  });

  it('stops the resolution clock while waiting for the client', async () => {
    const ticket = (
      await admin.post('/api/v1/tickets', {
        kind: 'claim',
        subject: 'Need photos',
        priority: 'high',
        clientId,
      })
    ).json();
    const waiting = (await admin.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'waiting' })).json();
    expect(waiting.waitingSince).not.toBeNull();
    // Two hours of waiting, and meanwhile the target passes: no escalation while it waits.
    await t.database.query(
      `update tickets set waiting_since = waiting_since - interval '2 hours',
         resolution_due_at = now() - interval '1 minute' where id = $1`,
      [ticket.id],
    );
    await escalateTickets.run(t.platform);
    expect((await admin.get(`/api/v1/tickets/${ticket.id}`)).json().escalatedAt).toBeNull();
    // It began to wait 1 h 59 min before its target, so that much is left once it moves on.
    const resumed = (
      await admin.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'in_progress' })
    ).json();
    expect(resumed.waitingSince).toBeNull();
    const left = (Date.parse(resumed.resolutionDueAt) - Date.now()) / 60000;
    expect(Math.round(left)).toBe(119);
  });

  it('a breached target escalates once to the manager', async () => {
    const ticket = (
      await admin.post('/api/v1/tickets', {
        kind: 'claim',
        subject: 'Late delivery',
        priority: 'high',
        clientId,
      })
    ).json();
    await t.database.query(
      `update tickets set first_response_due_at = now() - interval '1 minute' where id = $1`,
      [ticket.id],
    );
    await escalateTickets.run(t.platform);
    await escalateTickets.run(t.platform);
    const sent = await t.database.query<{ user_id: string; title: string }>(
      `select user_id, title from notifications where kind = 'ticket.escalated'`,
      [],
    );
    expect(sent).toEqual([{ user_id: managerId, title: 'SLA missed (first response): Late delivery' }]);
    expect((await admin.get(`/api/v1/tickets/${ticket.id}`)).json().escalatedAt).not.toBeNull();
  });

  it.each([
    [
      'an unknown time zone',
      '/api/v1/work-calendars',
      { name: 'Mars', timeZone: 'Mars/Olympus', week: { '1': [['09:00', '18:00']] } },
      'timeZone',
    ],
    [
      'hours that end before they start',
      '/api/v1/work-calendars',
      { name: 'Odd', timeZone: 'UTC', week: { '1': [['18:00', '09:00']] } },
      'week.1.0',
    ],
    [
      'a contact of another client',
      '/api/v1/tickets',
      {
        kind: 'ticket',
        subject: 'X',
        clientId: '<client>',
        contactId: '0191e1e0-1234-7abc-8def-0123456789ab',
      },
      'contactId',
    ],
    [
      'an unknown priority',
      '/api/v1/tickets',
      { kind: 'ticket', subject: 'X', clientId: '<client>', priority: 'asap' },
      'priority',
    ],
  ])('refuses %s', async (_, url, body, field) => {
    const res = await admin.post(url, JSON.parse(JSON.stringify(body).replace('<client>', clientId)));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => e.field)).toContain(field);
  });
});
