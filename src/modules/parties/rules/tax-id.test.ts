import { describe, expect, it } from 'vitest';
import { checkTaxId } from './tax-id.js';

describe('checkTaxId', () => {
  it.each([
    ['7707083893', 'RU', '7707083893'],
    ['500100732259', 'RU', '500100732259'],
    ['7712 3456 7859', 'RU', '771234567859'],
    ['000696327', 'BG', '000696327'],
    ['BG831919536', 'BG', '831919536'],
    ['121 212 121', 'BG', '121212121'],
    ['0006963270003', 'BG', '0006963270003'],
    ['de-123456789', 'DE', 'DE123456789'],
    ['12345', 'MN', '12345'],
    ['GB 123 4567 89', 'GB', 'GB123456789'],
  ])('%s in %s is valid as %s', (raw, country, taxId) => {
    expect(checkTaxId(raw, country)).toEqual({ ok: true, taxId });
  });

  it.each([
    ['7707083894', 'RU', 'has a wrong check digit for an INN'],
    ['500100732258', 'RU', 'has a wrong check digit for an INN'],
    ['500100732249', 'RU', 'has a wrong check digit for an INN'],
    ['77070838', 'RU', 'must have 10 digits (organisation) or 12 (person), not 8'],
    ['77070838A3', 'RU', 'must be digits only'],
    ['000696328', 'BG', 'has a wrong check digit for an EIK/BULSTAT'],
    ['0006963270004', 'BG', 'has a wrong check digit for a branch EIK/BULSTAT'],
    ['0006963280003', 'BG', 'has a wrong check digit for an EIK/BULSTAT'],
    ['1234567890', 'BG', 'must have 9 digits (entity) or 13 (branch), not 10'],
    ['1234', 'DE', 'must be 5 to 20 letters and digits'],
    ['ABC_12345', 'DE', 'must be 5 to 20 letters and digits'],
    ['1'.repeat(21), 'MN', 'must be 5 to 20 letters and digits'],
    [' - ', 'RU', 'is empty'],
  ])('%s in %s is refused: %s', (raw, country, reason) => {
    expect(checkTaxId(raw, country)).toEqual({ ok: false, reason });
  });
});
