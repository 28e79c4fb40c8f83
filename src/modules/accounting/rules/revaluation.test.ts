import { describe, expect, it } from 'vitest';
import { type ItemToRevalue, revalueOpenItems } from './revaluation.js';
import { RuleError } from './rule-error.js';

const item = (over: Partial<ItemToRevalue>): ItemToRevalue => ({
  id: 'i1',
  side: 'receivable',
  accountId: 'AR',
  counterpartyId: 'c1',
  currency: 'USD',
  outstanding: '100.00',
  outstandingInCompanyCurrency: '90.00',
  ...over,
});

const RATES = { USD: '0.95', GBP: '1.17' };

/** name, item, difference, control line, revalued, [gain, loss]. */
type Case = [string, ItemToRevalue, string, string, string, [string, string]];

describe('revalueOpenItems: one item', () => {
  it.each<Case>([
    [
      'a receivable worth more: gain, a debit on the receivable',
      item({}),
      '5.00',
      '5.00',
      '95.00',
      ['5.00', '0.00'],
    ],
    [
      'a receivable worth less: loss, a credit on the receivable',
      item({ currency: 'GBP', outstandingInCompanyCurrency: '120.00' }),
      '-3.00',
      '-3.00',
      '117.00',
      ['0.00', '3.00'],
    ],
    [
      'a payable worth more: we owe more, a credit on the payable',
      item({ side: 'payable', accountId: 'AP' }),
      '5.00',
      '-5.00',
      '95.00',
      ['0.00', '5.00'],
    ],
    [
      'a customer advance (negative) worth more: the credit grows, a credit on the receivable',
      item({ outstanding: '-100.00', outstandingInCompanyCurrency: '-90.00' }),
      '-5.00',
      '-5.00',
      '-95.00',
      ['0.00', '5.00'],
    ],
    [
      'rounded half away from zero to the company currency',
      // 33.33 × 0.95 = 31.6635 → 31.66
      item({ outstanding: '33.33', outstandingInCompanyCurrency: '30.00' }),
      '1.66',
      '1.66',
      '31.66',
      ['1.66', '0.00'],
    ],
  ])('%s', (_name, input, difference, line, revalued, gainAndLoss) => {
    const result = revalueOpenItems({ items: [input], rates: RATES, companyPrecision: 2 });
    expect(result.items[0].difference).toBe(difference);
    expect(result.items[0].revaluedInCompanyCurrency).toBe(revalued);
    expect(result.lines).toEqual([{ accountId: input.accountId, counterpartyId: 'c1', amount: line }]);
    expect([result.gain, result.loss]).toEqual(gainAndLoss);
  });
});

describe('revalueOpenItems: many items', () => {
  const items = [
    item({ id: 'a', counterpartyId: 'c1' }), // +5.00
    item({ id: 'b', counterpartyId: 'c1', outstanding: '50.00', outstandingInCompanyCurrency: '50.00' }), // -2.50
    item({ id: 'c', counterpartyId: 'c2', currency: 'GBP', outstandingInCompanyCurrency: '120.00' }), // -3.00
    item({ id: 'd', side: 'payable', accountId: 'AP', counterpartyId: 'c3' }), // +5.00 → credit 5.00
    item({ id: 'e', counterpartyId: 'c4', outstanding: '10.00', outstandingInCompanyCurrency: '9.50' }), // 0
  ];
  const result = revalueOpenItems({ items, rates: RATES, companyPrecision: 2 });

  it('nets a counterparty’s items on an account into one line and leaves zero lines out', () => {
    expect(result.lines).toEqual([
      { accountId: 'AR', counterpartyId: 'c1', amount: '2.50' },
      { accountId: 'AR', counterpartyId: 'c2', amount: '-3.00' },
      { accountId: 'AP', counterpartyId: 'c3', amount: '-5.00' },
    ]);
  });

  it('balances: control debits minus credits equal gain minus loss', () => {
    expect([result.gain, result.loss]).toEqual(['2.50', '8.00']);
  });

  it('totals per side, account and currency', () => {
    expect(result.totals).toEqual([
      {
        side: 'receivable',
        accountId: 'AR',
        currency: 'USD',
        outstanding: '160.00',
        outstandingInCompanyCurrency: '149.50',
        revaluedInCompanyCurrency: '152.00',
        difference: '2.50',
      },
      {
        side: 'receivable',
        accountId: 'AR',
        currency: 'GBP',
        outstanding: '100.00',
        outstandingInCompanyCurrency: '120.00',
        revaluedInCompanyCurrency: '117.00',
        difference: '-3.00',
      },
      {
        side: 'payable',
        accountId: 'AP',
        currency: 'USD',
        outstanding: '100.00',
        outstandingInCompanyCurrency: '90.00',
        revaluedInCompanyCurrency: '95.00',
        difference: '5.00',
      },
    ]);
  });
});

describe('revalueOpenItems: refusals', () => {
  it.each([
    ['a currency with no rate names the currency', { JPY: '0.006' }, 'currency', /no USD exchange rate/],
    ['a rate of zero', { USD: '0' }, 'currency', /more than zero/],
    ['a rate that is not a number', { USD: 'abc' }, 'rates.USD', /decimal number/],
  ])('%s', (_name, rates, field, message) => {
    const run = () => revalueOpenItems({ items: [item({})], rates, companyPrecision: 2 });
    expect(run).toThrow(RuleError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as RuleError).field).toBe(field);
    }
  });

  it('nothing to revalue: no lines, no gain, no loss', () => {
    expect(revalueOpenItems({ items: [], rates: {}, companyPrecision: 2 })).toEqual({
      items: [],
      totals: [],
      lines: [],
      gain: '0.00',
      loss: '0.00',
    });
  });
});
