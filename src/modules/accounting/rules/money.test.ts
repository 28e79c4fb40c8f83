import { describe, expect, it } from 'vitest';
import { decimalOf, Exact, formatMoney } from './money.js';
import { RuleError } from './rule-error.js';

describe('formatMoney', () => {
  it.each<[string, number, string]>([
    ['0.005', 2, '0.01'],
    ['-0.005', 2, '-0.01'],
    ['0.0049', 2, '0.00'],
    ['-0.004', 2, '0.00'],
    ['2.5', 0, '3'],
    ['-2.5', 0, '-3'],
    ['1.2345', 3, '1.235'],
    ['7', 2, '7.00'],
    ['123456789012345.675', 2, '123456789012345.68'],
  ])('%s to %i places is %s, halves away from zero', (value, precision, expected) => {
    expect(formatMoney(new Exact(value), precision)).toBe(expected);
  });
});

describe('decimalOf', () => {
  it.each(['1', '-1', '0.10', '123456789012345.6789'])('reads %s', (value) => {
    expect(decimalOf(value, 'amount').toString()).toBe(new Exact(value).toString());
  });

  it.each(['', ' 1', '1e3', '1,5', '.5', 'NaN', 'Infinity', '0x10'])(
    'refuses "%s", naming the field',
    (value) => {
      expect(() => decimalOf(value, 'lines.0.quantity')).toThrow(RuleError);
      expect(() => decimalOf(value, 'lines.0.quantity')).toThrow(
        expect.objectContaining({
          field: 'lines.0.quantity',
          message: expect.stringContaining(`not "${value}"`),
        }),
      );
    },
  );
});
