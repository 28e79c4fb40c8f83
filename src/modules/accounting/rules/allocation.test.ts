import { describe, expect, it } from 'vitest';
import { allocatePayment, type OpenInstalment } from './allocation.js';
import { RuleError } from './rule-error.js';

const open = (
  id: string,
  dueDate: string,
  outstanding: string,
  documentDate = '2026-01-01',
): OpenInstalment => ({
  id,
  dueDate,
  documentDate,
  outstanding,
});

describe('allocatePayment', () => {
  it('S-AGING-1: paying 40 on 30 / 50 / 20 leaves [30, 30, 0], [50, 10, 40], [20, 0, 20]', () => {
    const invoiced = [
      open('third', '2026-04-15', '20.00'),
      open('first', '2026-02-14', '30.00'),
      open('second', '2026-03-16', '50.00'),
    ];
    const { allocations, unallocated } = allocatePayment({
      amount: '40',
      instalments: invoiced,
      precision: 2,
    });
    // Each row as the scenario reads it: invoiced, paid, outstanding.
    const rows = ['first', 'second', 'third'].map((id) => {
      const invoicedAmount = invoiced.find((i) => i.id === id)!.outstanding;
      const allocation = allocations.find((a) => a.instalmentId === id);
      return [
        invoicedAmount,
        allocation?.allocated ?? '0.00',
        allocation?.outstandingAfter ?? invoicedAmount,
      ];
    });
    expect(rows).toEqual([
      ['30.00', '30.00', '0.00'],
      ['50.00', '10.00', '40.00'],
      ['20.00', '0.00', '20.00'],
    ]);
    expect(unallocated).toBe('0.00');
  });

  it.each<
    [string, string, number, OpenInstalment[], [id: string, allocated: string, after: string][], string]
  >([
    [
      'a payment larger than everything owed leaves an advance',
      '150',
      2,
      [open('a', '2026-02-01', '30'), open('b', '2026-03-01', '50')],
      [
        ['a', '30.00', '0.00'],
        ['b', '50.00', '0.00'],
      ],
      '70.00',
    ],
    [
      'exactly what is owed',
      '80.00',
      2,
      [open('a', '2026-02-01', '30'), open('b', '2026-03-01', '50')],
      [
        ['a', '30.00', '0.00'],
        ['b', '50.00', '0.00'],
      ],
      '0.00',
    ],
    ['nothing owed: the whole payment is an advance', '25.50', 2, [], [], '25.50'],
    [
      'the same due date: the older document first',
      '10',
      2,
      [open('new', '2026-03-01', '10', '2026-02-01'), open('old', '2026-03-01', '10', '2026-01-01')],
      [['old', '10.00', '0.00']],
      '0.00',
    ],
    [
      'the same due and document dates: by id',
      '15',
      2,
      [open('b', '2026-03-01', '10'), open('a', '2026-03-01', '10')],
      [
        ['a', '10.00', '0.00'],
        ['b', '5.00', '5.00'],
      ],
      '0.00',
    ],
    [
      'the due date comes before the document date',
      '10',
      2,
      [
        open('late-doc', '2026-02-01', '10', '2026-01-20'),
        open('early-doc', '2026-03-01', '10', '2026-01-01'),
      ],
      [['late-doc', '10.00', '0.00']],
      '0.00',
    ],
    [
      'paid instalments and credits take nothing',
      '5',
      2,
      [
        open('paid', '2026-01-01', '0.00'),
        open('credit', '2026-01-02', '-3.00'),
        open('owed', '2026-02-01', '8.00'),
      ],
      [['owed', '5.00', '3.00']],
      '0.00',
    ],
    [
      'a payment in a currency without decimals',
      '1500',
      0,
      [open('a', '2026-02-01', '1000'), open('b', '2026-03-01', '1000')],
      [
        ['a', '1000', '0'],
        ['b', '500', '500'],
      ],
      '0',
    ],
  ])('%s', (_case, amount, precision, instalments, expected, unallocated) => {
    const result = allocatePayment({ amount, instalments, precision });
    expect(result.allocations.map((a) => [a.instalmentId, a.allocated, a.outstandingAfter])).toEqual(
      expected,
    );
    expect(result.unallocated).toBe(unallocated);
  });

  it.each<[string, string, OpenInstalment[], string, RegExp]>([
    ['a zero payment', '0', [], 'amount', /^A payment to allocate must be more than zero, not 0\.$/],
    ['a negative payment', '-10.00', [], 'amount', /more than zero, not -10.00/],
    ['a payment that is not a number', '10 EUR', [], 'amount', /not "10 EUR"/],
    [
      'an outstanding amount that is not a number',
      '10',
      [open('a', '2026-01-01', '10'), open('b', '2026-01-01', 'ten')],
      'instalments.1.outstanding',
      /not "ten"/,
    ],
  ])('refuses %s', (_case, amount, instalments, field, message) => {
    const allocate = () => allocatePayment({ amount, instalments, precision: 2 });
    expect(allocate).toThrow(RuleError);
    expect(allocate).toThrow(message);
    expect(allocate).toThrow(expect.objectContaining({ field }));
  });
});
