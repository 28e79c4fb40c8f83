import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshSegments } from '../../src/modules/crm/segments/refresh-segments.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let rep: Client;
const ids: Record<string, string> = {};

async function client(
  name: string,
  fields: { tags?: string[]; custom?: object; responsible?: string; email?: string } = {},
) {
  const [row] = await t.database.query<{ id: string }>(
    `insert into clients (id, tenant_id, name, name_key, email, tags, custom, responsible_user_id)
     values (gen_random_uuid(), $1, $2, lower($2), $3, $4, $5, $6) returning id`,
    [
      t.acme.tenantId,
      name,
      fields.email ?? null,
      fields.tags ?? [],
      JSON.stringify(fields.custom ?? {}),
      fields.responsible ?? t.acme.adminUserId,
    ],
  );
  ids[name] = row.id;
  return row.id;
}

async function deal(clientId: string, status: 'open' | 'won', amount: string, currency = 'EUR') {
  await t.database.query(
    `insert into deals (id, tenant_id, title, pipeline_id, stage_id, client_id, amount, currency, responsible_user_id, status)
     values (gen_random_uuid(), $1, 'Deal', $2, $3, $4, $5, $6, $7, $8)`,
    [t.acme.tenantId, ids.pipeline, ids.stage, clientId, amount, currency, t.acme.adminUserId, status],
  );
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  const roles = Object.fromEntries(
    (await admin.get('/api/v1/roles')).json().items.map((r: any) => [r.key, r.id]),
  );
  ids.rep = (
    await admin.post('/api/v1/users', {
      email: 'rep@acme.test',
      name: 'Rep',
      password: 'rep password 1',
      roleIds: [roles.sales_rep],
    })
  ).json().id;
  rep = await t.login('rep@acme.test', 'rep password 1');
  // Every workspace starts with the "Sales" pipeline.
  const [s] = await t.database.query<{ id: string; pipeline_id: string }>(
    `select id, pipeline_id from stages where name = 'New'`,
    [],
  );
  ids.pipeline = s.pipeline_id;
  ids.stage = s.id;
  await client('Alpha Retail', {
    tags: ['vip', 'retail'],
    custom: { region: 'North', turnover: '250000' },
    email: 'a@alpha.test',
  });
  // Tags are stored as typed; segments match them in any case.
  await client('Beta Foods', { tags: ['Retail'], custom: { region: 'South', turnover: '90000' } });
  await client('Gamma Tools', { tags: [], custom: { turnover: 'unknown' }, responsible: ids.rep });
  await deal(ids['Alpha Retail'], 'won', '1500.50');
  await deal(ids['Alpha Retail'], 'won', '200', 'USD');
  await deal(ids['Beta Foods'], 'open', '300');
  await deal(ids['Gamma Tools'], 'won', '999.99');
});
afterAll(() => t.close());

const members = async (c: Client, id: string) =>
  (await c.get(`/api/v1/segments/${id}/members`)).json().items.map((m: any) => m.name);

describe('dynamic segments', () => {
  it.each([
    ['tags', { all: [{ field: 'tags', op: 'hasAny', value: ['vip'] }] }, ['Alpha Retail']],
    ['tags in another case', { all: [{ field: 'tags', op: 'hasAny', value: ['VIP'] }] }, ['Alpha Retail']],
    [
      'all tags, in any case',
      { all: [{ field: 'tags', op: 'hasAll', value: ['RETAIL'] }] },
      ['Alpha Retail', 'Beta Foods'],
    ],
    ['a custom field', { all: [{ field: 'custom.region', op: 'equals', value: 'south' }] }, ['Beta Foods']],
    [
      'a custom number, skipping values that are not numbers',
      { all: [{ field: 'custom.turnover', op: 'gt', value: '100000' }] },
      ['Alpha Retail'],
    ],
    [
      'won amount in a currency',
      { all: [{ field: 'wonAmount', op: 'gte', value: { amount: '1000', currency: 'EUR' } }] },
      ['Alpha Retail'],
    ],
    ['open deals', { all: [{ field: 'openDeals', op: 'gte', value: 1 }] }, ['Beta Foods']],
    ['the manager', { all: [{ field: 'responsibleUserId', op: 'equals', value: '<rep>' }] }, ['Gamma Tools']],
    [
      'any of two groups',
      {
        any: [
          { field: 'name', op: 'startsWith', value: 'gam' },
          {
            all: [
              { field: 'tags', op: 'hasAll', value: ['retail'] },
              { field: 'email', op: 'isEmpty' },
            ],
          },
        ],
      },
      ['Beta Foods', 'Gamma Tools'],
    ],
    [
      'no interaction in 30 days',
      { all: [{ field: 'lastInteractionAt', op: 'notWithinDays', value: 30 }] },
      ['Alpha Retail', 'Beta Foods', 'Gamma Tools'],
    ],
  ])('selects by %s', async (name, criteria, expected) => {
    const body = JSON.parse(
      JSON.stringify({ name: `By ${name}`, kind: 'dynamic', criteria }).replace('<rep>', ids.rep),
    );
    const created = await admin.post('/api/v1/segments', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().memberCount).toBe(expected.length);
    expect(await members(admin, created.json().id)).toEqual(expected);
  });

  it('names the exact place of each problem in the criteria, and writes nothing', async () => {
    const res = await admin.post('/api/v1/segments', {
      name: 'Broken',
      kind: 'dynamic',
      criteria: {
        all: [
          { field: 'salary', op: 'gte', value: 1 },
          { field: 'openDeals', op: 'gte', value: 'many' },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'criteria.all.0.field', reason: '"salary" is not a field segments can test' },
      { field: 'criteria.all.1.value', reason: 'must be a whole number' },
    ]);
    expect((await admin.get('/api/v1/segments?q=Broken')).json().items).toEqual([]);
  });

  it('follows the data on recompute, by hand and by schedule', async () => {
    const seg = (
      await admin.post('/api/v1/segments', {
        name: 'Wholesale',
        kind: 'dynamic',
        refresh: 'hourly',
        criteria: { all: [{ field: 'tags', op: 'hasAny', value: ['wholesale'] }] },
      })
    ).json();
    expect(seg.memberCount).toBe(0);
    await t.database.query(`update clients set tags = array['wholesale'] where id = $1`, [ids['Beta Foods']]);
    expect((await admin.post(`/api/v1/segments/${seg.id}/recompute`)).json().memberCount).toBe(1);
    await t.database.query(`update clients set tags = array['wholesale'] where id = $1`, [
      ids['Gamma Tools'],
    ]);
    const joined = async () =>
      Object.fromEntries(
        (
          (await t.database.query('select client_id, added_at from segment_members where segment_id = $1', [
            seg.id,
          ])) as { client_id: string; added_at: Date }[]
        ).map((m) => [m.client_id, new Date(m.added_at).toISOString()]),
      );
    const before = await joined();
    await refreshSegments.run(t.platform);
    expect((await admin.get(`/api/v1/segments/${seg.id}`)).json().memberCount).toBe(2);
    // A member who still matches stays as they were: added_at keeps when they joined.
    expect((await joined())[ids['Beta Foods']]).toBe(before[ids['Beta Foods']]);
    await t.database.query(`update clients set tags = '{}' where id = $1`, [ids['Beta Foods']]);
    expect((await admin.post(`/api/v1/segments/${seg.id}/recompute`)).json().memberCount).toBe(1);
    expect(Object.keys(await joined())).toEqual([ids['Gamma Tools']]);
  });
});

describe('static lists, export and analysis', () => {
  it('adds and removes members by hand, exports CSV, and compares segments', async () => {
    const list = (await admin.post('/api/v1/segments', { name: 'Fair visitors', kind: 'static' })).json();
    const added = await admin.post(`/api/v1/segments/${list.id}/members`, {
      add: [ids['Alpha Retail'], ids['Gamma Tools']],
    });
    expect(added.json().memberCount).toBe(2);
    const csv = await admin.get(`/api/v1/segments/${list.id}/members.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toBe(
      'name,kind,email,phone,tags\nAlpha Retail,organization,a@alpha.test,,vip retail\nGamma Tools,organization,,,wholesale\n',
    );
    const analysis = (await admin.get(`/api/v1/segments/analysis?ids=${list.id}`)).json().items[0];
    expect(analysis).toMatchObject({
      clients: 2,
      openDeals: 0,
      wonDeals: 3,
      wonAmounts: [
        { currency: 'EUR', amount: '2500.4900' },
        { currency: 'USD', amount: '200.0000' },
      ],
    });
    expect(
      (await admin.post(`/api/v1/segments/${list.id}/members`, { remove: [ids['Alpha Retail']] })).json()
        .memberCount,
    ).toBe(1);
    const wrong = await admin.post(`/api/v1/segments/${list.id}/recompute`);
    expect(wrong.statusCode).toBe(422);
  });

  it("a rep sees only their own clients among a segment's members", async () => {
    const all = (
      await admin.post('/api/v1/segments', {
        name: 'Everyone',
        kind: 'dynamic',
        criteria: { all: [{ field: 'name', op: 'isNotEmpty' }] },
      })
    ).json();
    expect(await members(admin, all.id)).toHaveLength(3);
    expect(await members(rep, all.id)).toEqual(['Gamma Tools']);
    const sneaky = await rep.post('/api/v1/segments', { name: 'Mine', kind: 'static' });
    const res = await rep.post(`/api/v1/segments/${sneaky.json().id}/members`, {
      add: [ids['Alpha Retail']],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('add');
  });
});
