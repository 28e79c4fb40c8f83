import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './normalise-email.js';

describe('normaliseEmail', () => {
  it.each([
    ['Anna@Example.COM', 'anna@example.com'],
    ['  sales@shop.bg ', 'sales@shop.bg'],
    ['first.last+crm@mail.co.uk', 'first.last+crm@mail.co.uk'],
    ['ИВАН@ПОЧТА.РФ', 'иван@почта.рф'],
  ])('%s -> %s', (raw, email) => {
    expect(normaliseEmail(raw)).toEqual({ ok: true, email });
  });

  it.each([
    ['', 'is empty'],
    ['anna', 'is not an email address, e.g. anna@example.com'],
    ['anna@example', 'is not an email address, e.g. anna@example.com'],
    ['anna @example.com', 'is not an email address, e.g. anna@example.com'],
    ['a@b@example.com', 'is not an email address, e.g. anna@example.com'],
    [`${'a'.repeat(320)}@x.com`, 'is longer than 320 characters'],
  ])('%s is refused: %s', (raw, reason) => {
    expect(normaliseEmail(raw)).toEqual({ ok: false, reason });
  });
});
