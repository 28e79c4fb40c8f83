import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetOldIdempotencyKeys } from '../../src/platform/maintenance.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
});
afterAll(() => t.close());

const auditCount = async () =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from audit_log'))[0].n;
const companyCount = async () =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from companies'))[0].n;

describe('bad input gets a 4xx problem and writes nothing', () => {
  it.each([
    ['malformed JSON', '{"name": "Broken",', 'application/json', 400, 'The body is not valid JSON.'],
    [
      'an oversized body',
      JSON.stringify({ name: 'x'.repeat(1_100_000), baseCurrency: 'EUR' }),
      'application/json',
      413,
      'The body is larger than this server accepts.',
    ],
    ['a body that is not JSON', 'name=Acme', 'application/x-www-form-urlencoded', 415, undefined],
  ])('%s', async (_, payload, contentType, status, detail) => {
    const before = [await auditCount(), await companyCount()];
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/companies',
      payload,
      headers: { 'content-type': contentType },
    });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, title: expect.any(String) });
    if (detail) expect(res.json().detail).toBe(detail);
    expect([await auditCount(), await companyCount()]).toEqual(before);
  });

  it('names every wrong field at once: wrong types, unknown fields, missing fields', async () => {
    const before = await auditCount();
    const res = await admin.post('/api/v1/companies', {
      name: 42,
      baseCurrency: 'euro',
      color: 'red',
      address: { city: 'Sofia' },
    });
    expect(res.statusCode).toBe(422);
    const fields = res
      .json()
      .errors.map((e: any) => e.field)
      .sort();
    expect(fields).toEqual(['address.country', 'baseCurrency', 'color', 'name']);
    expect(res.json().errors.find((e: any) => e.field === 'color').reason).toBe('is not a known field');
    expect(res.json().errors.find((e: any) => e.field === 'address.country').reason).toBe('is required');
    expect(await auditCount()).toBe(before);
  });

  it('a malformed id in the path is a 422, not a 500', async () => {
    const res = await admin.get('/api/v1/companies/not-a-uuid');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'id', reason: expect.any(String) }]);
  });

  it('a bad query string is named', async () => {
    const res = await admin.get('/api/v1/companies?limit=100000&sort=colour');
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: any) => e.field)
        .sort(),
    ).toEqual(['limit', 'sort']);
  });

  it('a made-up cursor is refused with advice', async () => {
    const res = await admin.get('/api/v1/companies?cursor=bm9wZQ');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('cursor');
  });

  it('SQL metacharacters are stored as text, never run', async () => {
    const name = `Robert'); DROP TABLE companies; -- "x" \\ %_`;
    const created = await admin.post('/api/v1/companies', { name, baseCurrency: 'EUR' });
    expect(created.statusCode).toBe(201);
    expect((await admin.get(`/api/v1/companies/${created.json().id}`)).json().name).toBe(name);
    const search = await admin.get(`/api/v1/companies?q=${encodeURIComponent("%' OR 1=1 --")}`);
    expect(search.statusCode).toBe(200);
    expect(search.json().items).toEqual([]);
  });

  it('a duplicate name is a 409 naming the field', async () => {
    const res = await admin.post('/api/v1/companies', { name: 'Acme Ltd', baseCurrency: 'EUR' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'name', reason: 'is already taken' }]);
  });

  it('an unknown route is a 404 problem', async () => {
    const res = await admin.get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('Idempotency-Key', () => {
  it('a retried POST answers the first result and creates one record', async () => {
    const body = { name: 'Once Only GmbH', baseCurrency: 'EUR' };
    const first = await admin.post('/api/v1/companies', body, { 'idempotency-key': 'k-1' });
    const second = await admin.post('/api/v1/companies', body, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect((await admin.get('/api/v1/companies?q=Once')).json().items).toHaveLength(1);
  });

  it('the same key with a different body is refused', async () => {
    await admin.post(
      '/api/v1/companies',
      { name: 'Key Reuse A', baseCurrency: 'EUR' },
      { 'idempotency-key': 'k-2' },
    );
    const res = await admin.post(
      '/api/v1/companies',
      { name: 'Key Reuse B', baseCurrency: 'EUR' },
      { 'idempotency-key': 'k-2' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'Idempotency-Key', reason: 'was already used for a different request' },
    ]);
    expect((await admin.get('/api/v1/companies?q=Key%20Reuse')).json().items).toHaveLength(1);
  });

  it('stored answers are forgotten after a day', async () => {
    await t.database.query(
      "update idempotency_keys set created_at = now() - interval '25 hours' where key = 'k-1'",
    );
    await forgetOldIdempotencyKeys.run(t.platform);
    const keys = await t.database.query<{ key: string }>('select key from idempotency_keys order by key');
    expect(keys.map((k) => k.key)).toEqual(['k-2']);
  });

  it('a failed request does not use up its key', async () => {
    const bad = await admin.post(
      '/api/v1/companies',
      { name: 'Later Ltd', baseCurrency: 'XXX' },
      { 'idempotency-key': 'k-3' },
    );
    expect(bad.statusCode).toBe(422);
    const good = await admin.post(
      '/api/v1/companies',
      { name: 'Later Ltd', baseCurrency: 'EUR' },
      { 'idempotency-key': 'k-3' },
    );
    expect(good.statusCode).toBe(201);
  });
});
