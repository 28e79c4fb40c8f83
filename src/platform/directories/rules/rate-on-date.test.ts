import { describe, expect, it } from 'vitest';
import { type RateInForce, type RateRow, rateOnDate } from './rate-on-date.js';

const rows: RateRow[] = [
  { baseCurrency: 'EUR', quoteCurrency: 'BGN', validOn: '2026-01-01', rate: '1.9558300000' },
  { baseCurrency: 'USD', quoteCurrency: 'EUR', validOn: '2026-03-01', rate: '0.9200000000' },
  { baseCurrency: 'USD', quoteCurrency: 'EUR', validOn: '2026-03-05', rate: '0.9100000000' },
  { baseCurrency: 'USD', quoteCurrency: 'EUR', validOn: '2026-03-10', rate: '0.9300000000' },
  { baseCurrency: 'JPY', quoteCurrency: 'USD', validOn: '2026-03-01', rate: '3' },
  { baseCurrency: 'GBP', quoteCurrency: 'USD', validOn: '2026-03-01', rate: '2048' },
  { baseCurrency: 'CHF', quoteCurrency: 'USD', validOn: '2026-03-01', rate: '1.1' },
  { baseCurrency: 'USD', quoteCurrency: 'CHF', validOn: '2026-03-04', rate: '0.8' },
];

describe('rateOnDate', () => {
  it.each<[string, string, string, string, RateInForce | undefined]>([
    ['same currency needs no rate', 'EUR', 'EUR', '2026-03-01', { rate: '1', validOn: null, inverted: false }],
    ['the rate of the day itself', 'USD', 'EUR', '2026-03-05', { rate: '0.91', validOn: '2026-03-05', inverted: false }],
    ['the latest earlier day between two rates', 'USD', 'EUR', '2026-03-09', { rate: '0.91', validOn: '2026-03-05', inverted: false }],
    ['the latest rate long after it was set', 'USD', 'EUR', '2027-01-01', { rate: '0.93', validOn: '2026-03-10', inverted: false }],
    ['nothing before the first rate', 'USD', 'EUR', '2026-02-28', undefined],
    ['an unknown pair', 'USD', 'MNT', '2026-03-05', undefined],
    ['the reverse pair, inverted to 10 places', 'BGN', 'EUR', '2026-06-30', { rate: '0.5112918812', validOn: '2026-01-01', inverted: true }],
    ['a reciprocal that repeats', 'USD', 'JPY', '2026-03-01', { rate: '0.3333333333', validOn: '2026-03-01', inverted: true }],
    ['a tie at the 11th place goes to the even digit', 'USD', 'GBP', '2026-03-01', { rate: '0.0004882812', validOn: '2026-03-01', inverted: true }],
    ['the direct pair wins over a later reverse rate', 'CHF', 'USD', '2026-03-04', { rate: '1.1', validOn: '2026-03-01', inverted: false }],
    ['nothing in force either way yet', 'CHF', 'USD', '2026-02-01', undefined],
  ])('%s: %s→%s on %s', (_case, base, quote, on, expected) => {
    expect(rateOnDate(rows, base, quote, on)).toEqual(expected);
  });

  it('uses the reverse pair when the direct one is not yet in force', () => {
    const early: RateRow[] = [
      { baseCurrency: 'EUR', quoteCurrency: 'USD', validOn: '2026-05-01', rate: '1.1' },
      { baseCurrency: 'USD', quoteCurrency: 'EUR', validOn: '2026-04-01', rate: '0.8' },
    ];
    expect(rateOnDate(early, 'EUR', 'USD', '2026-04-15')).toEqual({
      rate: '1.25',
      validOn: '2026-04-01',
      inverted: true,
    });
  });
});
