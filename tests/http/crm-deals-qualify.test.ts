import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let rep: { id: string; client: Client };
let otherRep: { id: string; client: Client };
let pipeline: any;
let sourceId: string;

const sql = (text: string, params: unknown[] = []) => t.database.query<any>(text, params);
const countOf = async (table: string) =>
  (await sql(`select count(*)::int as n from ${table}`))[0].n as number;

async function userWith(role: string, email: string) {
  const roles = (await admin.get('/api/v1/roles')).json().items;
  const res = await admin.post('/api/v1/users', {
    email,
    name: email.split('@')[0],
    password: 'long enough 123',
    roleIds: [roles.find((r: any) => r.key === role).id],
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id as string, client: await t.login(email, 'long enough 123') };
}

async function addLead(fields: { responsibleUserId: string; sourceId?: string | null; clientId?: string }) {
  const id = uuidv7();
  await sql(
    `insert into leads (id, tenant_id, status, person_name, company_name, email, phone, message, source_id, responsible_user_id, client_id)
     values ($1, $2, 'new', 'Anna Petrova', 'Romashka', 'anna@romashka.test', '+359888123456', 'Need 40 pumps', $3, $4, $5)`,
    [id, t.acme.tenantId, fields.sourceId ?? null, fields.responsibleUserId, fields.clientId ?? null],
  );
  return id;
}

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
  rep = await userWith('sales_rep', 'rep@acme.test');
  otherRep = await userWith('sales_rep', 'other@acme.test');
  pipeline = (
    await admin.post('/api/v1/pipelines', {
      name: 'Inbound',
      stages: [
        { name: 'New', probability: '10', regulation: { requiredFields: ['contacts'] } },
        { name: 'Won', probability: '100', outcome: 'won' },
      ],
    })
  ).json();
  sourceId = uuidv7();
  await sql(`insert into sources (id, tenant_id, kind, name) values ($1, $2, 'event', 'Spring fair 2026')`, [
    sourceId,
    t.acme.tenantId,
  ]);
});
afterAll(() => t.close());

const qualify = (as: Client, leadId: string, body: Record<string, unknown>) =>
  as.post(`/api/v1/leads/${leadId}/qualify`, body);

const dealBody = {
  title: 'Pumps for Romashka',
  amount: '12000',
  currency: 'EUR',
  expectedClose: '2026-07-01',
};

describe('qualifying a lead', () => {
  it('makes a new client, a contact and a deal in one step, carrying the source', async () => {
    const leadId = await addLead({ responsibleUserId: rep.id, sourceId });
    const res = await qualify(rep.client, leadId, {
      newClient: { name: 'Romashka LLC', kind: 'organization' },
      contact: { firstName: 'Anna', lastName: 'Petrova', phone: '+359 88 812 3456', role: 'buyer' },
      deal: { ...dealBody, pipelineId: pipeline.id },
    });
    expect(res.statusCode).toBe(200);
    const { clientId, contactId, deal } = res.json();
    expect(res.json().leadId).toBe(leadId);
    expect(deal).toMatchObject({
      title: 'Pumps for Romashka',
      clientId,
      clientName: 'Romashka LLC',
      pipelineId: pipeline.id,
      stage: { name: 'New' },
      amount: '12000.00',
      currency: 'EUR',
      expectedClose: '2026-07-01',
      sourceId,
      responsibleUserId: rep.id,
      contacts: [
        expect.objectContaining({ contactId, firstName: 'Anna', lastName: 'Petrova', role: 'buyer' }),
      ],
    });
    expect(deal.contacts[0]).toMatchObject({ emails: ['anna@romashka.test'], phones: ['+359888123456'] });
    expect(deal.history).toHaveLength(1);

    const [client] = await sql(
      'select name, kind, name_key, responsible_user_id from clients where id = $1',
      [clientId],
    );
    expect(client).toEqual({
      name: 'Romashka LLC',
      kind: 'organization',
      name_key: 'romashka',
      responsible_user_id: rep.id,
    });
    const attribution = await sql('select first_source_id from client_attribution where client_id = $1', [
      clientId,
    ]);
    expect(attribution).toEqual([{ first_source_id: sourceId }]);
    const [lead] = await sql(
      'select status, client_id, contact_id, deal_id, closed_at from leads where id = $1',
      [leadId],
    );
    expect(lead).toMatchObject({
      status: 'qualified',
      client_id: clientId,
      contact_id: contactId,
      deal_id: deal.id,
    });
    expect(lead.closed_at).not.toBeNull();
    const [event] = await sql(`select payload from outbox where type = 'crm.leadQualified'`);
    expect(event.payload).toEqual({
      leadId,
      clientId,
      contactId,
      dealId: deal.id,
      sourceId,
      newClient: true,
    });
    const audit = (await admin.get('/api/v1/audit-log?action=crm.qualifyLead')).json().items;
    expect(audit.map((a: any) => a.entity).sort()).toEqual(['client', 'contact', 'deal', 'lead']);

    const again = await qualify(rep.client, leadId, {
      clientId,
      contact: { firstName: 'Anna' },
      deal: { ...dealBody, pipelineId: pipeline.id },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('This lead is already qualified; only a new lead can be qualified.');
  });

  it('adds to an existing client without touching its first source', async () => {
    const clientId = await addClient('Existing Ltd', rep.id);
    await sql(`insert into client_attribution (client_id, tenant_id, first_source_id) values ($1, $2, $3)`, [
      clientId,
      t.acme.tenantId,
      sourceId,
    ]);
    const otherSource = uuidv7();
    await sql(`insert into sources (id, tenant_id, kind, name) values ($1, $2, 'channel', 'Website')`, [
      otherSource,
      t.acme.tenantId,
    ]);
    const leadId = await addLead({ responsibleUserId: rep.id, sourceId: otherSource });
    const clientsBefore = await countOf('clients');
    const res = await qualify(rep.client, leadId, {
      clientId,
      contact: { firstName: 'Petar', email: ' Petar@Existing.TEST ' },
      deal: { title: 'Spare parts', currency: 'USD', pipelineId: pipeline.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().deal).toMatchObject({ clientId, sourceId: otherSource, amount: null, currency: 'USD' });
    expect(res.json().deal.contacts[0]).toMatchObject({
      firstName: 'Petar',
      emails: ['petar@existing.test'],
    });
    expect(await countOf('clients')).toBe(clientsBefore);
    const attribution = await sql('select first_source_id from client_attribution where client_id = $1', [
      clientId,
    ]);
    expect(attribution).toEqual([{ first_source_id: sourceId }]);
  });

  it('goes to the default pipeline when none is named', async () => {
    const [defaultPipeline] = (await admin.get('/api/v1/pipelines'))
      .json()
      .items.filter((p: any) => p.isDefault);
    const leadId = await addLead({ responsibleUserId: rep.id, sourceId: null });
    const res = await qualify(rep.client, leadId, {
      newClient: { name: 'Ivan Ivanov', kind: 'person' },
      contact: { firstName: 'Ivan' },
      deal: { title: 'Private order', currency: 'EUR' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().deal).toMatchObject({ pipelineId: defaultPipeline.id, sourceId: null });
    // A person is reached at their own email and phone, which the lead gave.
    const [client] = await sql('select email, phone from clients where id = $1', [res.json().clientId]);
    expect(client).toEqual({ email: 'anna@romashka.test', phone: '+359888123456' });
    expect(await sql('select * from client_attribution where client_id = $1', [res.json().clientId])).toEqual(
      [],
    );
  });

  it.each([
    [
      'both a client and a new one',
      { clientId: uuidv7(), newClient: { name: 'X', kind: 'person' } },
      [{ field: 'newClient', reason: 'give either clientId or newClient, not both' }],
    ],
    ['no client at all', {}, [{ field: 'clientId', reason: 'is required unless newClient is given' }]],
    [
      'a phone that is not one',
      { newClient: { name: 'X', kind: 'person' }, contact: { firstName: 'X', phone: '12' } },
      [{ field: 'contact.phone', reason: expect.any(String) }],
    ],
    [
      'an amount finer than the currency',
      { newClient: { name: 'X', kind: 'person' }, deal: { ...dealBody, amount: '10.125' } },
      [{ field: 'amount', reason: expect.stringContaining('EUR has (2)') }],
    ],
    [
      'a stage regulation the deal does not meet',
      { newClient: { name: 'X', kind: 'person' }, deal: { ...dealBody, pipelineId: 'regulated' } },
      [{ field: 'amount', reason: 'must be filled to enter "Start"' }],
    ],
  ])('refuses %s and leaves everything as it was', async (_case, body: Record<string, any>, errors) => {
    const leadId = await addLead({ responsibleUserId: rep.id, sourceId });
    if (body.deal?.pipelineId === 'regulated') {
      const regulated = await admin.post('/api/v1/pipelines', {
        name: `Regulated ${uuidv7()}`,
        stages: [{ name: 'Start', probability: '5', regulation: { requiredFields: ['amount'] } }],
      });
      body.deal = { title: 'No amount', currency: 'EUR', pipelineId: regulated.json().id };
    }
    const counts = async () => [
      await countOf('clients'),
      await countOf('contacts'),
      await countOf('deals'),
      await countOf('client_attribution'),
    ];
    const before = await counts();
    const res = await qualify(rep.client, leadId, {
      contact: { firstName: 'Anna' },
      deal: { ...dealBody, pipelineId: pipeline.id },
      ...body,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual(errors);
    expect(await counts()).toEqual(before);
    const [lead] = await sql('select status, deal_id from leads where id = $1', [leadId]);
    expect(lead).toEqual({ status: 'new', deal_id: null });
  });

  it("answers 404 for another rep's lead and refuses another rep's client", async () => {
    const theirs = await addLead({ responsibleUserId: otherRep.id, sourceId });
    const res = await qualify(rep.client, theirs, {
      newClient: { name: 'Not mine', kind: 'organization' },
      contact: { firstName: 'X' },
      deal: { ...dealBody, pipelineId: pipeline.id },
    });
    expect(res.statusCode).toBe(404);
    const mine = await addLead({ responsibleUserId: rep.id, sourceId });
    const theirClient = await addClient('Olga Client', otherRep.id);
    const refused = await qualify(rep.client, mine, {
      clientId: theirClient,
      contact: { firstName: 'X' },
      deal: { ...dealBody, pipelineId: pipeline.id },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { field: 'clientId', reason: `client ${theirClient} does not exist` },
    ]);
    // A manager may qualify a rep's lead; the rep stays responsible for what it becomes.
    const byAdmin = await qualify(admin, theirs, {
      newClient: { name: 'Olga New Client', kind: 'organization' },
      contact: { firstName: 'Y' },
      deal: { ...dealBody, pipelineId: pipeline.id },
    });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().deal.responsibleUserId).toBe(otherRep.id);
    expect((await otherRep.client.get(`/api/v1/deals/${byAdmin.json().deal.id}`)).statusCode).toBe(200);
  });
});
