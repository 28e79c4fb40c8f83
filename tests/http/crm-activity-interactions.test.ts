import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveClientActivity } from '../../src/modules/crm/actions/move-client-activity.js';
import { REMINDER_BATCH, sendDueReminders } from '../../src/modules/crm/reminders.js';
import { inTenant } from '../../src/platform/db/tenant-context.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let manager: Client;
let rep: Client;
let otherRep: Client;
let managerId: string;
let repId: string;
let otherRepId: string;
let fairSource: string;
let adsSource: string;
/** Rep's client, its contact and deal; another rep's client and its contact and deal. */
const ids = { client: '', contact: '', deal: '', otherClient: '', otherContact: '', otherDeal: '' };

const PASSWORD = 'long enough 123';
const fieldsOf = (res: { json(): any }) =>
  res
    .json()
    .errors.map((e: any) => e.field)
    .sort();
const count = async (table: string, where = 'true') =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`))[0].n;
const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

async function addUser(email: string, role: string, roles: any[]) {
  const res = await admin.post('/api/v1/users', {
    email,
    name: email.split('@')[0],
    password: PASSWORD,
    roleIds: [roles.find((r) => r.key === role).id],
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id as string, client: await t.login(email, PASSWORD) };
}

/** Parties' own API is another engineer's; the rows go straight in, as the schema has them. */
async function insertClient(name: string, responsibleUserId: string) {
  const id = uuidv7();
  await t.database.query(
    'insert into clients (id, tenant_id, name, name_key, responsible_user_id) values ($1, $2, $3, lower($3), $4)',
    [id, t.acme.tenantId, name, responsibleUserId],
  );
  return id;
}
async function insertContact(clientId: string, firstName: string) {
  const id = uuidv7();
  await t.database.query(
    'insert into contacts (id, tenant_id, client_id, first_name) values ($1, $2, $3, $4)',
    [id, t.acme.tenantId, clientId, firstName],
  );
  return id;
}
async function insertDeal(clientId: string, title: string, responsibleUserId: string) {
  const [pipeline] = await t.database.query<{ id: string }>(
    'select id from pipelines where tenant_id = $1 limit 1',
    [t.acme.tenantId],
  );
  let pipelineId = pipeline?.id;
  if (!pipelineId) {
    pipelineId = uuidv7();
    await t.database.query(
      "insert into pipelines (id, tenant_id, name, deal_type) values ($1, $2, 'Test sales', 'sale')",
      [pipelineId, t.acme.tenantId],
    );
    await t.database.query(
      "insert into stages (id, tenant_id, pipeline_id, name, position, probability) values ($1, $2, $3, 'New', 1, 10)",
      [uuidv7(), t.acme.tenantId, pipelineId],
    );
  }
  const [stage] = await t.database.query<{ id: string }>(
    'select id from stages where pipeline_id = $1 limit 1',
    [pipelineId],
  );
  const id = uuidv7();
  await t.database.query(
    `insert into deals (id, tenant_id, title, pipeline_id, stage_id, client_id, currency, responsible_user_id)
     values ($1, $2, $3, $4, $5, $6, 'EUR', $7)`,
    [id, t.acme.tenantId, title, pipelineId, stage.id, clientId, responsibleUserId],
  );
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const roles = (await admin.get('/api/v1/roles')).json().items;
  ({ id: managerId, client: manager } = await addUser('manager@acme.test', 'sales_manager', roles));
  ({ id: repId, client: rep } = await addUser('rep@acme.test', 'sales_rep', roles));
  ({ id: otherRepId, client: otherRep } = await addUser('rep2@acme.test', 'sales_rep', roles));
  fairSource = (await admin.post('/api/v1/sources', { kind: 'event', name: 'Build Fair' })).json().id;
  adsSource = (await admin.post('/api/v1/sources', { kind: 'campaign', name: 'Spring Ads' })).json().id;

  ids.client = await insertClient('Stroy OOD', repId);
  ids.contact = await insertContact(ids.client, 'Anna');
  ids.deal = await insertDeal(ids.client, 'Roof for Stroy', repId);
  ids.otherClient = await insertClient('Metal AD', otherRepId);
  ids.otherContact = await insertContact(ids.otherClient, 'Boris');
  ids.otherDeal = await insertDeal(ids.otherClient, 'Beams for Metal', otherRepId);
  await t.database.query(
    'insert into client_attribution (client_id, tenant_id, first_source_id) values ($1, $2, $3)',
    [ids.client, t.acme.tenantId, fairSource],
  );
});
afterAll(() => t.close());

describe('interactions', () => {
  it("logs a call that happened, attributed to the client's first source", async () => {
    const res = await rep.post('/api/v1/interactions', {
      kind: 'call_out',
      subject: 'Asked about roofing prices',
      clientId: ids.client,
      contactId: ids.contact,
      dealId: ids.deal,
      durationSeconds: 245,
      outcome: 'answered',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'done',
      responsibleUserId: repId,
      sourceId: fairSource,
      durationSeconds: 245,
      outcome: 'answered',
      remindAt: null,
    });
    const { id } = res.json();
    expect(
      await count('outbox', `type = 'crm.interactionLogged' and payload->>'interactionId' = '${id}'`),
    ).toBe(1);
  });

  it('takes the source it is given over the attribution', async () => {
    const res = await rep.post('/api/v1/interactions', {
      kind: 'email',
      subject: 'Sent the catalogue',
      clientId: ids.client,
      sourceId: adsSource,
    });
    expect(res.json().sourceId).toBe(adsSource);
    const none = await manager.post('/api/v1/interactions', {
      kind: 'note',
      subject: 'Met at the gate',
      clientId: ids.otherClient,
    });
    expect(none.json()).toMatchObject({ sourceId: null, responsibleUserId: managerId });
  });

  it.each([
    ["another client's contact", () => ({ contactId: ids.otherContact }), ['contactId']],
    ["another client's deal", () => ({ dealId: ids.otherDeal }), ['dealId']],
    ['a duration on a meeting', () => ({ kind: 'meeting', durationSeconds: 600 }), ['durationSeconds']],
    ['an outcome that is not a call outcome', () => ({ kind: 'call_in', outcome: 'great' }), ['outcome']],
    ['a done interaction in the future', () => ({ occursAt: minutesFromNow(120) }), ['occursAt']],
    ['a planned one without a time', () => ({ status: 'planned' }), ['occursAt']],
    [
      'a reminder after the meeting',
      () => ({ status: 'planned', occursAt: minutesFromNow(60), remindAt: minutesFromNow(61) }),
      ['remindAt'],
    ],
    [
      'an unknown kind, an unknown field and a bad date',
      () => ({ kind: 'fax', mood: 'good', occursAt: 'tomorrow' }),
      ['kind', 'mood', 'occursAt'],
    ],
  ])('refuses %s with a 422 naming the field, and writes nothing', async (_case, change, fields) => {
    const before = [await count('interactions'), await count('audit_log'), await count('outbox')];
    const res = await rep.post('/api/v1/interactions', {
      kind: 'call_out',
      subject: 'Follow-up',
      clientId: ids.client,
      ...change(),
    });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(fields);
    expect([await count('interactions'), await count('audit_log'), await count('outbox')]).toEqual(before);
  });

  it('plans a meeting that reminds 15 minutes before, moves the reminder with it, and is marked done', async () => {
    const occursAt = minutesFromNow(24 * 60);
    const res = await rep.post('/api/v1/interactions', {
      kind: 'meeting',
      status: 'planned',
      subject: 'Site visit',
      clientId: ids.client,
      contactId: ids.contact,
      occursAt,
    });
    expect(res.statusCode).toBe(201);
    const planned = res.json();
    expect(new Date(planned.remindAt).getTime()).toBe(new Date(occursAt).getTime() - 15 * 60_000);

    const later = new Date(new Date(occursAt).getTime() + 60 * 60_000).toISOString();
    const moved = await rep.patch(`/api/v1/interactions/${planned.id}`, { occursAt: later });
    expect(moved.statusCode).toBe(200);
    expect(new Date(moved.json().remindAt).getTime()).toBe(new Date(later).getTime() - 15 * 60_000);

    const done = await rep.post(`/api/v1/interactions/${planned.id}/done`, { body: 'Measured the roof' });
    expect(done.statusCode).toBe(200);
    // Done before its time: it happened now, not tomorrow.
    expect(done.json()).toMatchObject({ status: 'done', body: 'Measured the roof' });
    expect(new Date(done.json().occursAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(
      await count('outbox', `type = 'crm.interactionDone' and payload->>'interactionId' = '${planned.id}'`),
    ).toBe(1);

    const again = await rep.post(`/api/v1/interactions/${planned.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Interaction is done; only planned interactions can be cancelled.');
  });

  it('marks a planned call done with its duration and outcome, or cancels one', async () => {
    const call = (
      await rep.post('/api/v1/interactions', {
        kind: 'call_out',
        status: 'planned',
        subject: 'Call back',
        clientId: ids.client,
        occursAt: minutesFromNow(30),
        remindAt: null,
      })
    ).json();
    expect(call.remindAt).toBeNull();
    const done = await rep.post(`/api/v1/interactions/${call.id}/done`, {
      durationSeconds: 60,
      outcome: 'voicemail',
    });
    expect(done.json()).toMatchObject({ status: 'done', durationSeconds: 60, outcome: 'voicemail' });

    const other = (
      await rep.post('/api/v1/interactions', {
        kind: 'meeting',
        status: 'planned',
        subject: 'Lunch',
        clientId: ids.client,
        occursAt: minutesFromNow(90),
      })
    ).json();
    const outcome = await rep.post(`/api/v1/interactions/${other.id}/done`, { outcome: 'answered' });
    expect(outcome.statusCode).toBe(422);
    expect(fieldsOf(outcome)).toEqual(['outcome']);
    const cancelled = await rep.post(`/api/v1/interactions/${other.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await rep.patch(`/api/v1/interactions/${other.id}`, { subject: 'x' })).statusCode).toBe(409);
  });

  it('marks done with no body at all', async () => {
    const sms = (
      await rep.post('/api/v1/interactions', {
        kind: 'sms',
        status: 'planned',
        subject: 'Delivery window',
        clientId: ids.client,
        occursAt: minutesFromNow(-30),
      })
    ).json();
    const done = await rep.post(`/api/v1/interactions/${sms.id}/done`);
    expect(done.statusCode).toBe(200);
    // Planned for half an hour ago: that is when it happened.
    expect(done.json()).toMatchObject({ status: 'done', occursAt: sms.occursAt });
  });

  it('lists by client, deal, kind, status and time', async () => {
    const byDeal = (await rep.get(`/api/v1/interactions?dealId=${ids.deal}`)).json().items;
    expect(byDeal.map((i: any) => i.subject)).toEqual(['Asked about roofing prices']);
    const cancelled = (await rep.get(`/api/v1/interactions?clientId=${ids.client}&status=cancelled`)).json()
      .items;
    expect(cancelled.map((i: any) => i.subject)).toEqual(['Lunch']);
    const calls = (await rep.get('/api/v1/interactions?kind=call_out')).json().items;
    expect(calls.map((i: any) => i.subject).sort()).toEqual(['Asked about roofing prices', 'Call back']);
    const between = (from: number, to: number) =>
      admin.get(
        `/api/v1/interactions?from=${encodeURIComponent(minutesFromNow(from))}&to=${encodeURIComponent(minutesFromNow(to))}`,
      );
    expect((await between(60, 120)).json().items.map((i: any) => i.subject)).toEqual(['Lunch']);
    expect((await between(120, 600)).json().items).toEqual([]);
    const page = (await rep.get('/api/v1/interactions?limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
  });

  it("another rep neither sees nor touches a rep's client's interactions: 404", async () => {
    const [mine] = (await rep.get(`/api/v1/interactions?clientId=${ids.client}&kind=email`)).json().items;
    expect((await otherRep.get(`/api/v1/interactions/${mine.id}`)).statusCode).toBe(404);
    expect((await otherRep.patch(`/api/v1/interactions/${mine.id}`, { subject: 'Hijack' })).statusCode).toBe(
      404,
    );
    expect((await otherRep.get(`/api/v1/interactions?clientId=${ids.client}`)).json().items).toEqual([]);
    const onTheirClient = await otherRep.post('/api/v1/interactions', {
      kind: 'note',
      subject: 'Sneaky',
      clientId: ids.client,
    });
    expect(onTheirClient.statusCode).toBe(422);
    expect(fieldsOf(onTheirClient)).toEqual(['clientId']);
    expect((await manager.get(`/api/v1/interactions/${mine.id}`)).statusCode).toBe(200);
  });
});

describe('tasks', () => {
  let taskId: string;

  it('a manager gives a rep a task on a deal: filed under its client, the rep is told', async () => {
    const res = await manager.post('/api/v1/tasks', {
      title: 'Send the roofing offer',
      assigneeUserId: repId,
      dealId: ids.deal,
      priority: 'high',
      dueAt: minutesFromNow(48 * 60),
    });
    expect(res.statusCode).toBe(201);
    taskId = res.json().id;
    expect(res.json()).toMatchObject({
      clientId: ids.client,
      dealId: ids.deal,
      status: 'open',
      priority: 'high',
      createdBy: managerId,
    });
    const inbox = (await rep.get('/api/v1/notifications')).json().items;
    expect(inbox[0]).toMatchObject({ kind: 'crm.taskAssigned', title: 'New task: Send the roofing offer' });
  });

  it('refuses a filter that is neither a user id nor "me"', async () => {
    const res = await rep.get('/api/v1/tasks?assigneeUserId=bob');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'assigneeUserId', reason: 'must be a user id or "me"' }]);
  });

  it('lists mine, due soon, by deal', async () => {
    const mine = (await rep.get('/api/v1/tasks?assigneeUserId=me&status=open')).json().items;
    expect(mine.map((x: any) => x.id)).toEqual([taskId]);
    expect(
      (await rep.get(`/api/v1/tasks?dueBefore=${encodeURIComponent(minutesFromNow(60))}`)).json().items,
    ).toEqual([]);
    expect((await rep.get(`/api/v1/tasks?dealId=${ids.deal}`)).json().items).toHaveLength(1);
    expect((await manager.get('/api/v1/tasks?assigneeUserId=me')).json().items).toEqual([]);
  });

  it('sorts by due time, earliest first and those with none last, across pages', async () => {
    const soon = minutesFromNow(60);
    for (const [title, dueAt] of [
      ['Sorted: none 1', null],
      ['Sorted: later', minutesFromNow(3 * 24 * 60)],
      ['Sorted: soon', soon],
      ['Sorted: none 2', null],
      ['Sorted: soon too', soon],
    ] as const) {
      const res = await manager.post('/api/v1/tasks', { title, ...(dueAt ? { dueAt } : {}) });
      expect(res.statusCode).toBe(201);
    }
    const titles = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query = `q=Sorted&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page: any = (await manager.get(`/api/v1/tasks?${query}`)).json();
        seen.push(...page.items.map((x: any) => x.title));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await titles('dueAt')).toEqual([
      'Sorted: soon',
      'Sorted: soon too',
      'Sorted: later',
      'Sorted: none 1',
      'Sorted: none 2',
    ]);
    expect(await titles('-dueAt')).toEqual([
      'Sorted: later',
      'Sorted: soon too',
      'Sorted: soon',
      'Sorted: none 2',
      'Sorted: none 1',
    ]);
  });

  it.each([
    [
      "another client's contact",
      () => ({ clientId: ids.client, contactId: ids.otherContact }),
      ['contactId'],
    ],
    [
      'a contact and a deal of different clients',
      () => ({ contactId: ids.contact, dealId: ids.otherDeal }),
      ['dealId'],
    ],
    [
      'an unknown priority, a bad date, an unknown field',
      () => ({ priority: 'asap', dueAt: 'soon', tags: [] }),
      ['dueAt', 'priority', 'tags'],
    ],
    ['no title', () => ({ title: '' }), ['title']],
  ])('refuses %s with a 422 naming the fields, writing nothing', async (_case, change, fields) => {
    const before = [await count('tasks'), await count('audit_log')];
    const res = await manager.post('/api/v1/tasks', { title: 'Check', ...change() });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(fields);
    expect([await count('tasks'), await count('audit_log')]).toEqual(before);
  });

  it('a rep keeps tasks to themselves and sees only their own', async () => {
    const forOther = await rep.post('/api/v1/tasks', { title: 'You do it', assigneeUserId: otherRepId });
    expect(forOther.statusCode).toBe(403);
    expect((await otherRep.get(`/api/v1/tasks/${taskId}`)).statusCode).toBe(404);
    expect((await otherRep.post(`/api/v1/tasks/${taskId}/done`)).statusCode).toBe(404);
    expect((await otherRep.get('/api/v1/tasks')).json().items).toEqual([]);
    const onTheirDeal = await otherRep.post('/api/v1/tasks', { title: 'Peek', dealId: ids.deal });
    expect(onTheirDeal.statusCode).toBe(422);
    expect(fieldsOf(onTheirDeal)).toEqual(['dealId']);
  });

  it('reschedules, then is done once', async () => {
    const changed = await rep.patch(`/api/v1/tasks/${taskId}`, {
      priority: 'urgent',
      contactId: ids.contact,
    });
    expect(changed.json()).toMatchObject({
      priority: 'urgent',
      contactId: ids.contact,
      clientId: ids.client,
    });
    const done = await rep.post(`/api/v1/tasks/${taskId}/done`);
    expect(done.json().status).toBe('done');
    expect(done.json().doneAt).not.toBeNull();
    expect((await rep.post(`/api/v1/tasks/${taskId}/cancel`)).statusCode).toBe(409);
    expect((await rep.patch(`/api/v1/tasks/${taskId}`, { title: 'x' })).statusCode).toBe(409);
  });
});

describe('reminders', () => {
  it('notify the responsible person and the assignee once, when due', async () => {
    const meeting = (
      await rep.post('/api/v1/interactions', {
        kind: 'call_out',
        status: 'planned',
        subject: 'Prices for spring',
        clientId: ids.client,
        occursAt: minutesFromNow(10),
        remindAt: minutesFromNow(-1),
      })
    ).json();
    const notYet = (
      await rep.post('/api/v1/interactions', {
        kind: 'meeting',
        status: 'planned',
        subject: 'Next week',
        clientId: ids.client,
        occursAt: minutesFromNow(7 * 24 * 60),
      })
    ).json();
    const cancelled = (
      await rep.post('/api/v1/interactions', {
        kind: 'meeting',
        status: 'planned',
        subject: 'Called off',
        clientId: ids.client,
        occursAt: minutesFromNow(10),
        remindAt: minutesFromNow(-5),
      })
    ).json();
    await rep.post(`/api/v1/interactions/${cancelled.id}/cancel`);
    const task = (
      await manager.post('/api/v1/tasks', {
        title: 'Chase the payment',
        assigneeUserId: otherRepId,
        clientId: ids.otherClient,
        priority: 'urgent',
        remindAt: minutesFromNow(-2),
      })
    ).json();

    await sendDueReminders.run(t.platform);

    const repInbox = (await rep.get('/api/v1/notifications?unread=true')).json().items;
    const reminders = repInbox.filter((n: any) => n.kind === 'crm.interactionReminder');
    expect(reminders).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Call with Stroy OOD at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/),
        body: 'Prices for spring',
        link: `/crm/interactions/${meeting.id}`,
      }),
    ]);
    const otherInbox = (await otherRep.get('/api/v1/notifications?unread=true')).json().items;
    expect(otherInbox.filter((n: any) => n.kind === 'crm.taskReminder')).toEqual([
      expect.objectContaining({ title: 'Task: Chase the payment', link: `/crm/tasks/${task.id}` }),
    ]);
    expect((await rep.get(`/api/v1/interactions/${meeting.id}`)).json().remindedAt).not.toBeNull();
    expect((await rep.get(`/api/v1/interactions/${notYet.id}`)).json().remindedAt).toBeNull();

    const before = await count('notifications');
    await sendDueReminders.run(t.platform);
    expect(await count('notifications')).toBe(before);
  });

  it('fire again when moved after firing', async () => {
    const call = (
      await rep.post('/api/v1/interactions', {
        kind: 'call_in',
        status: 'planned',
        subject: 'Expecting their call',
        clientId: ids.client,
        occursAt: minutesFromNow(5),
      })
    ).json();
    await sendDueReminders.run(t.platform);
    expect(await count('notifications', `link = '/crm/interactions/${call.id}'`)).toBe(1);
    const moved = await rep.patch(`/api/v1/interactions/${call.id}`, { occursAt: minutesFromNow(10) });
    expect(moved.json().remindedAt).toBeNull();
    await sendDueReminders.run(t.platform);
    expect(await count('notifications', `link = '/crm/interactions/${call.id}'`)).toBe(2);
  });

  it('drain a backlog larger than one batch', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    await t.database.query(
      `insert into tasks (id, tenant_id, title, assignee_user_id, remind_at)
       select gen_random_uuid(), $1, 'Bulk ' || n, $2, $3 from generate_series(1, $4::int) n`,
      [t.acme.tenantId, managerId, past, REMINDER_BATCH + 5],
    );
    await sendDueReminders.run(t.platform);
    expect(await count('tasks', "title like 'Bulk %' and reminded_at is null")).toBe(0);
    expect(await count('notifications', `user_id = '${managerId}' and kind = 'crm.taskReminder'`)).toBe(
      REMINDER_BATCH + 5,
    );
  });

  it('are not sent where CRM is switched off, and wait for it to come back', async () => {
    const task = (await rep.post('/api/v1/tasks', { title: 'Quiet', remindAt: minutesFromNow(-1) })).json();
    await admin.put('/api/v1/modules/crm', { enabled: false });
    t.platform.modules.forget(t.acme.tenantId);
    await sendDueReminders.run(t.platform);
    expect(await count('notifications', `link = '/crm/tasks/${task.id}'`)).toBe(0);
    await admin.put('/api/v1/modules/crm', { enabled: true });
    t.platform.modules.forget(t.acme.tenantId);
    await sendDueReminders.run(t.platform);
    expect(await count('notifications', `link = '/crm/tasks/${task.id}'`)).toBe(1);
  });
});

describe('merging clients', () => {
  it("moves the merged-away client's interactions and tasks to the one kept", async () => {
    const duplicate = await insertClient('Stroy Ltd (duplicate)', repId);
    await rep.post('/api/v1/interactions', {
      kind: 'note',
      subject: 'On the duplicate',
      clientId: duplicate,
    });
    await rep.post('/api/v1/tasks', { title: 'Also on the duplicate', clientId: duplicate });
    const moved = await inTenant(t.platform.db, { tenantId: t.acme.tenantId }, (tx) =>
      moveClientActivity(tx, { clientId: duplicate }, { clientId: ids.client }),
    );
    expect(moved).toBe(2);
    expect(await count('interactions', `client_id = '${duplicate}'`)).toBe(0);
    expect(await count('tasks', `client_id = '${duplicate}'`)).toBe(0);
    expect(
      (await rep.get(`/api/v1/interactions?clientId=${ids.client}&q=duplicate`)).json().items,
    ).toHaveLength(1);
  });
});
