import { describe, expect, it } from 'vitest';
import { companyCurrencyAmounts } from './company-amounts.js';

describe('company-currency amounts of an entry', () => {
  it.each([
    {
      case: 'company currency: unchanged',
      lines: [
        ['100.00', '0'],
        ['0', '100.00'],
      ],
      rate: '1',
      precision: 2,
      want: [
        ['100.00', '0.00'],
        ['0.00', '100.00'],
      ],
    },
    {
      case: 'three thirds: the cent lost to rounding goes on the largest line',
      lines: [
        ['0.01', '0'],
        ['0.01', '0'],
        ['0.01', '0'],
        ['0', '0.03'],
      ],
      rate: '1.5',
      precision: 2,
      // each 0.015 rounds to 0.02 (0.06), the credit 0.045 to 0.05: the credit takes the cent
      want: [
        ['0.02', '0.00'],
        ['0.02', '0.00'],
        ['0.02', '0.00'],
        ['0.00', '0.06'],
      ],
    },
    {
      case: 'debits short: the largest debit line gives way',
      lines: [
        ['10.00', '0'],
        ['0', '3.33'],
        ['0', '3.33'],
        ['0', '3.34'],
      ],
      rate: '1.955830',
      precision: 2,
      // 19.5583 -> 19.56; 6.5129 -> 6.51 twice; 6.5325 -> 6.53: credits 19.55
      want: [
        ['19.55', '0.00'],
        ['0.00', '6.51'],
        ['0.00', '6.51'],
        ['0.00', '6.53'],
      ],
    },
    {
      case: 'an unbalanced draft is converted line by line, nothing moved',
      lines: [
        ['1.005', '0'],
        ['0', '1'],
      ],
      rate: '1',
      precision: 2,
      want: [
        ['1.01', '0.00'],
        ['0.00', '1.00'],
      ],
    },
  ])('$case', ({ lines, rate, precision, want }) => {
    const result = companyCurrencyAmounts(
      lines.map(([debit, credit]) => ({ debit, credit })),
      rate,
      precision,
    );
    expect(result.map((r) => [r.debitInCompanyCurrency, r.creditInCompanyCurrency])).toEqual(want);
  });
});
