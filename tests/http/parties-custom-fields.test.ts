import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;

const fieldsOf = (res: { json(): any }) =>
  res
    .json()
    .errors.map((e: any) => e.field)
    .sort();
const count = async (table: string) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

const define = (body: Record<string, unknown>) =>
  admin.post('/api/v1/custom-fields', { entity: 'client', label: 'A field', type: 'text', ...body });

let parentId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  parentId = (await admin.post('/api/v1/clients', { name: 'Parent Holding' })).json().id;
  for (const field of [
    { key: 'segment', label: 'Segment', type: 'text' },
    { key: 'revenue', label: 'Annual revenue', type: 'number', required: true },
    { key: 'since', label: 'Client since', type: 'date' },
    { key: 'size', label: 'Size', type: 'choice', options: { choices: ['small', 'medium', 'large'] } },
    { key: 'parent', label: 'Parent', type: 'reference', options: { references: 'client' } },
  ]) {
    const res = await define(field);
    expect(res.statusCode).toBe(201);
  }
  await define({ entity: 'contact', key: 'birthday', label: 'Birthday', type: 'date' });
});
afterAll(() => t.close());

describe('custom field definitions', () => {
  it('lists the fields of an entity', async () => {
    const keys = (await admin.get('/api/v1/custom-fields?entity=client')).json().items.map((f: any) => f.key);
    expect(keys).toEqual(['segment', 'revenue', 'since', 'size', 'parent']);
    expect((await admin.get('/api/v1/custom-fields?entity=contact')).json().items).toHaveLength(1);
  });

  it.each([
    ['a key taken', { key: 'segment' }, 409, ['key']],
    ['a key in capitals', { key: 'Segment' }, 422, ['key']],
    ['an unknown type', { key: 'colour', type: 'colour' }, 422, ['type']],
    ['an unknown entity', { key: 'colour', entity: 'invoice' }, 422, ['entity']],
    ['a choice field without choices', { key: 'tier', type: 'choice' }, 422, ['options.choices']],
    [
      'a choice listed twice',
      { key: 'tier', type: 'choice', options: { choices: ['a', 'a'] } },
      422,
      ['options.choices.1'],
    ],
    ['choices on a text field', { key: 'tier', options: { choices: ['a'] } }, 422, ['options.choices']],
    ['a reference to nothing', { key: 'owner', type: 'reference' }, 422, ['options.references']],
    [
      'a reference to an unknown kind',
      { key: 'owner', type: 'reference', options: { references: 'planet' } },
      422,
      ['options.references'],
    ],
  ])('refuses %s', async (_case, body, status, fields) => {
    const before = await count('custom_fields');
    const res = await define(body);
    expect(res.statusCode).toBe(status);
    expect(fieldsOf(res)).toEqual(fields);
    expect(await count('custom_fields')).toBe(before);
  });

  it('changes a label and the choices, but not the type', async () => {
    const size = (await admin.get('/api/v1/custom-fields?entity=client'))
      .json()
      .items.find((f: any) => f.key === 'size');
    const res = await admin.patch(`/api/v1/custom-fields/${size.id}`, {
      label: 'Company size',
      options: { choices: ['small', 'medium', 'large', 'huge'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      label: 'Company size',
      options: { choices: ['small', 'medium', 'large', 'huge'] },
    });
    const typeChange = await admin.patch(`/api/v1/custom-fields/${size.id}`, { type: 'text' });
    expect(typeChange.statusCode).toBe(422);
    expect(fieldsOf(typeChange)).toEqual(['type']);
  });
});

describe('custom values', () => {
  let retail: string;
  let steel: string;

  it('stores valid values, decimals without padding', async () => {
    const res = await admin.post('/api/v1/clients', {
      name: 'Retail Co',
      custom: {
        segment: 'Retail chains',
        revenue: '1250000.50',
        since: '2019-03-01',
        size: 'large',
        parent: parentId,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().custom).toEqual({
      segment: 'Retail chains',
      revenue: '1250000.5',
      since: '2019-03-01',
      size: 'large',
      parent: parentId,
    });
    retail = res.json().id;
    steel = (
      await admin.post('/api/v1/clients', { name: 'Steel Co', custom: { revenue: '80', size: 'small' } })
    ).json().id;
  });

  it.each([
    ['a missing required field', { segment: 'x' }, ['custom.revenue']],
    ['a number as a JSON number', { revenue: 12.5 }, ['custom.revenue']],
    ['a number that is no number', { revenue: 'twelve' }, ['custom.revenue']],
    ['a date that is no date', { revenue: '1', since: '2023-02-30' }, ['custom.since']],
    ['a choice not offered', { revenue: '1', size: 'gigantic' }, ['custom.size']],
    [
      'a reference to nobody',
      { revenue: '1', parent: '0190a1b2-0000-7000-8000-000000000000' },
      ['custom.parent'],
    ],
    ['a reference that is no id', { revenue: '1', parent: 'Parent Holding' }, ['custom.parent']],
    ['an unknown key', { revenue: '1', colour: 'red' }, ['custom.colour']],
    ['several wrong values', { revenue: 'x', size: 'y' }, ['custom.revenue', 'custom.size']],
  ])('refuses %s, writing nothing', async (_case, custom, fields) => {
    const before = await count('clients');
    const res = await admin.post('/api/v1/clients', { name: 'Bad Custom', custom });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(fields);
    expect(await count('clients')).toBe(before);
  });

  it('says what a choice may be', async () => {
    const res = await admin.post('/api/v1/clients', {
      name: 'Bad',
      custom: { revenue: '1', size: 'gigantic' },
    });
    expect(res.json().errors).toEqual([
      { field: 'custom.size', reason: 'must be one of "small", "medium", "large", "huge"' },
    ]);
  });

  it('changes some values and keeps the others; a required one cannot be cleared', async () => {
    const res = await admin.patch(`/api/v1/clients/${retail}`, { custom: { segment: null, size: 'medium' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().custom).toEqual({
      revenue: '1250000.5',
      since: '2019-03-01',
      size: 'medium',
      parent: parentId,
    });
    const cleared = await admin.patch(`/api/v1/clients/${retail}`, { custom: { revenue: null } });
    expect(cleared.statusCode).toBe(422);
    expect(fieldsOf(cleared)).toEqual(['custom.revenue']);
  });

  it('filters clients by custom values', async () => {
    const names = async (query: string) => {
      const res = await admin.get(`/api/v1/clients?${query}`);
      expect(res.statusCode).toBe(200);
      return res.json().items.map((c: any) => c.name);
    };
    expect(await names('custom.size=small')).toEqual(['Steel Co']);
    expect(await names('custom.revenue=80.00')).toEqual(['Steel Co']);
    expect(await names('custom.since=2019-03-01')).toEqual(['Retail Co']);
    expect(await names(`custom.parent=${parentId}`)).toEqual(['Retail Co']);
    expect(await names('custom.size=medium&custom.revenue=1250000.5')).toEqual(['Retail Co']);
    expect(await names('custom.size=small&custom.revenue=1250000.5')).toEqual([]);
    await admin.patch(`/api/v1/clients/${steel}`, { custom: { segment: 'Heavy Industry' } });
    expect(await names('custom.segment=industry')).toEqual(['Steel Co']);
  });

  it.each([
    ['custom.size=gigantic', ['custom.size']],
    ['custom.revenue=lots', ['custom.revenue']],
    ['custom.nothing=1', ['custom.nothing']],
    ['custom.Bad=1', ['custom.Bad']],
  ])('refuses the filter %s', async (query, fields) => {
    const res = await admin.get(`/api/v1/clients?${query}`);
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(fields);
  });

  it('validates and filters contact values too', async () => {
    const bad = await admin.post('/api/v1/contacts', {
      clientId: retail,
      firstName: 'Ana',
      custom: { birthday: 'May' },
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['custom.birthday']);
    await admin.post('/api/v1/contacts', {
      clientId: retail,
      firstName: 'Ana',
      custom: { birthday: '1990-05-01' },
    });
    await admin.post('/api/v1/contacts', { clientId: retail, firstName: 'Boris' });
    const found = await admin.get('/api/v1/contacts?custom.birthday=1990-05-01');
    expect(found.json().items.map((c: any) => c.firstName)).toEqual(['Ana']);
  });

  it('an archived field is refused for new values but its stored values stay', async () => {
    const since = (await admin.get('/api/v1/custom-fields?entity=client'))
      .json()
      .items.find((f: any) => f.key === 'since');
    expect((await admin.post(`/api/v1/custom-fields/${since.id}/archive`)).json().archivedAt).not.toBeNull();
    expect(
      (await admin.get('/api/v1/custom-fields?entity=client')).json().items.map((f: any) => f.key),
    ).not.toContain('since');
    const res = await admin.patch(`/api/v1/clients/${steel}`, { custom: { since: '2020-01-01' } });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['custom.since']);
    expect((await admin.get(`/api/v1/clients/${retail}`)).json().custom.since).toBe('2019-03-01');
    expect((await admin.patch(`/api/v1/custom-fields/${since.id}`, { label: 'x' })).statusCode).toBe(409);
    expect((await define({ key: 'since' })).json().detail).toContain('archived');
    await admin.post(`/api/v1/custom-fields/${since.id}/restore`);
  });
});
