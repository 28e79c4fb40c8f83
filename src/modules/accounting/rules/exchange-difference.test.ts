import { describe, expect, it } from 'vitest';
import { type ExchangeDifferenceInput, exchangeDifference } from './exchange-difference.js';
import { RuleError } from './rule-error.js';

type Case = [
  string,
  Omit<ExchangeDifferenceInput, 'companyPrecision'>,
  number,
  [string, string, string, string],
];

describe('exchangeDifference', () => {
  it.each<Case>([
    [
      'S-FX-1: 1 USD receivable invoiced at 80, paid at 75.9: loss of 4.10 INR',
      { allocatedAmount: '1', invoiceRate: '80', paymentRate: '75.9', side: 'receivable' },
      2,
      ['loss', '4.10', '80.00', '75.90'],
    ],
    [
      'a receivable paid at a higher rate: gain',
      { allocatedAmount: '100', invoiceRate: '1.08', paymentRate: '1.1', side: 'receivable' },
      2,
      ['gain', '2.00', '108.00', '110.00'],
    ],
    [
      'a payable paid at a lower rate: gain',
      { allocatedAmount: '1', invoiceRate: '80', paymentRate: '75.9', side: 'payable' },
      2,
      ['gain', '4.10', '80.00', '75.90'],
    ],
    [
      'a payable paid at a higher rate: loss',
      { allocatedAmount: '250.00', invoiceRate: '0.9', paymentRate: '0.92', side: 'payable' },
      2,
      ['loss', '5.00', '225.00', '230.00'],
    ],
    [
      'a partial allocation: only the allocated part differs',
      { allocatedAmount: '40.00', invoiceRate: '80', paymentRate: '75.9', side: 'receivable' },
      2,
      ['loss', '164.00', '3200.00', '3036.00'],
    ],
    [
      'each side is rounded as it is booked',
      // 33.33 × 1.23456 = 41.1478848 → 41.15; × 1.23461 = 41.1495513 → 41.15
      { allocatedAmount: '33.33', invoiceRate: '1.23456', paymentRate: '1.23461', side: 'receivable' },
      2,
      ['none', '0.00', '41.15', '41.15'],
    ],
    [
      'a rate difference too small to show in one unit still shows in many',
      { allocatedAmount: '3333.33', invoiceRate: '1.23456', paymentRate: '1.23461', side: 'receivable' },
      2,
      // 4115.1958848 → 4115.20 against 4115.3625513 → 4115.36
      ['gain', '0.16', '4115.20', '4115.36'],
    ],
    [
      'the same rate: no difference',
      { allocatedAmount: '1', invoiceRate: '80', paymentRate: '80.000', side: 'payable' },
      2,
      ['none', '0.00', '80.00', '80.00'],
    ],
    [
      'a company currency without decimals (JPY)',
      { allocatedAmount: '10.50', invoiceRate: '151.37', paymentRate: '149.8', side: 'receivable' },
      0,
      // 1589.385 → 1589; 1572.9 → 1573
      ['loss', '16', '1589', '1573'],
    ],
    [
      'a company currency with three decimals (KWD)',
      { allocatedAmount: '100', invoiceRate: '0.30712', paymentRate: '0.3075', side: 'payable' },
      3,
      // 30.712 against 30.750
      ['loss', '0.038', '30.712', '30.750'],
    ],
  ])('%s', (_case, input, companyPrecision, [kind, amount, atInvoiceRate, atPaymentRate]) => {
    expect(exchangeDifference({ ...input, companyPrecision })).toEqual({
      kind,
      amountInCompanyCurrency: amount,
      atInvoiceRate,
      atPaymentRate,
    });
  });

  it.each<[string, Partial<ExchangeDifferenceInput>, string, RegExp]>([
    ['a zero allocation', { allocatedAmount: '0' }, 'allocatedAmount', /more than zero .*, not 0\./],
    ['a negative allocation', { allocatedAmount: '-1' }, 'allocatedAmount', /not -1/],
    [
      'a zero invoice rate',
      { invoiceRate: '0' },
      'invoiceRate',
      /An exchange rate must be more than zero, not 0/,
    ],
    ['a negative payment rate', { paymentRate: '-75.9' }, 'paymentRate', /not -75.9/],
    ['a rate that is not a number', { paymentRate: '75,9' }, 'paymentRate', /not "75,9"/],
  ])('refuses %s', (_case, change, field, message) => {
    const compute = () =>
      exchangeDifference({
        allocatedAmount: '1',
        invoiceRate: '80',
        paymentRate: '75.9',
        side: 'receivable',
        companyPrecision: 2,
        ...change,
      });
    expect(compute).toThrow(RuleError);
    expect(compute).toThrow(message);
    expect(compute).toThrow(expect.objectContaining({ field }));
  });
});
