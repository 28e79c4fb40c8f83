import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { absorbDifference } from './absorb-difference.js';
import { RuleError } from './rule-error.js';

const d = (values: string[]) => values.map((v) => new Decimal(v));
const out = (values: Decimal[]) => values.map((v) => v.toFixed(2));
const all = [true, true, true];

describe('absorbDifference', () => {
  it.each([
    ['balanced: unchanged', ['10.00', '-4.00', '-6.00'], all, ['10.00', '-4.00', '-6.00']],
    ['a cent over goes on the largest', ['9.13', '-3.04', '-6.08'], all, ['9.12', '-3.04', '-6.08']],
    ['the largest by size, a credit too', ['3.04', '6.08', '-9.13'], all, ['3.04', '6.08', '-9.12']],
    ['skips what may not move', ['9.13', '-3.04', '-6.08'], [false, true, true], ['9.13', '-3.04', '-6.09']],
    [
      'a credit note, the other way',
      ['-54.51', '50.00', '4.50'],
      [false, true, true],
      ['-54.51', '50.01', '4.50'],
    ],
  ])('%s', (_, amounts, adjustable, expected) => {
    expect(out(absorbDifference(d(amounts), adjustable))).toEqual(expected);
  });

  it('refuses when nothing may take the difference', () => {
    expect(() => absorbDifference(d(['1.00', '-0.99']), [false, false])).toThrow(RuleError);
  });
});
