import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
});
afterAll(() => t.close());

describe('companies', () => {
  it('lists the first company and adds another with a structured address', async () => {
    const list = await admin.get('/api/v1/companies');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: any) => c.name)).toEqual(['Acme Ltd']);

    const created = await admin.post('/api/v1/companies', {
      name: 'Acme Bulgaria',
      baseCurrency: 'BGN',
      taxId: 'BG123456789',
      address: { country: 'BG', city: 'Sofia', street: 'Vitosha Blvd', building: '1', postcode: '1000' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Acme Bulgaria',
      baseCurrency: 'BGN',
      address: { city: 'Sofia' },
    });
  });

  it('refuses an unknown currency and names the field', async () => {
    const res = await admin.post('/api/v1/companies', { name: 'Nowhere', baseCurrency: 'XXX' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ field: 'baseCurrency', reason: expect.stringContaining('XXX') }]);
  });

  it('archives and restores instead of deleting', async () => {
    const [company] = (await admin.get('/api/v1/companies?q=Bulgaria')).json().items;
    expect((await admin.post(`/api/v1/companies/${company.id}/archive`)).json().archivedAt).not.toBeNull();
    expect((await admin.get('/api/v1/companies?q=Bulgaria')).json().items).toEqual([]);
    expect((await admin.get('/api/v1/companies?q=Bulgaria&includeArchived=true')).json().items).toHaveLength(
      1,
    );
    expect((await admin.post(`/api/v1/companies/${company.id}/restore`)).json().archivedAt).toBeNull();
  });
});
