import { describe, expect, it } from 'vitest';
import { type AgingBucket, ageOpenItems, agingBucket } from './aging-buckets.js';
import { RuleError } from './rule-error.js';

describe('agingBucket', () => {
  it.each<[string, string, AgingBucket]>([
    ['due tomorrow', '2026-06-02', 'not_due'],
    ['due in a year', '2027-06-01', 'not_due'],
    ['due today (day 0)', '2026-06-01', '0-30'],
    ['1 day past due', '2026-05-31', '0-30'],
    ['30 days past due', '2026-05-02', '0-30'],
    ['31 days past due', '2026-05-01', '31-60'],
    ['60 days past due', '2026-04-02', '31-60'],
    ['61 days past due', '2026-04-01', '61-90'],
    ['90 days past due', '2026-03-03', '61-90'],
    ['91 days past due', '2026-03-02', '91-120'],
    ['120 days past due', '2026-02-01', '91-120'],
    ['121 days past due', '2026-01-31', '120+'],
    ['years past due', '2020-01-01', '120+'],
  ])('%s on 2026-06-01: %s', (_case, dueDate, bucket) => {
    expect(agingBucket(dueDate, '2026-06-01')).toBe(bucket);
  });

  it.each<[string, string, string, AgingBucket]>([
    ['30 days across February in a leap year', '2028-02-01', '2028-03-02', '0-30'],
    ['31 days across February in a leap year', '2028-01-31', '2028-03-02', '31-60'],
    ['across a year end', '2025-12-31', '2026-01-31', '31-60'],
  ])('counts calendar days: %s', (_case, dueDate, asOf, bucket) => {
    expect(agingBucket(dueDate, asOf)).toBe(bucket);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => agingBucket('01/06/2026', '2026-06-01')).toThrow(
      expect.objectContaining({ field: 'dueDate', message: expect.stringContaining('YYYY-MM-DD') }),
    );
    expect(() => agingBucket('2026-06-01', '2026-13-01')).toThrow(RuleError);
  });
});

describe('ageOpenItems', () => {
  it('S-AGING-1: after paying 40, the 40 and 20 left are aged by their own due dates', () => {
    const items = [
      { dueDate: '2026-02-14', outstanding: '0.00' },
      { dueDate: '2026-03-16', outstanding: '40.00' },
      { dueDate: '2026-04-15', outstanding: '20.00' },
    ];
    expect(ageOpenItems(items, '2026-04-20', 2)).toEqual({
      not_due: '0.00',
      '0-30': '20.00',
      '31-60': '40.00',
      '61-90': '0.00',
      '91-120': '0.00',
      '120+': '0.00',
    });
  });

  it.each<[string, { dueDate: string; outstanding: string }[], number, Partial<Record<AgingBucket, string>>]>(
    [
      ['no items: every bucket is zero', [], 2, {}],
      [
        'items in every bucket, the edges included',
        [
          { dueDate: '2026-06-02', outstanding: '1' },
          { dueDate: '2026-05-02', outstanding: '2' },
          { dueDate: '2026-05-01', outstanding: '3' },
          { dueDate: '2026-03-03', outstanding: '4' },
          { dueDate: '2026-02-01', outstanding: '5' },
          { dueDate: '2026-01-31', outstanding: '6' },
        ],
        2,
        {
          not_due: '1.00',
          '0-30': '2.00',
          '31-60': '3.00',
          '61-90': '4.00',
          '91-120': '5.00',
          '120+': '6.00',
        },
      ],
      [
        'several items in one bucket add up',
        [
          { dueDate: '2026-05-20', outstanding: '10.10' },
          { dueDate: '2026-05-10', outstanding: '0.05' },
        ],
        2,
        { '0-30': '10.15' },
      ],
      [
        'a credit lowers its bucket',
        [
          { dueDate: '2026-05-20', outstanding: '100.00' },
          { dueDate: '2026-05-25', outstanding: '-30.00' },
        ],
        2,
        { '0-30': '70.00' },
      ],
      [
        'a currency without decimals',
        [{ dueDate: '2025-01-01', outstanding: '15000' }],
        0,
        { '120+': '15000' },
      ],
    ],
  )('%s', (_case, items, precision, expected) => {
    const zero = (0).toFixed(precision);
    expect(ageOpenItems(items, '2026-06-01', precision)).toEqual({
      not_due: zero,
      '0-30': zero,
      '31-60': zero,
      '61-90': zero,
      '91-120': zero,
      '120+': zero,
      ...expected,
    });
  });

  it('names the item whose amount is not a number', () => {
    const age = () =>
      ageOpenItems(
        [
          { dueDate: '2026-05-20', outstanding: '1' },
          { dueDate: '2026-05-20', outstanding: 'n/a' },
        ],
        '2026-06-01',
        2,
      );
    expect(age).toThrow(expect.objectContaining({ field: 'items.1.outstanding' }));
  });
});
