import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerClientMergeStep } from '../../src/modules/parties/merge-steps.js';
import { sqlRows } from '../../src/platform/db/database.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let rep: Client;

const PASSWORD = 'long enough 123';
const fieldsOf = (res: { json(): any }) =>
  res
    .json()
    .errors.map((e: any) => e.field)
    .sort();

/** A later module's step, as CRM will register one: it sees the transaction and both ids. */
const stepCalls: { from: string; into: string; seesFrom: boolean }[] = [];
registerClientMergeStep('test-module', async (tx, from, into) => {
  const [row] = await sqlRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from clients where id = ${from.clientId} and merged_into_id is null`,
  );
  stepCalls.push({ from: from.clientId, into: into.clientId, seesFrom: row.n === 1 });
  return 3;
});

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const roles = (await admin.get('/api/v1/roles')).json().items;
  await admin.post('/api/v1/users', {
    email: 'rep@acme.test',
    name: 'Rep',
    password: PASSWORD,
    roleIds: [roles.find((r: any) => r.key === 'sales_rep').id],
  });
  rep = await t.login('rep@acme.test', PASSWORD);
});
afterAll(() => t.close());

const newClient = async (body: Record<string, unknown>) =>
  (await admin.post('/api/v1/clients', body)).json().id as string;
const newCounterparty = async (legalName: string) =>
  (await admin.post('/api/v1/counterparties', { legalName, country: 'DE' })).json().id as string;

describe('merging two clients', () => {
  let from: string;
  let into: string;
  let shared: string;
  let onlyFrom: string;

  beforeAll(async () => {
    into = await newClient({
      name: 'Acme Trading',
      tags: ['wholesale'],
      email: 'office@acme-trading.example',
    });
    from = await newClient({
      name: 'ACME Trading Ltd',
      tags: ['VIP', 'Wholesale'],
      email: 'sales@acme-trading.example',
      phone: '+49 30 901820',
      website: 'https://acme-trading.example',
      notes: 'Met at the fair',
    });
    for (const [client, firstName] of [
      [from, 'Hans'],
      [from, 'Greta'],
      [into, 'Otto'],
    ])
      await admin.post('/api/v1/contacts', { clientId: client, firstName });
    shared = await newCounterparty('Acme Trading GmbH');
    onlyFrom = await newCounterparty('Acme Logistics GmbH');
    const link = (client: string, counterpartyId: string, validFrom: string, validTo?: string) =>
      admin.post(`/api/v1/clients/${client}/counterparties`, { counterpartyId, validFrom, validTo });
    await link(into, shared, '2024-01-01', '2024-12-31');
    await link(from, shared, '2024-06-01');
    await link(from, onlyFrom, '2023-01-01', '2023-12-31');
  });

  it('moves contacts and counterparty links, unions tags and fills empty fields', async () => {
    const res = await admin.post(`/api/v1/clients/${from}/merge`, { intoClientId: into });
    expect(res.statusCode).toBe(200);
    const { client, mergedClient, moved } = res.json();
    expect(moved).toMatchObject({ contacts: 2, counterpartyLinks: 2, 'test-module': 3, 'crm-deals': 0 });
    expect(client).toMatchObject({
      id: into,
      name: 'Acme Trading',
      email: 'office@acme-trading.example',
      phone: '+4930901820',
      website: 'https://acme-trading.example',
      notes: 'Met at the fair',
      tags: ['wholesale', 'VIP'],
      archivedAt: null,
    });
    expect(mergedClient).toMatchObject({ id: from, mergedIntoId: into });
    expect(mergedClient.archivedAt).not.toBeNull();
    expect(stepCalls).toEqual([{ from, into, seesFrom: true }]);

    const card = (await admin.get(`/api/v1/clients/${into}`)).json();
    expect(card.contacts.map((c: any) => c.firstName)).toEqual(['Greta', 'Hans', 'Otto']);
    // The overlapping links of the shared counterparty became one; the other moved as it was.
    const history = (await admin.get(`/api/v1/clients/${into}/counterparties`)).json().items;
    expect(history.map((l: any) => [l.counterpartyId, l.validFrom, l.validTo])).toEqual([
      [onlyFrom, '2023-01-01', '2023-12-31'],
      [shared, '2024-01-01', null],
    ]);
    expect((await admin.get(`/api/v1/clients/${from}/counterparties`)).json().items).toEqual([]);
    expect((await admin.get(`/api/v1/contacts?clientId=${from}`)).json().items).toEqual([]);
  });

  it('leaves an audit trail on both clients and an event', async () => {
    const audit = await t.database.query<{ entity: string; entity_id: string; before: any; after: any }>(
      "select entity, entity_id, before, after from audit_log where action = 'parties.mergeClients' order by id",
    );
    const onClient = (id: string) => audit.find((a) => a.entity === 'client' && a.entity_id === id)!;
    expect(onClient(from).before).toMatchObject({ mergedIntoId: null, archivedAt: null });
    expect(onClient(from).after).toMatchObject({ mergedIntoId: into, mergedInto: into });
    expect(onClient(into).before.tags).toEqual(['wholesale']);
    expect(onClient(into).after).toMatchObject({ mergedFrom: from, moved: { contacts: 2 } });
    expect(audit.filter((a) => a.entity === 'clientCounterparty').length).toBeGreaterThanOrEqual(2);
    const [event] = await t.database.query<{ payload: any }>(
      "select payload from outbox where type = 'parties.clientsMerged'",
    );
    expect(event.payload).toMatchObject({ fromClientId: from, intoClientId: into });
  });

  it('hides the merged client from lists and duplicate checks, and will not restore it', async () => {
    expect((await admin.get('/api/v1/clients?q=ACME Trading Ltd')).json().items).toEqual([]);
    const dupes = (await admin.get('/api/v1/clients/duplicates?name=ACME Trading Ltd')).json().items;
    expect(dupes.map((d: any) => d.id)).toEqual([into]);
    const restore = await admin.post(`/api/v1/clients/${from}/restore`);
    expect(restore.statusCode).toBe(409);
    expect(fieldsOf(restore)).toEqual(['id']);
  });

  it('points clients merged earlier into the merged one at the survivor', async () => {
    const a = await newClient({ name: 'Chain A' });
    const b = await newClient({ name: 'Chain B' });
    const c = await newClient({ name: 'Chain C' });
    expect((await admin.post(`/api/v1/clients/${a}/merge`, { intoClientId: b })).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/clients/${b}/merge`, { intoClientId: c })).statusCode).toBe(200);
    const [row] = await t.database.query<{ merged_into_id: string }>(
      'select merged_into_id from clients where id = $1',
      [a],
    );
    expect(row.merged_into_id).toBe(c);
  });
});

describe('merges that are refused, with nothing written', () => {
  const snapshot = async () =>
    t.database.query(
      'select id, client_id from contacts union all select id, client_id from client_counterparties order by 1',
    );
  const clientsState = async () =>
    t.database.query('select id, archived_at, merged_into_id, tags from clients order by id');

  it.each([
    ['a client into itself', 'self', 422, ['intoClientId']],
    ['into an archived client', 'archivedInto', 409, ['intoClientId']],
    ['an archived client', 'archivedFrom', 409, ['id']],
    ['a client already merged', 'mergedFrom', 409, ['id']],
    ['into a client already merged', 'mergedInto', 409, ['intoClientId']],
  ])('%s', async (_case, kind, status, fields) => {
    const live = await newClient({ name: `Live ${kind}` });
    await admin.post('/api/v1/contacts', { clientId: live, firstName: 'Stays' });
    const other = await newClient({ name: `Other ${kind}` });
    if (kind.startsWith('archived')) await admin.post(`/api/v1/clients/${other}/archive`);
    if (kind.startsWith('merged')) {
      const third = await newClient({ name: `Third ${kind}` });
      await admin.post(`/api/v1/clients/${other}/merge`, { intoClientId: third });
    }
    const [fromId, intoId] =
      kind === 'self' ? [live, live] : kind.endsWith('Into') ? [live, other] : [other, live];
    const before = [await snapshot(), await clientsState()];
    const res = await admin.post(`/api/v1/clients/${fromId}/merge`, { intoClientId: intoId });
    expect(res.statusCode).toBe(status);
    expect(fieldsOf(res)).toEqual(fields);
    expect([await snapshot(), await clientsState()]).toEqual(before);
  });

  it('refuses a merge into a client that does not exist with 422 naming intoClientId', async () => {
    const live = await newClient({ name: 'Lonely' });
    const res = await admin.post(`/api/v1/clients/${live}/merge`, {
      intoClientId: '0190a1b2-0000-7000-8000-000000000000',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'intoClientId', reason: 'client 0190a1b2-0000-7000-8000-000000000000 does not exist' },
    ]);
    // The URL's own client is still a missing page.
    const gone = await admin.post('/api/v1/clients/0190a1b2-0000-7000-8000-000000000000/merge', {
      intoClientId: live,
    });
    expect(gone.statusCode).toBe(404);
  });

  it('takes the parties:merge permission, which a sales rep has not', async () => {
    const a = (await rep.post('/api/v1/clients', { name: 'Rep One' })).json().id;
    const b = (await rep.post('/api/v1/clients', { name: 'Rep Two' })).json().id;
    const res = await rep.post(`/api/v1/clients/${a}/merge`, { intoClientId: b });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('parties:merge');
  });
});
