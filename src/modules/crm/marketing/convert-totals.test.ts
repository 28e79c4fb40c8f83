import { describe, expect, it } from 'vitest';
import { convertTotal } from './convert-totals.js';

const rates: Record<string, string> = {
  'USD 2026-01-10': '0.92',
  'USD 2026-02-10': '0.9',
  'BGN 2026-01-10': '0.511291881',
  'EUR 2026-01-10': '1',
};
const rateOf = (currency: string, on: string) => (currency === 'EUR' ? '1' : rates[`${currency} ${on}`]);

describe('converting totals', () => {
  it.each([
    [
      'one currency',
      [
        { amount: '10.10', currency: 'EUR', on: '2026-01-10' },
        { amount: '0.20', currency: 'EUR', on: '2026-01-10' },
      ],
      '10.30',
      [],
    ],
    [
      'each amount at its own day',
      [
        { amount: '100', currency: 'USD', on: '2026-01-10' },
        { amount: '100', currency: 'USD', on: '2026-02-10' },
      ],
      '182.00',
      [],
    ],
    [
      'rounding only the total, half to even',
      [
        { amount: '1', currency: 'BGN', on: '2026-01-10' },
        { amount: '1', currency: 'BGN', on: '2026-01-10' },
      ],
      '1.02',
      [],
    ],
    [
      'missing rates reported, not guessed',
      [{ amount: '5', currency: 'MNT', on: '2026-01-10' }],
      '0.00',
      [{ amount: '5', currency: 'MNT', on: '2026-01-10' }],
    ],
  ])('%s', (_, amounts, total, unconverted) => {
    expect(convertTotal(amounts, 2, rateOf)).toEqual({ total, unconverted });
  });
});
