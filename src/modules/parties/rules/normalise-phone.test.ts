import { describe, expect, it } from 'vitest';
import { normalisePhone } from './normalise-phone.js';

describe('normalisePhone', () => {
  it.each([
    ['0888 123 456', 'BG', '+359888123456'],
    ['+359 888 123 456', undefined, '+359888123456'],
    ['+359 (888) 12-34-56', 'RU', '+359888123456'],
    ['8 (916) 123-45-67', 'RU', '+79161234567'],
    ['+7 916 123 45 67', null, '+79161234567'],
    ['  +44 20 7946 0958 ', 'BG', '+442079460958'],
    ['9911 2233', 'MN', '+97699112233'],
  ])('%s in %s is %s', (raw, country, e164) => {
    expect(normalisePhone(raw, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'BG', 'is empty'],
    ['12345', undefined, 'needs a country code, e.g. +359 88 812 3456'],
    ['call me', 'BG', 'is not a phone number'],
    ['+359 2 123', undefined, 'is too short'],
    ['02 123', 'BG', 'is too short for BG'],
    ['088812345678901', 'BG', 'is too long for BG'],
    ['0888 123', 'BG', 'is not a valid BG number'],
  ])('%s in %s is refused: %s', (raw, country, reason) => {
    expect(normalisePhone(raw, country)).toEqual({ ok: false, reason });
  });
});
