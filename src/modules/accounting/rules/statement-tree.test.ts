import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { statementTree, type TreeAccount } from './statement-tree.js';

const account = (id: string, parentId: string | null, isGroup = false): TreeAccount => ({
  id,
  code: id,
  name: `Account ${id}`,
  type: 'expense',
  isGroup,
  parentId,
});
const CHART = [
  account('5', null, true),
  account('50', '5', true),
  account('5000', '50'),
  account('5010', '50'),
  account('6000', '5'),
  account('7', null, true),
  account('7000', '7'),
];
const amounts = (entries: [string, string[]][]) =>
  new Map(entries.map(([id, values]) => [id, values.map((v) => new Decimal(v))]));
const shown = (result: ReturnType<typeof statementTree>) => ({
  rows: result.rows.map((r) => [r.code, r.level, ...r.amounts.map((a) => a.toFixed(2))]),
  total: result.total.map((a) => a.toFixed(2)),
});

describe('statementTree', () => {
  it.each<[string, [string, string[]][], ReturnType<typeof shown>]>([
    [
      'groups sum their accounts, parents first, siblings by code',
      [
        ['6000', ['10.00']],
        ['5010', ['0.10']],
        ['5000', ['100.05']],
      ],
      {
        rows: [
          ['5', 0, '110.15'],
          ['50', 1, '100.15'],
          ['5000', 2, '100.05'],
          ['5010', 2, '0.10'],
          ['6000', 1, '10.00'],
        ],
        total: ['110.15'],
      },
    ],
    ['leaves out accounts that are zero in every column', [['5000', ['0']]], { rows: [], total: ['0.00'] }],
    [
      'keeps a group whose accounts cancel out',
      [
        ['5000', ['5.00']],
        ['5010', ['-5.00']],
      ],
      {
        rows: [
          ['5', 0, '0.00'],
          ['50', 1, '0.00'],
          ['5000', 2, '5.00'],
          ['5010', 2, '-5.00'],
        ],
        total: ['0.00'],
      },
    ],
    [
      'the total adds the top groups of separate trees',
      [
        ['7000', ['1.00']],
        ['6000', ['2.00']],
      ],
      {
        rows: [
          ['5', 0, '2.00'],
          ['6000', 1, '2.00'],
          ['7', 0, '1.00'],
          ['7000', 1, '1.00'],
        ],
        total: ['3.00'],
      },
    ],
    ['ignores an amount of an account not in the chart', [['9999', ['1.00']]], { rows: [], total: ['0.00'] }],
  ])('%s', (_case, given, expected) => {
    expect(shown(statementTree(CHART, amounts(given), 1))).toEqual(expected);
  });

  it('sums every column on its own', () => {
    const result = statementTree(
      CHART,
      amounts([
        ['5000', ['1.00', '0', '3.00']],
        ['6000', ['0', '2.00', '4.00']],
      ]),
      3,
    );
    expect(shown(result).rows[0]).toEqual(['5', 0, '1.00', '2.00', '7.00']);
    expect(shown(result).total).toEqual(['1.00', '2.00', '7.00']);
  });

  it('stops on a chart whose parents loop', () => {
    const looped = [account('a', 'b', true), account('b', 'a', true), account('c', 'a')];
    expect(() => statementTree(looped, amounts([['c', ['1']]]), 1)).not.toThrow();
  });
});
