import { describe, expect, it } from 'vitest';
import { checkJournalBalance, type JournalLine, reverseLines } from './journal-balance.js';

const dr = (debit: string): JournalLine => ({ debit, credit: '0' });
const cr = (credit: string): JournalLine => ({ debit: '0', credit });

describe('checkJournalBalance', () => {
  it.each<[string, JournalLine[], number, string, string]>([
    ['one debit, one credit', [dr('100.00'), cr('100.00')], 2, '100.00', '100.00'],
    [
      'S-FX-1: the exchange loss balances the bank against the receivable',
      // bank 75.90 + exchange loss 4.10 against receivable 80.00
      [dr('75.90'), dr('4.10'), cr('80.00')],
      2,
      '80.00',
      '80.00',
    ],
    ['amounts written with fewer places', [dr('10'), dr('0.5'), cr('10.50')], 2, '10.50', '10.50'],
    ['a currency without decimals', [dr('1500'), cr('1000'), cr('500')], 0, '1500', '1500'],
    ['a currency with three decimals', [dr('1.234'), cr('1.234')], 3, '1.234', '1.234'],
  ])('accepts %s', (_case, lines, precision, totalDebit, totalCredit) => {
    expect(checkJournalBalance(lines, precision)).toEqual({ errors: [], totalDebit, totalCredit });
  });

  it.each<[string, JournalLine[], [field: string, reason: RegExp][], string, string]>([
    [
      'debits that do not equal the credits',
      [dr('100.00'), cr('99.99')],
      [['lines', /^do not balance: debits add up to 100.00 and credits to 99.99, a difference of 0.01$/]],
      '100.00',
      '99.99',
    ],
    [
      'a line with both a debit and a credit',
      [dr('10'), { debit: '5', credit: '5' }, cr('10')],
      [['lines.1.credit', /has both a debit of 5 and a credit of 5; split it into two lines/]],
      '15.00',
      '15.00',
    ],
    [
      'a line with neither',
      [dr('10'), cr('10'), { debit: '0.00', credit: '0' }],
      [['lines.2.debit', /has neither a debit nor a credit/]],
      '10.00',
      '10.00',
    ],
    [
      'a negative debit',
      [dr('10'), dr('-10'), cr('0.01')],
      [['lines.1.debit', /is -10; put a negative debit as a credit/]],
      '10.00',
      '0.01',
    ],
    [
      'an amount that is not a number',
      [dr('10'), cr('ten')],
      [['lines.1.credit', /not "ten"/]],
      '10.00',
      '0.00',
    ],
    [
      'an amount finer than the currency, which would hide an imbalance',
      [dr('10.004'), cr('10.00')],
      [['lines.0.debit', /is 10.004, with more than 2 decimal places/]],
      '0.00',
      '10.00',
    ],
    [
      'a single line',
      [dr('0'), cr('0')].slice(0, 1),
      [
        ['lines.0.debit', /neither/],
        ['lines', /has 1 line\(s\)/],
      ],
      '0.00',
      '0.00',
    ],
    ['no lines', [], [['lines', /has 0 line\(s\); a journal entry needs at least two/]], '0.00', '0.00'],
  ])('refuses %s', (_case, lines, expected, totalDebit, totalCredit) => {
    const result = checkJournalBalance(lines, 2);
    expect(result.errors.map((e) => e.field)).toEqual(expected.map(([field]) => field));
    result.errors.forEach((error, i) => {
      expect(error.reason).toMatch(expected[i][1]);
    });
    expect([result.totalDebit, result.totalCredit]).toEqual([totalDebit, totalCredit]);
  });

  it('reports every problem of the lines at once, and the imbalance only when the amounts are valid', () => {
    const result = checkJournalBalance([{ debit: '1', credit: '1' }, dr('x'), cr('-2'), dr('3')], 2);
    expect(result.errors.map((e) => e.field)).toEqual(['lines.0.credit', 'lines.1.debit', 'lines.2.credit']);
    const fixed = checkJournalBalance([{ debit: '1', credit: '1' }, dr('2'), cr('2'), dr('3')], 2);
    expect(fixed.errors.map((e) => e.field)).toEqual(['lines.0.credit', 'lines']);
  });
});

describe('reverseLines', () => {
  it.each<[string, (JournalLine & { account: string })[], [string, string, string][]]>([
    [
      'S-FX-1: cancelling the payment reverses the exchange journal',
      [
        { account: 'exchange-loss', debit: '4.10', credit: '0.00' },
        { account: 'receivable', debit: '0.00', credit: '4.10' },
      ],
      [
        ['exchange-loss', '0.00', '4.10'],
        ['receivable', '4.10', '0.00'],
      ],
    ],
    ['no lines', [], []],
  ])('%s', (_case, lines, expected) => {
    const reversed = reverseLines(lines);
    expect(reversed.map((l) => [l.account, l.debit, l.credit])).toEqual(expected);
    expect(checkJournalBalance(reverseLines(reversed), 2)).toEqual(checkJournalBalance(lines, 2));
  });

  it('leaves the original lines as they were', () => {
    const lines = [dr('1'), cr('1')];
    reverseLines(lines);
    expect(lines).toEqual([dr('1'), cr('1')]);
  });
});
