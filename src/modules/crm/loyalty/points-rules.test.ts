import { describe, expect, it } from 'vitest';
import { accrualPoints, addDays, expiringPoints, redeemablePoints } from './points-rules.js';

const program = {
  accrualPercent: '5',
  categoryPercents: { coffee: '10' },
  maxRedeemPercent: '50',
  pointValue: '0.5',
};

describe('accrual', () => {
  it.each([
    [[{ amount: '100.00' }], '5.00'],
    [[{ amount: '100.00', category: 'coffee' }, { amount: '40.00' }], '12.00'],
    [[{ amount: '0.19' }], '0.00'],
    [[{ amount: '33.33' }, { amount: '33.33' }, { amount: '33.34' }], '5.00'],
    [[{ amount: '19.99', category: 'tea' }], '0.99'],
  ])('%j earns %s', (lines, points) => {
    expect(accrualPoints(lines, program)).toBe(points);
  });
});

describe('redemption limit', () => {
  it.each([
    ['100.00', '500', '100.00'],
    ['100.00', '30', '30.00'],
    ['9.99', '500', '9.99'],
  ])('purchase %s with balance %s may use %s points', (purchase, balance, points) => {
    expect(redeemablePoints(purchase, balance, program)).toBe(points);
  });
});

describe('expiry, oldest points first', () => {
  const ledger = [
    { kind: 'accrual', points: '100', expiresOn: '2026-01-31' },
    { kind: 'accrual', points: '50', expiresOn: '2026-02-28' },
    { kind: 'redemption', points: '-30', expiresOn: null },
  ];
  it.each([
    ['2026-01-30', '0.00'],
    ['2026-01-31', '70.00'],
    ['2026-02-28', '120.00'],
  ])('on %s lapses %s', (day, points) => {
    expect(expiringPoints(ledger, day)).toBe(points);
  });

  it('counts earlier lapses as used', () => {
    expect(
      expiringPoints([...ledger, { kind: 'expiry', points: '-70', expiresOn: null }], '2026-02-28'),
    ).toBe('50.00');
  });

  it('adds days across months', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
  });
});
