import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
});
afterAll(() => t.close());

const fieldsOf = (res: { json(): any }) =>
  res
    .json()
    .errors.map((e: any) => e.field)
    .sort();
const convert = (from: string, to: string, quantity: string) =>
  admin.get(`/api/v1/unit-conversions/convert?from=${from}&to=${to}&quantity=${quantity}`);

describe('units', () => {
  it('lists the starter units by code and finds them by text', async () => {
    const list = (await admin.get('/api/v1/units')).json();
    expect(list.items.map((u: any) => u.code)).toEqual(['box', 'g', 'h', 'kg', 'l', 'm', 'm2', 'pcs', 't']);
    expect((await admin.get('/api/v1/units?q=gram')).json().items.map((u: any) => u.code)).toEqual([
      'g',
      'kg',
    ]);
    // `_` and `%` are matched as themselves, not as wildcards.
    expect((await admin.get('/api/v1/units?q=_')).json().items).toEqual([]);
  });

  it('adds, changes, archives and restores a unit', async () => {
    const created = await admin.post('/api/v1/units', { code: 'pack', name: 'Pack', precision: 0 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'pack', name: 'Pack', precision: 0, archivedAt: null });

    const changed = await admin.patch('/api/v1/units/pack', { name: 'Pack of 6', precision: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ code: 'pack', name: 'Pack of 6', precision: 1 });

    const archived = await admin.post('/api/v1/units/pack/archive');
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await admin.get('/api/v1/units?q=pack')).json().items).toEqual([]);
    expect((await admin.get('/api/v1/units?q=pack&includeArchived=true')).json().items).toHaveLength(1);
    const editArchived = await admin.patch('/api/v1/units/pack', { name: 'Nope' });
    expect(editArchived.statusCode).toBe(409);
    expect(editArchived.json().detail).toContain('restore it');

    const restored = await admin.post('/api/v1/units/pack/restore');
    expect(restored.json().archivedAt).toBeNull();
    expect((await admin.post('/api/v1/units/nothing/archive')).statusCode).toBe(404);
  });

  it('refuses a duplicate unit code with a 409 naming the field', async () => {
    const res = await admin.post('/api/v1/units', { code: 'kg', name: 'Kilo' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'code', reason: 'is already taken' }]);
  });

  it.each([
    ['a code with a space', { code: 'sq m', name: 'x' }, ['code']],
    ['a code with a slash', { code: 'km/h', name: 'x' }, ['code']],
    ['a precision out of range', { code: 'mg', name: 'Milligram', precision: 7 }, ['precision']],
    ['a precision as text', { code: 'mg', name: 'Milligram', precision: '3' }, ['precision']],
    ['an unknown field', { code: 'mg', name: 'Milligram', factor: '0.001' }, ['factor']],
  ])('refuses %s with a 422 naming the field', async (_case, body, fields) => {
    const res = await admin.post('/api/v1/units', body);
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(fields);
  });
});

describe('unit conversions', () => {
  it('lists the starter conversions without padded factors', async () => {
    const items = (await admin.get('/api/v1/unit-conversions')).json().items;
    expect(items.map((c: any) => [c.fromUnit, c.toUnit, c.factor])).toEqual([
      ['kg', 'g', '1000'],
      ['t', 'kg', '1000'],
    ]);
  });

  it('defines a conversion and converts with it both ways', async () => {
    const created = await admin.post('/api/v1/unit-conversions', {
      fromUnit: 'box',
      toUnit: 'pcs',
      factor: '12',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ fromUnit: 'box', toUnit: 'pcs', factor: '12' });
    expect((await convert('box', 'pcs', '2.5')).json()).toEqual({
      from: 'box',
      to: 'pcs',
      quantity: '2.5',
      result: '30',
    });
    // 18 pcs = 1.5 boxes; a box has no decimal places, so it rounds half up.
    expect((await convert('pcs', 'box', '18')).json().result).toBe('2');
  });

  it.each([
    ['direct', 't', 'kg', '2.5', '2500'],
    ['reverse', 'kg', 't', '1234.5678', '1.235'],
    ['through kg', 't', 'g', '1.5', '1500000'],
    ['through kg, backwards', 'g', 't', '2500', '0.003'],
    ['to itself', 'kg', 'kg', '1.23456', '1.235'],
  ])('converts %s: %s %s -> %s', async (_case, from, to, quantity, result) => {
    const res = await convert(from, to, quantity);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ from, to, quantity, result });
  });

  it('answers 422 when no conversion links the units, or a unit is unknown', async () => {
    const none = await convert('kg', 'm', '1');
    expect(none.statusCode).toBe(422);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json().detail).toContain('"kg" to "m"');
    expect(fieldsOf(none)).toEqual(['to']);
    expect(fieldsOf(await convert('lb', 'kg', '1'))).toEqual(['from']);
    expect(fieldsOf(await convert('kg', 'lb', '1'))).toEqual(['to']);
    expect(fieldsOf(await convert('kg', 'g', '1e3'))).toEqual(['quantity']);
  });

  it('refuses the reverse of a defined pair, naming how it is defined', async () => {
    const res = await admin.post('/api/v1/unit-conversions', {
      fromUnit: 'kg',
      toUnit: 't',
      factor: '0.001',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('kg→t is already defined as t→kg 1000.');
    expect(fieldsOf(res)).toEqual(['fromUnit', 'toUnit']);
    const same = await admin.post('/api/v1/unit-conversions', {
      fromUnit: 't',
      toUnit: 'kg',
      factor: '1000',
    });
    expect(same.statusCode).toBe(409);
  });

  it.each([
    ['a negative factor', { factor: '-3' }, ['factor']],
    ['a zero factor', { factor: '0.000' }, ['factor']],
    ['a factor as a JSON number', { factor: 3 }, ['factor']],
    ['an unknown unit', { toUnit: 'lb' }, ['toUnit']],
    ['a unit to itself', { toUnit: 'l' }, ['toUnit']],
    ['an unknown field', { note: 'x' }, ['note']],
  ])('refuses %s with a 422 naming the field', async (_case, change, fields) => {
    const res = await admin.post('/api/v1/unit-conversions', {
      fromUnit: 'l',
      toUnit: 'm',
      factor: '3',
      ...change,
    });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(fields);
  });

  it('refuses an archived unit in a new conversion', async () => {
    await admin.post('/api/v1/units', { code: 'crate', name: 'Crate' });
    await admin.post('/api/v1/units/crate/archive');
    const res = await admin.post('/api/v1/unit-conversions', {
      fromUnit: 'crate',
      toUnit: 'pcs',
      factor: '24',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'fromUnit', reason: expect.stringContaining('archived') }]);
  });
});

describe('who may change units', () => {
  it('a member without directories:manage reads but cannot write', async () => {
    const roles = (await admin.get('/api/v1/roles')).json().items;
    const warehouse = roles.find((r: any) => r.key === 'warehouse');
    await admin.post('/api/v1/users', {
      email: 'keeper@acme.test',
      name: 'Keeper',
      password: 'long enough 123',
      roleIds: [warehouse.id],
    });
    const keeper = await t.login('keeper@acme.test', 'long enough 123');
    expect((await keeper.get('/api/v1/units')).statusCode).toBe(200);
    expect((await keeper.get('/api/v1/unit-conversions')).statusCode).toBe(200);
    expect((await keeper.get('/api/v1/unit-conversions/convert?from=t&to=kg&quantity=1')).statusCode).toBe(
      200,
    );
    for (const res of [
      await keeper.post('/api/v1/units', { code: 'dz', name: 'Dozen' }),
      await keeper.patch('/api/v1/units/kg', { name: 'Kilo' }),
      await keeper.post('/api/v1/units/kg/archive'),
      await keeper.post('/api/v1/unit-conversions', { fromUnit: 'h', toUnit: 'box', factor: '1' }),
    ])
      expect(res.statusCode).toBe(403);
  });
});
