import { describe, expect, it } from 'vitest';
import { passwordProblem, sha256, tenantOfToken, tenantToken } from './secrets.js';

const tenant = '0191e1e0-1234-7abc-8def-0123456789ab';

describe('tokens that name their tenant', () => {
  it('round-trip the tenant id and differ every time', () => {
    const a = tenantToken('tdm', tenant);
    const b = tenantToken('tdm', tenant);
    expect(a).not.toBe(b);
    expect(tenantOfToken('tdm', a)).toBe(tenant);
    expect(sha256(a)).toHaveLength(64);
  });

  it.each([
    [`inv_${'a'.repeat(32)}_secretsecretsecretsecret`, 'tdm'],
    ['tdm_short_secret', 'tdm'],
    [`tdm_${'g'.repeat(32)}_secretsecretsecretsecret`, 'tdm'],
    ['', 'tdm'],
  ] as const)('rejects %s', (token, kind) => {
    expect(tenantOfToken(kind, token)).toBeUndefined();
  });
});

describe('password rules', () => {
  it.each([
    ['short', 'a@b.c', 'must be at least 10 characters long'],
    ['someone@acme.test', 'someone@acme.test', 'must not be the same as the email'],
    ['long enough password', 'a@b.c', undefined],
  ])('%s', (password, email, problem) => {
    expect(passwordProblem(password, email)).toBe(problem);
  });
});
