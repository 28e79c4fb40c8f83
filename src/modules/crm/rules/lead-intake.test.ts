import { describe, expect, it } from 'vitest';
import { checkLeadIntake, normalisePhone } from './lead-intake.js';

describe('normalising a lead', () => {
  it.each([
    [
      'trims, lower-cases the email, writes the phone in E.164',
      { contactName: '  Anna Petrova ', email: ' Anna@Example.COM ', phone: '+359 88 123 4567' },
      {},
      { contactName: 'Anna Petrova', email: 'anna@example.com', phone: '+359881234567' },
    ],
    [
      'reads a local number with the workspace country',
      { clientName: 'Stroy OOD', phone: '088 123 4567' },
      { defaultCountry: 'BG' },
      { clientName: 'Stroy OOD', contactName: null, email: null, phone: '+359881234567' },
    ],
    [
      'turns blank fields into null',
      { contactName: 'Bo', email: 'bo@x.io', phone: '   ', message: '' },
      {},
      { phone: null, message: null, clientName: null },
    ],
  ])('%s', (_case, input, options, expected) => {
    const result = checkLeadIntake(input, options);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.lead).toMatchObject(expected);
  });

  it.each([
    ['nobody named', { email: 'a@b.io' }, ['contactName']],
    ['nobody reachable', { contactName: 'Anna' }, ['email', 'phone']],
    ['a malformed email', { contactName: 'Anna', email: 'anna.example.com' }, ['email']],
    ['an email without a domain', { contactName: 'Anna', email: 'anna@localhost' }, ['email']],
    ['a local phone without a country', { contactName: 'Anna', phone: '088 123 4567' }, ['phone']],
    ['a phone that is words', { contactName: 'Anna', phone: 'call me' }, ['phone']],
    ['an overlong name', { contactName: 'x'.repeat(201), email: 'a@b.io' }, ['contactName']],
  ])('refuses %s, naming the fields', (_case, input, fields) => {
    const result = checkLeadIntake(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(fields);
  });

  it("speaks the caller's field names", () => {
    const result = checkLeadIntake({}, { fieldNames: { contactName: 'name', clientName: 'company' } });
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['name', 'email', 'phone']);
  });
});

describe('phones', () => {
  it.each([
    ['+44 20 7946 0958', undefined, '+442079460958'],
    ['(212) 555-0100', 'US', '+12125550100'],
    ['+359 2 123', undefined, undefined],
    ['12', 'BG', undefined],
  ])('%s (%s) -> %s', (text, country, e164) => {
    expect(normalisePhone(text, country)).toBe(e164);
  });
});
