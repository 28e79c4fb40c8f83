import { describe, expect, it } from 'vitest';
import { pipelineTotals, type StageCurrencySum } from './pipeline-totals.js';

const rates = { EUR: '1', USD: '0.92', BGN: '0.5112918812', JPY: '0.0061' };
const sum = (currency: string, amount: string | null, dealCount = 1): StageCurrencySum => ({
  stageId: 's1',
  currency,
  amount,
  dealCount,
});

describe('pipelineTotals of one stage', () => {
  it.each<
    [string, string, StageCurrencySum[], number, Partial<ReturnType<typeof pipelineTotals>['stages'][0]>]
  >([
    ['an empty stage', '50', [], 2, { dealCount: 0, total: '0.00', weightedTotal: '0.00' }],
    [
      'the target currency itself, weighted tie to even',
      '25',
      [sum('EUR', '1500.5000', 2)],
      2,
      // 1500.50 × 25% = 375.125: the tie goes to the even 2.
      { dealCount: 2, total: '1500.50', weightedTotal: '375.12' },
    ],
    [
      'a converted amount rounded to the target places',
      '100',
      [sum('USD', '1234.5678')],
      2,
      // 1234.5678 × 0.92 = 1135.802376
      { total: '1135.80', weightedTotal: '1135.80' },
    ],
    [
      'three currencies converted exactly, rounded once',
      '10',
      [sum('EUR', '100'), sum('USD', '100'), sum('BGN', '195.583')],
      2,
      // 100 + 92 + 99.99999996... = 291.99999996... → 292.00; × 10% = 29.199999... → 29.20
      { dealCount: 3, total: '292.00', weightedTotal: '29.20' },
    ],
    [
      'rounding once, not per currency',
      '100',
      [sum('EUR', '0.0050'), sum('USD', '0.0054')],
      2,
      // 0.005 + 0.004968 = 0.009968 → 0.01 (per currency it would be 0.00 + 0.00)
      { total: '0.01' },
    ],
    ['a tie at the target places goes to even', '100', [sum('EUR', '2.3450')], 2, { total: '2.34' }],
    ['the other tie goes up to even', '100', [sum('EUR', '2.3550')], 2, { total: '2.36' }],
    [
      'a currency without decimals',
      '50',
      [sum('EUR', '1234.5000')],
      0,
      // 1234.5 → 1234 (even); 617.25 → 617
      { total: '1234', weightedTotal: '617' },
    ],
    [
      'a probability with decimals',
      '33.33',
      [sum('EUR', '1000')],
      2,
      { total: '1000.00', weightedTotal: '333.30' },
    ],
    [
      'deals without an amount are counted, add nothing',
      '50',
      [sum('EUR', null, 3), sum('USD', '10', 1)],
      2,
      { dealCount: 4, total: '9.20', weightedTotal: '4.60' },
    ],
    [
      'a currency without a rate is counted but left out of the totals',
      '50',
      [sum('EUR', '100', 2), sum('MNT', '340000', 3)],
      2,
      { dealCount: 5, unconvertedCount: 3, total: '100.00', weightedTotal: '50.00' },
    ],
    ['a lost stage weighs nothing', '0', [sum('USD', '1000')], 2, { total: '920.00', weightedTotal: '0.00' }],
  ])('%s', (_case, probability, sums, targetPrecision, expected) => {
    const totals = pipelineTotals({ stages: [{ id: 's1', probability }], sums, rates, targetPrecision });
    expect(totals.stages[0]).toMatchObject({ stageId: 's1', unconvertedCount: 0, ...expected });
  });
});

describe('pipelineTotals of a pipeline', () => {
  it('keeps board order and adds up the rounded stage totals', () => {
    const totals = pipelineTotals({
      stages: [
        { id: 'new', probability: '10' },
        { id: 'proposal', probability: '50' },
        { id: 'won', probability: '100' },
      ],
      sums: [
        { stageId: 'won', currency: 'EUR', dealCount: 1, amount: '0.0050' },
        { stageId: 'new', currency: 'EUR', dealCount: 1, amount: '0.0050' },
        { stageId: 'proposal', currency: 'USD', dealCount: 2, amount: '1000.0000' },
        { stageId: 'proposal', currency: 'MNT', dealCount: 1, amount: '5000.0000' },
        { stageId: 'new', currency: 'XAU', dealCount: 1, amount: '1.0000' },
      ],
      rates,
      targetPrecision: 2,
    });
    expect(totals.stages.map((s) => [s.stageId, s.dealCount, s.total, s.weightedTotal])).toEqual([
      // 0.005 → 0.00 (tie to even); 0.0005 → 0.00
      ['new', 2, '0.00', '0.00'],
      ['proposal', 3, '920.00', '460.00'],
      // 0.005 → 0.00, so the pipeline total is 920.00, not 920.01 from the exact 920.01
      ['won', 1, '0.00', '0.00'],
    ]);
    expect(totals).toMatchObject({
      dealCount: 6,
      total: '920.00',
      weightedTotal: '460.00',
      unconvertedCurrencies: ['MNT', 'XAU'],
    });
  });
});
