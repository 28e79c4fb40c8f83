import { describe, expect, it } from 'vitest';
import {
  buildMatchIndex,
  type MatchCandidate,
  type MatchLine,
  nameSimilarity,
  suggestMatches,
} from './bank-match.js';

const item = (
  openItemId: string,
  documentNumber: string | null,
  outstanding: string,
  counterparty: [id: string, name: string, ibans?: string[]],
  dueDate = '2026-03-01',
): MatchCandidate => ({
  openItemId,
  counterpartyId: counterparty[0],
  counterpartyName: counterparty[1],
  counterpartyIbans: counterparty[2] ?? [],
  documentNumber,
  dueDate,
  outstanding,
});

const beta = ['beta', 'Beta Trade OOD', ['BG80 BNBG 9661 1020 3456 78']] as [string, string, string[]];
const gamma = ['gamma', 'Gamma Foods GmbH'] as [string, string];

const items = [
  item('inv1', 'INV-2026-0001', '1200.00', beta, '2026-02-14'),
  item('inv15', 'INV-2026-00015', '300.00', gamma),
  item('inv2', 'INV-2026-0002', '300.00', gamma, '2026-02-20'),
  item('inv3', 'INV-2026-0003', '99.90', beta, '2026-04-01'),
];
const index = buildMatchIndex(items);

const line = (
  amount: string,
  reference: string | null,
  name: string | null = null,
  iban: string | null = null,
): MatchLine => ({
  amount,
  reference,
  counterpartyName: name,
  counterpartyIban: iban,
});

describe('suggestMatches', () => {
  it.each<[string, MatchLine, [id: string, score: number, reasons: string[], amount: string][]]>([
    [
      'the invoice number, IBAN, amount and name: everything agrees, capped at 100',
      line('1200.00', 'Payment INV-2026-0001', 'BETA TRADE', 'BG80BNBG96611020345678'),
      [
        ['inv1', 100, ['document_number', 'iban', 'exact_amount', 'name'], '1200'],
        ['inv3', 40, ['iban', 'name'], '99.9'],
      ],
    ],
    [
      'the number written without dashes is found; a longer number is not mistaken for it',
      line('50', 'inv 2026 0001 part', null),
      [['inv1', 60, ['document_number'], '50']],
    ],
    [
      'INV-2026-0001 is not in INV-2026-00015',
      line('300', 'INV-2026-00015', null),
      [
        ['inv15', 80, ['document_number', 'exact_amount'], '300'],
        ['inv2', 20, ['exact_amount'], '300'],
      ],
    ],
    [
      'the same amount twice: the one due first comes first',
      line('300.00', null, null),
      [
        ['inv2', 20, ['exact_amount'], '300'],
        ['inv15', 20, ['exact_amount'], '300'],
      ],
    ],
    [
      'the IBAN alone brings every item of the counterparty, oldest due first',
      line('10', 'thanks', null, 'bg80 bnbg 9661 1020 3456 78'),
      [
        ['inv1', 25, ['iban'], '10'],
        ['inv3', 25, ['iban'], '10'],
      ],
    ],
    [
      'a name alike scores by the share of its words; legal forms do not count',
      line('5', null, 'Gamma Foods'),
      [
        ['inv2', 15, ['name'], '5'],
        ['inv15', 15, ['name'], '5'],
      ],
    ],
    ['nothing alike: no suggestion', line('12.34', 'Bank fees', 'Bank'), []],
  ])('%s', (_, bankLine, expected) => {
    const got = suggestMatches(index, bankLine).map((s) => [s.openItemId, s.score, s.reasons, s.amount]);
    expect(got).toEqual(expected);
  });

  it('keeps the best few', () => {
    expect(suggestMatches(index, line('300', null), 1)).toHaveLength(1);
  });
});

describe('nameSimilarity', () => {
  it.each<[string, string, number]>([
    ['Beta Trade OOD', 'BETA TRADE', 1],
    ['Бета Трейд ООД', 'бета трейд', 1],
    ['Gamma Foods GmbH', 'Gamma Logistics GmbH', 0.5],
    ['Ltd', 'Ltd', 0],
  ])('%s ~ %s = %s', (a, b, expected) => {
    expect(nameSimilarity(a, b)).toBe(expected);
  });
});
