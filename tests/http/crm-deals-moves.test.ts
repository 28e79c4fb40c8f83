import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDealMergeStep } from '../../src/modules/crm/deal-merge-step.js';
import { runClientMergeSteps } from '../../src/modules/parties/merge-steps.js';
import { inTenant } from '../../src/platform/db/tenant-context.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let manager: { id: string; client: Client };
let rep: { id: string; client: Client };
let otherRep: { id: string; client: Client };
let stage: Record<string, string>;
let pipelineId: string;
let lossReasonId: string;
const clients: Record<string, string> = {};
const contacts: Record<string, string> = {};

const sql = (text: string, params: unknown[] = []) => t.database.query<any>(text, params);

async function userWith(role: string, email: string, name: string) {
  const roles = (await admin.get('/api/v1/roles')).json().items;
  const res = await admin.post('/api/v1/users', {
    email,
    name,
    password: 'long enough 123',
    roleIds: [roles.find((r: any) => r.key === role).id],
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id as string, client: await t.login(email, 'long enough 123') };
}

async function addClient(name: string, responsibleUserId: string) {
  const id = uuidv7();
  await sql(
    `insert into clients (id, tenant_id, name, kind, name_key, responsible_user_id) values ($1, $2, $3, 'organization', lower($3), $4)`,
    [id, t.acme.tenantId, name, responsibleUserId],
  );
  return id;
}

async function addContact(clientId: string, firstName: string) {
  const id = uuidv7();
  await sql(`insert into contacts (id, tenant_id, client_id, first_name) values ($1, $2, $3, $4)`, [
    id,
    t.acme.tenantId,
    clientId,
    firstName,
  ]);
  return id;
}

const historyCount = async (dealId: string) =>
  (await sql('select count(*)::int as n from deal_stage_history where deal_id = $1', [dealId]))[0]
    .n as number;
const eventsOf = async (dealId: string) =>
  (await sql(`select type from outbox where payload->>'dealId' = $1 order by id`, [dealId])).map(
    (e: any) => e.type,
  );

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  manager = await userWith('sales_manager', 'boss@acme.test', 'Maria Manager');
  rep = await userWith('sales_rep', 'rep@acme.test', 'Ivan Rep');
  otherRep = await userWith('sales_rep', 'other@acme.test', 'Olga Rep');
  const pipeline = await admin.post('/api/v1/pipelines', {
    name: 'Projects',
    stages: [
      { name: 'New', probability: '10' },
      { name: 'Qualified', probability: '25', regulation: { requiredFields: ['contacts'] } },
      { name: 'Proposal', probability: '50', regulation: { requiredFields: ['amount', 'expectedClose'] } },
      {
        name: 'Negotiation',
        probability: '75',
        regulation: { interactionKinds: ['meeting'], tasksDone: true },
      },
      { name: 'Contract', probability: '90', regulation: { documentType: 'contract' } },
      { name: 'Won', probability: '100', outcome: 'won' },
      { name: 'Lost', probability: '0', outcome: 'lost' },
    ],
  });
  expect(pipeline.statusCode).toBe(201);
  pipelineId = pipeline.json().id;
  stage = Object.fromEntries(pipeline.json().stages.map((s: any) => [s.name, s.id]));
  lossReasonId = (await admin.post('/api/v1/loss-reasons', { name: 'Too expensive' })).json().id;
  clients.rep = await addClient('Rep Client Ltd', rep.id);
  clients.other = await addClient('Other Client Ltd', otherRep.id);
  contacts.anna = await addContact(clients.rep, 'Anna');
  contacts.boris = await addContact(clients.rep, 'Boris');
  contacts.stranger = await addContact(clients.other, 'Stranger');
});
afterAll(() => t.close());

const newDeal = async (as: Client, body: Record<string, unknown>) => {
  const res = await as.post('/api/v1/deals', { currency: 'EUR', pipelineId, clientId: clients.rep, ...body });
  expect(res.statusCode).toBe(201);
  return res.json();
};

describe('opening a deal', () => {
  it('starts in the first open stage with the actor responsible and one history row', async () => {
    const deal = await newDeal(rep.client, { title: 'Pumps for Rep Client', amount: '1500.5' });
    expect(deal).toMatchObject({
      title: 'Pumps for Rep Client',
      pipeline: { id: pipelineId, name: 'Projects' },
      stage: { id: stage.New, name: 'New', probability: '10', outcome: 'open' },
      stageName: 'New',
      clientId: clients.rep,
      clientName: 'Rep Client Ltd',
      amount: '1500.50',
      currency: 'EUR',
      status: 'open',
      closedAt: null,
      responsibleUserId: rep.id,
      responsibleName: 'Ivan Rep',
      contacts: [],
    });
    expect(deal.history[0].enteredAt).toBe(deal.createdAt);
    expect(deal.history).toEqual([
      expect.objectContaining({
        stageId: stage.New,
        stageName: 'New',
        enteredBy: rep.id,
        enteredByName: 'Ivan Rep',
        leftAt: null,
      }),
    ]);
    expect(await eventsOf(deal.id)).toEqual(['crm.dealCreated']);
  });

  it.each([
    [
      "another rep's client",
      { clientId: 'other' },
      [{ field: 'clientId', reason: expect.stringContaining('does not exist') }],
    ],
    [
      'more places than the currency has',
      { amount: '10.125' },
      [{ field: 'amount', reason: expect.stringContaining('EUR has (2)') }],
    ],
    [
      'a currency not in the list',
      { currency: 'XYZ' },
      [{ field: 'currency', reason: expect.stringContaining('XYZ is not in the currency list') }],
    ],
    [
      'a negative amount',
      { amount: '-5' },
      [{ field: 'amount', reason: expect.stringContaining('zero or more') }],
    ],
    [
      'a closing stage',
      { stageId: 'Won' },
      [{ field: 'stageId', reason: '"Won" closes deals; a deal starts in an open stage' }],
    ],
    [
      'a stage whose regulation is not met',
      { stageId: 'Proposal' },
      [
        { field: 'amount', reason: 'must be filled to enter "Proposal"' },
        { field: 'expectedClose', reason: 'must be filled to enter "Proposal"' },
      ],
    ],
    [
      'a contact of another client',
      { contacts: [{ contactId: 'stranger' }] },
      [{ field: 'contacts.0.contactId', reason: 'is not a contact of client "Rep Client Ltd"' }],
    ],
    [
      'a custom field deals do not have',
      { custom: { colour: 'red' } },
      [{ field: 'custom.colour', reason: 'is not a custom field of deals' }],
    ],
  ])('refuses %s', async (_case, changes: Record<string, any>, errors) => {
    const body: Record<string, unknown> = {
      title: 'Refused',
      currency: 'EUR',
      pipelineId,
      clientId: clients.rep,
      ...changes,
    };
    if (changes.clientId) body.clientId = clients[changes.clientId];
    if (changes.stageId) body.stageId = stage[changes.stageId];
    if (changes.contacts) body.contacts = [{ contactId: contacts.stranger }];
    const res = await rep.client.post('/api/v1/deals', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual(errors);
    expect((await sql(`select count(*)::int as n from deals where title = 'Refused'`))[0].n).toBe(0);
  });

  it('lets a rep make only themselves responsible', async () => {
    const res = await rep.client.post('/api/v1/deals', {
      title: 'For Olga',
      currency: 'EUR',
      clientId: clients.rep,
      pipelineId,
      responsibleUserId: otherRep.id,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('moving a deal through regulated stages', () => {
  let deal: any;

  beforeAll(async () => {
    deal = await newDeal(rep.client, { title: 'Boilers' });
  });

  it('refuses a stage whose regulation is not met, listing each missing thing, and writes nothing', async () => {
    const before = await historyCount(deal.id);
    const res = await rep.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.Qualified });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      title: 'The stage regulation is not met',
      detail:
        'Deal "Boilers" cannot enter "Qualified" yet: contacts needs at least one contact to enter "Qualified".',
      errors: [{ field: 'contacts', reason: 'needs at least one contact to enter "Qualified"' }],
    });
    const proposal = await rep.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.Proposal });
    expect(proposal.json().errors).toEqual([
      { field: 'amount', reason: 'must be filled to enter "Proposal"' },
      { field: 'expectedClose', reason: 'must be filled to enter "Proposal"' },
    ]);
    expect(await historyCount(deal.id)).toBe(before);
    const card = (await rep.client.get(`/api/v1/deals/${deal.id}`)).json();
    expect(card.stage.name).toBe('New');
    expect(await eventsOf(deal.id)).toEqual(['crm.dealCreated']);
  });

  it('moves once the regulation is met, closing one history row and opening the next, with who', async () => {
    const withContacts = await rep.client.put(`/api/v1/deals/${deal.id}/contacts`, {
      contacts: [
        { contactId: contacts.anna, role: 'decision maker' },
        { contactId: contacts.boris, role: null },
      ],
    });
    expect(withContacts.statusCode).toBe(200);
    expect(withContacts.json().contacts).toEqual([
      expect.objectContaining({ contactId: contacts.anna, firstName: 'Anna', role: 'decision maker' }),
      expect.objectContaining({ contactId: contacts.boris, firstName: 'Boris', role: null }),
    ]);
    const moved = await rep.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.Qualified });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      stageId: stage.Qualified,
      stage: { name: 'Qualified' },
      status: 'open',
    });

    const patched = await rep.client.patch(`/api/v1/deals/${deal.id}`, {
      amount: '25000',
      expectedClose: '2026-09-30',
    });
    expect(patched.json()).toMatchObject({ amount: '25000.00', expectedClose: '2026-09-30' });
    const byManager = await manager.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.Proposal });
    expect(byManager.statusCode).toBe(200);
    const history = byManager.json().history;
    expect(history.map((h: any) => [h.stageName, h.enteredByName, h.leftByName])).toEqual([
      ['New', 'Ivan Rep', 'Ivan Rep'],
      ['Qualified', 'Ivan Rep', 'Maria Manager'],
      ['Proposal', 'Maria Manager', null],
    ]);
    // The stage left and the stage entered share one instant: no gap and no overlap to explain.
    expect(history[0].leftAt).toBe(history[1].enteredAt);
    expect(history[1].leftAt).toBe(history[2].enteredAt);
    expect(history[2].leftAt).toBeNull();
    expect(await historyCount(deal.id)).toBe(3);
    expect(await eventsOf(deal.id)).toEqual(['crm.dealCreated', 'crm.dealMoved', 'crm.dealMoved']);
    const [event] = await sql(
      `select payload from outbox where type = 'crm.dealMoved' and payload->>'toStageId' = $1 and payload->>'dealId' = $2`,
      [stage.Proposal, deal.id],
    );
    expect(event.payload).toMatchObject({ fromStageId: stage.Qualified, toStageId: stage.Proposal });
  });

  it('needs a done meeting linked to the deal and every open task done', async () => {
    const taskId = uuidv7();
    await sql(
      `insert into tasks (id, tenant_id, title, assignee_user_id, status, deal_id) values ($1, $2, 'Send drawings', $3, 'open', $4)`,
      [taskId, t.acme.tenantId, rep.id, deal.id],
    );
    // A planned meeting and a done call are not a done meeting.
    for (const [kind, status] of [
      ['meeting', 'planned'],
      ['call_out', 'done'],
    ])
      await sql(
        `insert into interactions (id, tenant_id, kind, status, subject, client_id, deal_id, responsible_user_id, occurs_at)
         values ($1, $2, $3, $4, 'Visit', $5, $6, $7, now())`,
        [uuidv7(), t.acme.tenantId, kind, status, clients.rep, deal.id, rep.id],
      );
    const refused = await rep.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.Negotiation });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { field: 'tasks', reason: 'has 1 open task; all must be done to enter "Negotiation"' },
      { field: 'interactions', reason: 'needs a done meeting linked to the deal' },
    ]);
    await sql(`update tasks set status = 'done', done_at = now() where id = $1`, [taskId]);
    await sql(`update interactions set status = 'done' where deal_id = $1 and kind = 'meeting'`, [deal.id]);
    const moved = await rep.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.Negotiation });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().stage.name).toBe('Negotiation');
  });

  it('cannot enter a stage that needs a linked document: no module links documents yet', async () => {
    const res = await rep.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.Contract });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'documents', reason: 'needs a linked contract document' }]);
  });

  it('wins a deal: the won stage, status and close time, and a crm.dealWon event', async () => {
    const before = await historyCount(deal.id);
    const won = await rep.client.post(`/api/v1/deals/${deal.id}/win`);
    expect(won.statusCode).toBe(200);
    expect(won.json()).toMatchObject({
      stage: { name: 'Won', outcome: 'won' },
      status: 'won',
      lossReason: null,
    });
    expect(won.json().closedAt).toEqual(expect.any(String));
    expect(await historyCount(deal.id)).toBe(before + 1);
    expect((await eventsOf(deal.id)).slice(-2)).toEqual(['crm.dealMoved', 'crm.dealWon']);
    const again = await rep.client.post(`/api/v1/deals/${deal.id}/win`);
    expect(again.statusCode).toBe(200);
    expect(await historyCount(deal.id)).toBe(before + 1);
  });
});

describe('two people moving one deal at once', () => {
  it('queue on the deal, and its history stays one chain with one open row', async () => {
    const deal = await newDeal(rep.client, {
      title: 'Contested',
      amount: '10',
      expectedClose: '2026-12-31',
      contacts: [{ contactId: contacts.anna }],
    });
    const answers = await Promise.all([
      rep.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.Qualified }),
      manager.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.Proposal }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const rows = await sql(
      'select stage_id, entered_at, left_at from deal_stage_history where deal_id = $1 order by entered_at, id',
      [deal.id],
    );
    expect(rows).toHaveLength(3);
    expect(rows.filter((r: any) => r.left_at === null)).toHaveLength(1);
    expect(rows[0].left_at).toEqual(rows[1].entered_at);
    expect(rows[1].left_at).toEqual(rows[2].entered_at);
    const card = (await manager.client.get(`/api/v1/deals/${deal.id}`)).json();
    expect(card.stageId).toBe(rows[2].stage_id);
    // The second move saw where the first one left the deal, not where it was before both. Events
    // in the order they were emitted: ids are time-ordered, while created_at is each transaction's
    // start, and the move that waited for the lock started first.
    const moves = await sql(
      `select payload from outbox where type = 'crm.dealMoved' and payload->>'dealId' = $1 order by id`,
      [deal.id],
    );
    expect(moves.map((m: any) => [m.payload.fromStageId, m.payload.toStageId])).toEqual([
      [stage.New, rows[1].stage_id],
      [rows[1].stage_id, rows[2].stage_id],
    ]);
  });
});

describe('losing a deal', () => {
  it('needs a reason from the list, and reopening clears it', async () => {
    const deal = await newDeal(rep.client, { title: 'Valves' });
    const noReason = await rep.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.Lost });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors).toEqual([
      { field: 'lossReasonId', reason: 'is required to move a deal to the lost stage "Lost"' },
    ]);
    const bodyless = await rep.client.post(`/api/v1/deals/${deal.id}/lose`, {});
    expect(bodyless.statusCode).toBe(422);
    expect(bodyless.json().errors).toEqual([{ field: 'lossReasonId', reason: 'is required' }]);
    const unknown = await rep.client.post(`/api/v1/deals/${deal.id}/lose`, { lossReasonId: uuidv7() });
    expect(unknown.json().errors).toEqual([
      { field: 'lossReasonId', reason: 'is not a loss reason of the list' },
    ]);
    const stray = await rep.client.post(`/api/v1/deals/${deal.id}/move`, {
      stageId: stage.Qualified,
      lossReasonId,
    });
    expect(stray.json().errors).toEqual([
      { field: 'lossReasonId', reason: 'is only for a move to the lost stage' },
    ]);

    const lost = await rep.client.post(`/api/v1/deals/${deal.id}/lose`, {
      lossReasonId,
      note: 'Chose the cheaper offer',
    });
    expect(lost.statusCode).toBe(200);
    expect(lost.json()).toMatchObject({
      status: 'lost',
      stage: { name: 'Lost', outcome: 'lost' },
      lossReasonId,
      lossReason: { id: lossReasonId, name: 'Too expensive' },
      lossNote: 'Chose the cheaper offer',
    });
    expect(lost.json().closedAt).toEqual(expect.any(String));
    expect((await eventsOf(deal.id)).slice(-2)).toEqual(['crm.dealMoved', 'crm.dealLost']);

    const reopened = await rep.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.New });
    expect(reopened.json()).toMatchObject({
      status: 'open',
      closedAt: null,
      lossReasonId: null,
      lossNote: null,
      lossReason: null,
    });
    expect(reopened.json().history.map((h: any) => h.stageName)).toEqual(['New', 'Lost', 'New']);

    // A move to the lost stage takes the same `note` as the lose step.
    const movedLost = await rep.client.post(`/api/v1/deals/${deal.id}/move`, {
      stageId: stage.Lost,
      lossReasonId,
      note: 'Went quiet',
    });
    expect(movedLost.statusCode).toBe(200);
    expect(movedLost.json()).toMatchObject({ status: 'lost', lossNote: 'Went quiet' });
    await rep.client.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage.New });
  });

  it('refuses a stage of another pipeline', async () => {
    const deal = await newDeal(rep.client, { title: 'Elsewhere' });
    const other = await admin.post('/api/v1/pipelines', {
      name: 'Other',
      stages: [{ name: 'Start', probability: '1' }],
    });
    const res = await rep.client.post(`/api/v1/deals/${deal.id}/move`, {
      stageId: other.json().stages[0].id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'stageId', reason: 'is not a stage of pipeline "Projects"' },
    ]);
  });
});

describe('deal contacts', () => {
  it('refuses a contact of another client or one named twice', async () => {
    const deal = await newDeal(rep.client, { title: 'Contacts' });
    const stranger = await rep.client.put(`/api/v1/deals/${deal.id}/contacts`, {
      contacts: [{ contactId: contacts.anna }, { contactId: contacts.stranger }],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors).toEqual([
      { field: 'contacts.1.contactId', reason: 'is not a contact of client "Rep Client Ltd"' },
    ]);
    const twice = await rep.client.put(`/api/v1/deals/${deal.id}/contacts`, {
      contacts: [{ contactId: contacts.anna }, { contactId: contacts.anna, role: 'user' }],
    });
    expect(twice.json().errors).toEqual([
      { field: 'contacts.1.contactId', reason: 'names a contact a second time' },
    ]);
    const set = await rep.client.put(`/api/v1/deals/${deal.id}/contacts`, {
      contacts: [{ contactId: contacts.boris }],
    });
    expect(set.json().contacts.map((c: any) => c.firstName)).toEqual(['Boris']);
    const cleared = await rep.client.put(`/api/v1/deals/${deal.id}/contacts`, { contacts: [] });
    expect(cleared.json().contacts).toEqual([]);
  });
});

describe("a rep sees their own clients' deals only", () => {
  let theirs: any;

  beforeAll(async () => {
    theirs = await newDeal(otherRep.client, { title: 'Olga deal', clientId: clients.other });
  });

  it("answers 404 for another rep's deal, to read or to change", async () => {
    expect((await rep.client.get(`/api/v1/deals/${theirs.id}`)).statusCode).toBe(404);
    for (const res of [
      await rep.client.post(`/api/v1/deals/${theirs.id}/move`, { stageId: stage.Qualified }),
      await rep.client.post(`/api/v1/deals/${theirs.id}/win`),
      await rep.client.post(`/api/v1/deals/${theirs.id}/lose`, { lossReasonId }),
      await rep.client.patch(`/api/v1/deals/${theirs.id}`, { title: 'Mine now' }),
      await rep.client.put(`/api/v1/deals/${theirs.id}/contacts`, { contacts: [] }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe(`Deal ${theirs.id} does not exist.`);
    }
    expect((await otherRep.client.get(`/api/v1/deals/${theirs.id}`)).statusCode).toBe(200);
    expect((await manager.client.get(`/api/v1/deals/${theirs.id}`)).statusCode).toBe(200);
  });

  it('lists only what each may see', async () => {
    const mine = (await rep.client.get('/api/v1/deals?limit=200')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d: any) => d.clientId === clients.rep)).toBe(true);
    const all = (await manager.client.get('/api/v1/deals?limit=200')).json().items;
    expect(all.map((d: any) => d.id)).toContain(theirs.id);
    const olga = (await otherRep.client.get('/api/v1/deals')).json().items;
    expect(olga.map((d: any) => d.title)).toEqual(['Olga deal']);
  });
});

describe('the deal list', () => {
  it('filters by pipeline, stage, status, client, responsible and title', async () => {
    const list = async (query: string) =>
      (await manager.client.get(`/api/v1/deals?${query}`))
        .json()
        .items.map((d: any) => d.title)
        .sort();
    expect(await list(`status=won`)).toEqual(['Boilers']);
    expect(await list(`stageId=${stage.Won}`)).toEqual(['Boilers']);
    expect(await list(`q=boil`)).toEqual(['Boilers']);
    expect(await list(`clientId=${clients.other}`)).toEqual(['Olga deal']);
    expect(await list(`responsibleUserId=${otherRep.id}`)).toEqual(['Olga deal']);
    expect(await list(`pipelineId=${pipelineId}&status=open&q=v`)).toEqual(['Valves']);
  });

  it('pages by title with a cursor', async () => {
    const page1 = (await manager.client.get('/api/v1/deals?sort=title&limit=2')).json();
    const page2 = (
      await manager.client.get(`/api/v1/deals?sort=title&limit=2&cursor=${page1.nextCursor}`)
    ).json();
    const titles = [...page1.items, ...page2.items].map((d: any) => d.title);
    expect(titles).toEqual([...titles].sort());
    expect(new Set(titles).size).toBe(4);
    expect((await manager.client.get('/api/v1/deals?status=pending')).statusCode).toBe(422);
  });
});

describe('merging clients', () => {
  it('moves the deals of the client merged away to the one kept', async () => {
    registerDealMergeStep();
    const kept = await addClient('Kept Ltd', rep.id);
    const gone = await addClient('Gone Ltd', rep.id);
    const deal = await newDeal(rep.client, { title: 'Merged deal', clientId: gone });
    const moved = await inTenant(t.platform.db, { tenantId: t.acme.tenantId }, (tx) =>
      runClientMergeSteps(tx, gone, kept),
    );
    expect(moved['crm-deals']).toBe(1);
    const card = (await rep.client.get(`/api/v1/deals/${deal.id}`)).json();
    expect(card).toMatchObject({ clientId: kept, clientName: 'Kept Ltd' });
    expect(card.history).toHaveLength(1);
  });
});
