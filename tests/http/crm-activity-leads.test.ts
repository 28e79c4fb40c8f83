import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantToken } from '../../src/platform/auth/secrets.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let rep: Client;
let otherRep: Client;
let repId: string;
let otherRepId: string;
let webSource: string;
let fairSource: string;

const PASSWORD = 'long enough 123';
const fieldsOf = (res: { json(): any }) =>
  res
    .json()
    .errors.map((e: any) => e.field)
    .sort();
const count = async (table: string, where = 'true') =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`))[0].n;

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

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const roles = (await admin.get('/api/v1/roles')).json().items;
  ({ id: repId, client: rep } = await addUser('rep@acme.test', 'sales_rep', roles));
  ({ id: otherRepId, client: otherRep } = await addUser('rep2@acme.test', 'sales_rep', roles));
  webSource = (await admin.post('/api/v1/sources', { kind: 'web_form', name: 'Website' })).json().id;
  fairSource = (await admin.post('/api/v1/sources', { kind: 'event', name: 'Build Fair 2026' })).json().id;
});
afterAll(() => t.close());

describe('sources', () => {
  it('adds, lists by kind, renames, archives and restores', async () => {
    const created = await admin.post('/api/v1/sources', { kind: 'campaign', name: 'Spring Ads' });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect((await rep.get('/api/v1/sources?kind=campaign')).json().items.map((s: any) => s.name)).toEqual([
      'Spring Ads',
    ]);
    const renamed = await admin.patch(`/api/v1/sources/${id}`, { name: 'Spring Ads 2026' });
    expect(renamed.json()).toMatchObject({ id, kind: 'campaign', name: 'Spring Ads 2026' });
    expect((await admin.post(`/api/v1/sources/${id}/archive`)).json().archivedAt).not.toBeNull();
    expect((await admin.get('/api/v1/sources?kind=campaign')).json().items).toEqual([]);
    expect((await admin.get('/api/v1/sources?kind=campaign&includeArchived=true')).json().items).toHaveLength(
      1,
    );
    expect((await admin.patch(`/api/v1/sources/${id}`, { name: 'x' })).statusCode).toBe(409);
    expect((await admin.post(`/api/v1/sources/${id}/restore`)).json().archivedAt).toBeNull();
  });

  it.each([
    ['the same name and kind, in another case', { kind: 'web_form', name: 'WEBSITE' }, 409, ['name']],
    ['an unknown kind', { kind: 'billboard', name: 'Highway' }, 422, ['kind']],
    ['an empty name', { kind: 'other', name: '' }, 422, ['name']],
  ])('refuses %s', async (_case, body, status, fields) => {
    const res = await admin.post('/api/v1/sources', body);
    expect(res.statusCode).toBe(status);
    expect(fieldsOf(res)).toEqual(fields);
  });

  it('lets the same name stand under another kind', async () => {
    expect((await admin.post('/api/v1/sources', { kind: 'referral', name: 'Website' })).statusCode).toBe(201);
  });

  it('a rep reads the list but cannot change it', async () => {
    expect((await rep.get('/api/v1/sources')).statusCode).toBe(200);
    expect((await rep.post('/api/v1/sources', { kind: 'other', name: 'Mine' })).statusCode).toBe(403);
    expect((await rep.post(`/api/v1/sources/${webSource}/archive`)).statusCode).toBe(403);
  });
});

describe('web forms', () => {
  let form: any;
  const submit = (publicKey: string, body: unknown, headers: Record<string, string> = {}) =>
    t.client().post(`/api/v1/public/forms/${publicKey}/leads`, body, headers);

  beforeAll(async () => {
    const res = await admin.post('/api/v1/web-forms', {
      name: 'Contact us',
      sourceId: webSource,
      responsibleUserId: repId,
    });
    expect(res.statusCode).toBe(201);
    form = res.json();
  });

  it('shows its public key and where pages post to', async () => {
    expect(form.publicKey).toMatch(/^wf_[0-9a-f]{32}_/);
    expect(form.submitPath).toBe(`/api/v1/public/forms/${form.publicKey}/leads`);
    const list = (await admin.get('/api/v1/web-forms')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: form.id, publicKey: form.publicKey })]);
    expect((await rep.get('/api/v1/web-forms')).statusCode).toBe(403);
  });

  it('takes a lead from a page: 202, no ids, the form source and responsible person, normalised', async () => {
    const res = await submit(form.publicKey, {
      name: 'Anna Petrova',
      company: 'Stroy OOD',
      email: ' Anna@Stroy.BG ',
      phone: '+359 88 123 4567',
      message: 'Please call me about roofing.',
      website: '',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ received: true });
    expect(res.headers['access-control-allow-origin']).toBe('*');

    const [lead] = (await rep.get('/api/v1/leads?q=Anna')).json().items;
    expect(lead).toMatchObject({
      status: 'new',
      contactName: 'Anna Petrova',
      clientName: 'Stroy OOD',
      email: 'anna@stroy.bg',
      phone: '+359881234567',
      sourceId: webSource,
      webFormId: form.id,
      responsibleUserId: repId,
    });
    expect(await count('outbox', `type = 'crm.leadCreated' and payload->>'leadId' = '${lead.id}'`)).toBe(1);
    const inbox = (await rep.get('/api/v1/notifications')).json().items;
    expect(inbox[0]).toMatchObject({ kind: 'crm.leadAssigned', link: `/crm/leads/${lead.id}` });
  });

  it('reads a plain HTML form post too', async () => {
    const res = await t.client().inject({
      method: 'POST',
      url: `/api/v1/public/forms/${form.publicKey}/leads`,
      payload: 'name=Boris&phone=%2B442079460958&website=',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(202);
    expect((await admin.get('/api/v1/leads?q=Boris')).json().items[0].phone).toBe('+442079460958');
  });

  it('answers a filled honeypot like success and stores nothing', async () => {
    const before = [await count('leads'), await count('audit_log'), await count('outbox')];
    const res = await submit(form.publicKey, {
      name: 'Bot',
      email: 'bot@spam.example',
      website: 'http://spam',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ received: true });
    expect([await count('leads'), await count('audit_log'), await count('outbox')]).toEqual(before);
  });

  it('refuses an entry nobody could answer, naming the fields, and stores nothing', async () => {
    const before = await count('leads');
    const res = await submit(form.publicKey, { name: 'Anon', phone: 'call me' });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['phone']);
    const none = await submit(form.publicKey, { name: 'Anon', extra: 'x' });
    expect(fieldsOf(none)).toEqual(['extra']);
    const unreachable = await submit(form.publicKey, { name: 'Anon' });
    expect(fieldsOf(unreachable)).toEqual(['email', 'phone']);
    expect(await count('leads')).toBe(before);
  });

  it.each([
    ['a key of no form', () => tenantToken('wf', t.acme.tenantId)],
    ['a key of another kind', () => tenantToken('tdm', t.acme.tenantId)],
    ['nonsense', () => 'hello'],
    ['a key naming no workspace', () => tenantToken('wf', '0190a1b2-0000-7000-8000-000000000000')],
  ])('answers 404 for %s', async (_case, key) => {
    const res = await submit(key(), { name: 'Anna', email: 'a@b.io' });
    expect(res.statusCode).toBe(404);
    expect(res.json().title).toBe('Unknown form');
  });

  it('stops taking entries once archived, and again once restored', async () => {
    const other = (
      await admin.post('/api/v1/web-forms', {
        name: 'Old page',
        sourceId: webSource,
        responsibleUserId: repId,
      })
    ).json();
    await admin.post(`/api/v1/web-forms/${other.id}/archive`);
    expect((await submit(other.publicKey, { name: 'Anna', email: 'a@b.io' })).statusCode).toBe(404);
    await admin.post(`/api/v1/web-forms/${other.id}/restore`);
    expect((await submit(other.publicKey, { name: 'Anna', email: 'old@b.io' })).statusCode).toBe(202);
  });

  it('limits entries per visitor and form: the 21st in a minute gets 429', async () => {
    const busy = (
      await admin.post('/api/v1/web-forms', {
        name: 'Busy page',
        sourceId: webSource,
        responsibleUserId: repId,
      })
    ).json();
    for (let i = 0; i < 20; i++) {
      const res = await submit(busy.publicKey, { name: 'Bot', email: 'b@x.io', website: 'x' });
      expect(res.statusCode).toBe(202);
    }
    const limited = await submit(busy.publicKey, { name: 'Bot', email: 'b@x.io', website: 'x' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    // Another form's limit is its own.
    expect((await submit(form.publicKey, { name: 'Cara', email: 'cara@x.io' })).statusCode).toBe(202);
  });

  it('answers the browser preflight for pages on other sites', async () => {
    const res = await t
      .client()
      .inject({ method: 'OPTIONS', url: `/api/v1/public/forms/${form.publicKey}/leads` });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-headers']).toBe('content-type');
  });

  it.each([
    [
      'an unknown source',
      () => ({ name: 'F', sourceId: '0190a1b2-0000-7000-8000-000000000000', responsibleUserId: repId }),
      ['sourceId'],
    ],
    [
      'a responsible person outside the workspace',
      () => ({ name: 'F', sourceId: webSource, responsibleUserId: t.acme.tenantId }),
      ['responsibleUserId'],
    ],
  ])('refuses a form with %s', async (_case, body, fields) => {
    const res = await admin.post('/api/v1/web-forms', body());
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(fields);
  });

  it('sends its leads elsewhere when changed, keeping its key', async () => {
    const res = await admin.patch(`/api/v1/web-forms/${form.id}`, { responsibleUserId: otherRepId });
    expect(res.json()).toMatchObject({ publicKey: form.publicKey, responsibleUserId: otherRepId });
    await submit(form.publicKey, { name: 'Dora', email: 'dora@x.io' });
    expect((await otherRep.get('/api/v1/leads?q=Dora')).json().items).toHaveLength(1);
    expect((await rep.get('/api/v1/leads?q=Dora')).json().items).toHaveLength(0);
  });
});

describe('leads by hand and by API', () => {
  let leadId: string;

  it('a rep adds a lead: theirs, normalised, announced', async () => {
    const res = await rep.post('/api/v1/leads', {
      contactName: 'Ivan Ivanov',
      email: 'IVAN@Example.com',
      phone: '+1 212 555 0100',
      sourceId: fairSource,
    });
    expect(res.statusCode).toBe(201);
    leadId = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'new',
      email: 'ivan@example.com',
      phone: '+12125550100',
      responsibleUserId: repId,
      sourceId: fairSource,
    });
    expect(await count('outbox', `type = 'crm.leadCreated' and payload->>'leadId' = '${leadId}'`)).toBe(1);
  });

  it.each([
    ['no contact way', { contactName: 'X', sourceId: () => fairSource }, 422, ['email', 'phone']],
    ['no name at all', { email: 'x@y.io', sourceId: () => fairSource }, 422, ['contactName']],
    [
      'the old name of contactName',
      { personName: 'X', email: 'x@y.io', sourceId: () => fairSource },
      422,
      ['personName'],
    ],
    ['no source', { contactName: 'X', email: 'x@y.io' }, 422, ['sourceId']],
    ['an unknown source', { contactName: 'X', email: 'x@y.io', sourceId: () => repId }, 422, ['sourceId']],
    [
      'a bad email and an unknown field',
      { contactName: 'X', email: 'x', sourceId: () => fairSource, vip: true },
      422,
      ['vip'],
    ],
  ])('refuses %s, naming the fields, writing nothing', async (_case, body, status, fields) => {
    const before = [await count('leads'), await count('audit_log')];
    const payload = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, typeof v === 'function' ? v() : v]),
    );
    const res = await rep.post('/api/v1/leads', payload);
    expect(res.statusCode).toBe(status);
    expect(fieldsOf(res)).toEqual(fields);
    expect([await count('leads'), await count('audit_log')]).toEqual(before);
  });

  it('a rep may not hand a lead to someone else', async () => {
    const res = await rep.post('/api/v1/leads', {
      contactName: 'Y',
      email: 'y@y.io',
      sourceId: fairSource,
      responsibleUserId: otherRepId,
    });
    expect(res.statusCode).toBe(403);
  });

  it('another rep neither lists nor opens nor changes it: 404', async () => {
    expect((await otherRep.get(`/api/v1/leads/${leadId}`)).statusCode).toBe(404);
    expect((await otherRep.get('/api/v1/leads?q=Ivan')).json().items).toEqual([]);
    expect((await otherRep.patch(`/api/v1/leads/${leadId}`, { clientName: 'Nope' })).statusCode).toBe(404);
    expect((await otherRep.post(`/api/v1/leads/${leadId}/disqualify`, { note: 'x' })).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/leads/${leadId}`)).statusCode).toBe(200);
  });

  it('filters by status, source and responsible person', async () => {
    const mine = (await rep.get(`/api/v1/leads?responsibleUserId=me&sourceId=${fairSource}`)).json().items;
    expect(mine.map((l: any) => l.id)).toEqual([leadId]);
    expect(
      (await admin.get(`/api/v1/leads?responsibleUserId=${repId}&status=disqualified`)).json().items,
    ).toEqual([]);
    const bad = await admin.get('/api/v1/leads?status=lost');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { field: 'status', reason: 'must be one of new, qualified, disqualified' },
    ]);
  });

  it('changes a new lead, checking it whole again', async () => {
    const res = await rep.patch(`/api/v1/leads/${leadId}`, { clientName: 'Ivanov & Sons', phone: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      clientName: 'Ivanov & Sons',
      phone: null,
      email: 'ivan@example.com',
    });
    const unreachable = await rep.patch(`/api/v1/leads/${leadId}`, { email: null });
    expect(unreachable.statusCode).toBe(422);
    expect(fieldsOf(unreachable)).toEqual(['email', 'phone']);
  });

  it('disqualifies with a reason, once', async () => {
    const blank = await rep.post(`/api/v1/leads/${leadId}/disqualify`, { note: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(fieldsOf(blank)).toEqual(['note']);
    // The free text is `note` on every closing step (a lost deal too), not `reason`.
    const oldName = await rep.post(`/api/v1/leads/${leadId}/disqualify`, { reason: 'No budget' });
    expect(oldName.statusCode).toBe(422);
    expect(fieldsOf(oldName)).toContain('reason');
    const res = await rep.post(`/api/v1/leads/${leadId}/disqualify`, {
      note: 'Student project, no budget',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'disqualified',
      disqualifyReason: 'Student project, no budget',
    });
    expect(res.json().closedAt).not.toBeNull();
    expect(await count('outbox', `type = 'crm.leadDisqualified' and payload->>'leadId' = '${leadId}'`)).toBe(
      1,
    );
    expect((await rep.post(`/api/v1/leads/${leadId}/disqualify`, { note: 'again' })).statusCode).toBe(409);
    expect((await rep.patch(`/api/v1/leads/${leadId}`, { clientName: 'Late' })).statusCode).toBe(409);
  });
});

describe('importing leads', () => {
  it('creates the good rows together and reports the others by their line', async () => {
    await admin.post('/api/v1/leads', {
      contactName: 'Existing',
      email: 'open@lead.io',
      sourceId: fairSource,
    });
    // The header uses the older names of contactName and clientName, which still import.
    const csv = [
      'name;company;email;phone;source',
      'Mila;Mila Design;mila@design.io;+359 88 765 4321;Build Fair 2026',
      'NoWay;;;;Build Fair 2026',
      'Nikola;;nikola@x.io;;Billboard',
      'Olga;;OPEN@lead.io;;',
      'Petar;;mila@design.io;;',
      'Rada;;rada@x.io;;',
      'Sava;"Sava; Co";sava@x.io;;build fair 2026',
      'Xena;;xena@x.io;;Website',
    ].join('\r\n');
    const before = await count('leads');
    const res = await rep.inject({
      method: 'POST',
      url: `/api/v1/leads/import?sourceId=${webSource}`,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.created.map((c: any) => c.row)).toEqual([2, 7, 8]);
    expect(report.errors).toEqual([
      { row: 3, field: 'email', reason: expect.any(String) },
      { row: 3, field: 'phone', reason: expect.any(String) },
      { row: 4, field: 'source', reason: expect.stringContaining('"Billboard"') },
      // A web form and a referral are both called Website.
      { row: 9, field: 'source', reason: expect.stringContaining('names 2 sources') },
    ]);
    // Open@lead.io belongs to the admin's lead: the rep learns it exists, not which it is.
    expect(report.duplicates).toEqual([
      { row: 5, field: 'email', value: 'open@lead.io' },
      { row: 6, field: 'email', value: 'mila@design.io', sameAsRow: 2 },
    ]);
    expect(await count('leads')).toBe(before + 3);

    const mila = (await rep.get(`/api/v1/leads/${report.created[0].id}`)).json();
    expect(mila).toMatchObject({
      contactName: 'Mila',
      phone: '+359887654321',
      sourceId: fairSource,
      responsibleUserId: repId,
    });
    const rada = (await rep.get(`/api/v1/leads/${report.created[1].id}`)).json();
    expect(rada).toMatchObject({ sourceId: webSource });
    expect((await rep.get(`/api/v1/leads/${report.created[2].id}`)).json().clientName).toBe('Sava; Co');
  });

  it('a manager imports a JSON array for a rep, who is told once', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: `/api/v1/leads/import?responsibleUserId=${otherRepId}`,
      payload: [
        { contactName: 'Tanya', clientName: 'Tanya Tours', phone: '+12125550111', source: fairSource },
        // The older key for contactName is still read.
        { name: 'Uma', phone: '+12125550112', source: fairSource },
        { contactName: 'Vera', phone: 12, source: fairSource },
        { contactName: 'Wes', mail: 'w@x.io', source: fairSource },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().created.map((c: any) => c.row)).toEqual([1, 2]);
    expect(res.json().errors.map((e: any) => [e.row, e.field])).toEqual([
      [3, 'phone'],
      [4, 'mail'],
    ]);
    const [tanya, uma] = res.json().created;
    expect((await admin.get(`/api/v1/leads/${tanya.id}`)).json()).toMatchObject({
      contactName: 'Tanya',
      clientName: 'Tanya Tours',
    });
    expect((await admin.get(`/api/v1/leads/${uma.id}`)).json().contactName).toBe('Uma');
    const inbox = (await otherRep.get('/api/v1/notifications?unread=true')).json().items;
    expect(inbox.filter((n: any) => n.kind === 'crm.leadsImported').map((n: any) => n.title)).toEqual([
      '2 imported leads are yours',
    ]);
  });

  it.each([
    ['an unknown column', 'name,e-mail\nAnna,a@x.io', 'e-mail'],
    ['an empty file', '', 'empty'],
    ['broken quoting', 'name,email\n"Anna,a@x.io', 'not valid CSV'],
  ])('refuses a file with %s whole, naming the body, writing nothing', async (_case, csv, reason) => {
    const before = [await count('leads'), await count('audit_log')];
    const res = await admin.inject({
      method: 'POST',
      url: `/api/v1/leads/import?sourceId=${webSource}`,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'body', reason: expect.stringContaining(reason) }]);
    expect([await count('leads'), await count('audit_log')]).toEqual(before);
  });
});

describe('with CRM switched off', () => {
  it('the public form answers 404 like an unknown one', async () => {
    const form = (
      await admin.post('/api/v1/web-forms', {
        name: 'Late page',
        sourceId: webSource,
        responsibleUserId: repId,
      })
    ).json();
    expect((await admin.put('/api/v1/modules/crm', { enabled: false })).statusCode).toBe(200);
    const res = await t
      .client()
      .post(`/api/v1/public/forms/${form.publicKey}/leads`, { name: 'A', email: 'a@b.io' });
    expect(res.statusCode).toBe(404);
    expect((await admin.get('/api/v1/leads')).statusCode).toBe(404);
    await admin.put('/api/v1/modules/crm', { enabled: true });
  });
});
