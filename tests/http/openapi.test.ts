import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the API describes itself', () => {
  it('serves an OpenAPI 3.1 document with every route, its schemas and problem answers', async () => {
    const res = await t.client().get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/companies',
      '/api/v1/companies/{id}',
      '/api/v1/users',
      '/api/v1/roles',
      '/api/v1/modules/{key}',
      '/api/v1/audit-log',
      '/api/v1/api-tokens',
    ]) {
      expect(paths).toContain(p);
    }
    const create = doc.paths['/api/v1/companies'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'baseCurrency']),
    );
    expect(create.summary).toBeTruthy();
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '4XX']));
  });

  it('serves interactive docs and a health check', async () => {
    expect((await t.client().get('/api/docs/')).statusCode).toBe(200);
    expect((await t.client().get('/healthz')).json()).toMatchObject({ status: 'ok' });
  });
});
