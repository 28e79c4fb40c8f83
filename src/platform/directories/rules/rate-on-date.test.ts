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

const direct = (rate: string, validOn: string | null): RateInForce => ({ rate, validOn, inverted: false });
const inverted = (rate: string, validOn: string): RateInForce => ({ rate, validOn, inverted: true });

describe('rateOnDate', () => {
  it.each<[string, string, string, string, RateInForce | undefined]>([
    ['same currency needs no rate', 'EUR', 'EUR', '2026-03-01', direct('1', null)],
    ['the rate of the day itself', 'USD', 'EUR', '2026-03-05', direct('0.91', '2026-03-05')],
    ['the latest earlier day between two', 'USD', 'EUR', '2026-03-09', direct('0.91', '2026-03-05')],
    ['the latest rate long after it was set', 'USD', 'EUR', '2027-01-01', direct('0.93', '2026-03-10')],
    ['nothing before the first rate', 'USD', 'EUR', '2026-02-28', undefined],
    ['an unknown pair', 'USD', 'MNT', '2026-03-05', undefined],
    ['the reverse pair, to 10 places', 'BGN', 'EUR', '2026-06-30', inverted('0.5112918812', '2026-01-01')],
    ['a reciprocal that repeats', 'USD', 'JPY', '2026-03-01', inverted('0.3333333333', '2026-03-01')],
    // 1/2048 = 0.00048828125: a tie at the 11th place goes to the even digit, 2, not up to 3.
    ['a tie rounds to even', 'USD', 'GBP', '2026-03-01', inverted('0.0004882812', '2026-03-01')],
    ['the direct pair over a later reverse', 'CHF', 'USD', '2026-03-04', direct('1.1', '2026-03-01')],
    ['nothing in force either way yet', 'CHF', 'USD', '2026-02-01', undefined],
  ])('%s: %s→%s on %s', (_case, base, quote, on, expected) => {
    expect(rateOnDate(rows, base, quote, on)).toEqual(expected);
  });

  it('uses the reverse pair when the direct one is not yet in force', () => {
    const early: RateRow[] = [
      { baseCurrency: 'EUR', quoteCurrency: 'USD', validOn: '2026-05-01', rate: '1.1' },
      { baseCurrency: 'USD', quoteCurrency: 'EUR', validOn: '2026-04-01', rate: '0.8' },
    ];
    expect(rateOnDate(early, 'EUR', 'USD', '2026-04-15')).toEqual(inverted('1.25', '2026-04-01'));
  });
});
