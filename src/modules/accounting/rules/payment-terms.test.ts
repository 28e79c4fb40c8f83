import { describe, expect, it } from 'vitest';
import { type PaymentTerm, splitIntoInstalments } from './payment-terms.js';
import { RuleError } from './rule-error.js';

const term = (percent: string, days: number): PaymentTerm => ({ percent, days });

describe('splitIntoInstalments', () => {
  it.each<[string, string, string, PaymentTerm[], number, [dueDate: string, amount: string][]]>([
    [
      'S-AGING-1: 100 into 30 / 50 / 20 % due in 30, 60 and 90 days',
      '100.00',
      '2026-01-15',
      [term('30', 30), term('50', 60), term('20', 90)],
      2,
      [
        ['2026-02-14', '30.00'],
        ['2026-03-16', '50.00'],
        ['2026-04-15', '20.00'],
      ],
    ],
    [
      '100 in thirds: the last instalment takes the remainder',
      '100.00',
      '2026-03-01',
      [term('33.3333', 0), term('33.3333', 30), term('33.3334', 60)],
      2,
      [
        ['2026-03-01', '33.33'],
        ['2026-03-31', '33.33'],
        ['2026-04-30', '33.34'],
      ],
    ],
    [
      'a total that does not split evenly: 100.01 in halves',
      '100.01',
      '2026-03-01',
      [term('50', 0), term('50', 30)],
      2,
      // 50.005 rounds half up to 50.01; the last takes 50.00
      [
        ['2026-03-01', '50.01'],
        ['2026-03-31', '50.00'],
      ],
    ],
    [
      'one instalment due on the invoice date',
      '54.50',
      '2026-03-01',
      [term('100', 0)],
      2,
      [['2026-03-01', '54.50']],
    ],
    [
      'days across a leap day and a year end',
      '10',
      '2027-12-31',
      [term('50', 60), term('50', 1)],
      2,
      [
        ['2028-02-29', '5.00'],
        ['2028-01-01', '5.00'],
      ],
    ],
    [
      'a credit note splits into negative instalments, rounded away from zero',
      '-0.01',
      '2026-03-01',
      [term('50', 0), term('50', 30)],
      2,
      [
        ['2026-03-01', '-0.01'],
        ['2026-03-31', '0.00'],
      ],
    ],
    [
      'a currency without decimals',
      '1000',
      '2026-03-01',
      [term('33.3333', 10), term('33.3333', 20), term('33.3334', 30)],
      0,
      [
        ['2026-03-11', '333'],
        ['2026-03-21', '333'],
        ['2026-03-31', '334'],
      ],
    ],
  ])('%s', (_case, total, invoiceDate, terms, precision, expected) => {
    const instalments = splitIntoInstalments({ total, invoiceDate, terms, precision });
    expect(instalments.map((i) => [i.dueDate, i.amount])).toEqual(expected);
    expect(instalments.map((i) => i.percent)).toEqual(terms.map((t) => t.percent));
  });

  it.each<[string, string, PaymentTerm[], string, RegExp]>([
    [
      'percents that add up to less than 100',
      '2026-03-01',
      [term('40', 30), term('50', 60)],
      'terms',
      /^Instalment percents add up to 90, not 100\.$/,
    ],
    [
      'percents above 100',
      '2026-03-01',
      [term('60', 0), term('50.5', 30)],
      'terms',
      /add up to 110.5, not 100/,
    ],
    ['no terms at all', '2026-03-01', [], 'terms', /add up to 0, not 100/],
    [
      'a zero percent',
      '2026-03-01',
      [term('100', 0), term('0', 30)],
      'terms.1.percent',
      /Instalment 2 is 0 %/,
    ],
    ['negative days', '2026-03-01', [term('100', -5)], 'terms.0.days', /due -5 days after the invoice/],
    ['days that are not whole', '2026-03-01', [term('100', 1.5)], 'terms.0.days', /whole number of days/],
    [
      'a date that does not exist',
      '2026-02-30',
      [term('100', 30)],
      'invoiceDate',
      /YYYY-MM-DD.*"2026-02-30"/,
    ],
  ])('refuses %s', (_case, invoiceDate, terms, field, message) => {
    const split = () => splitIntoInstalments({ total: '100', invoiceDate, terms, precision: 2 });
    expect(split).toThrow(RuleError);
    expect(split).toThrow(message);
    expect(split).toThrow(expect.objectContaining({ field }));
  });
});
