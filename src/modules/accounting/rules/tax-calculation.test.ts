import { describe, expect, it } from 'vitest';
import { RuleError } from './rule-error.js';
import { calculateTaxes, type Tax, type TaxableLine, type TaxRounding } from './tax-calculation.js';

const tax = (id: string, ratePercent: string, kind: Tax['kind'] = 'on_net', compound = false): Tax => ({
  id,
  ratePercent,
  kind,
  compound,
});
const line = (
  quantity: string,
  unitPrice: string,
  taxIds: string[],
  discountPercent?: string,
): TaxableLine => ({
  quantity,
  unitPrice,
  taxIds,
  ...(discountPercent === undefined ? {} : { discountPercent }),
});

const vat21 = tax('vat21', '21');
const vat21Included = tax('vat21', '21', 'included');
const threeLinesOf5x636 = [
  line('5', '6.36', ['vat21']),
  line('5', '6.36', ['vat21']),
  line('5', '6.36', ['vat21']),
];

interface Expected {
  net: string;
  tax: string;
  gross: string;
  taxTotals: Record<string, string>;
  lines?: [net: string, taxes: string[], gross: string][];
}

describe('calculateTaxes', () => {
  it.each<[string, Tax[], TaxableLine[], number, TaxRounding, Expected]>([
    [
      'S-TAX-1: 1 x 50 with 9% on net: tax 4.50, total 54.50',
      [tax('t9', '9')],
      [line('1', '50', ['t9'])],
      2,
      'per_line',
      { net: '50.00', tax: '4.50', gross: '54.50', taxTotals: { t9: '4.50' } },
    ],
    [
      'S-TAX-2: 21% VAT on three lines of 5 x 6.36 rounded per line: VAT 20.04, total 115.44',
      [vat21],
      threeLinesOf5x636,
      2,
      'per_line',
      // 31.80 × 21 % = 6.678 → 6.68 on each line
      {
        net: '95.40',
        tax: '20.04',
        gross: '115.44',
        taxTotals: { vat21: '20.04' },
        lines: [
          ['31.80', ['6.68'], '38.48'],
          ['31.80', ['6.68'], '38.48'],
          ['31.80', ['6.68'], '38.48'],
        ],
      },
    ],
    [
      'S-TAX-2: 21% VAT on three lines of 5 x 6.36 rounded on the total: VAT 20.03, total 115.43',
      [vat21],
      threeLinesOf5x636,
      2,
      'total',
      // 3 × 6.678 = 20.034 → 20.03; the lines still show 6.68 each
      {
        net: '95.40',
        tax: '20.03',
        gross: '115.43',
        taxTotals: { vat21: '20.03' },
        lines: [
          ['31.80', ['6.68'], '38.48'],
          ['31.80', ['6.68'], '38.48'],
          ['31.80', ['6.68'], '38.48'],
        ],
      },
    ],
    [
      'a price that includes 21% VAT exactly',
      [vat21Included],
      [line('1', '121', ['vat21'])],
      2,
      'per_line',
      { net: '100.00', tax: '21.00', gross: '121.00', taxTotals: { vat21: '21.00' } },
    ],
    [
      'an included tax that does not divide evenly: net plus tax is still the price',
      [vat21Included],
      [line('1', '10', ['vat21'])],
      2,
      'per_line',
      // 10 / 1.21 = 8.2644..., tax 1.7355... → 1.74, net 10.00 − 1.74
      {
        net: '8.26',
        tax: '1.74',
        gross: '10.00',
        taxTotals: { vat21: '1.74' },
        lines: [['8.26', ['1.74'], '10.00']],
      },
    ],
    [
      'included taxes per line: three prices of 10.00',
      [vat21Included],
      [line('1', '10', ['vat21']), line('1', '10', ['vat21']), line('1', '10', ['vat21'])],
      2,
      'per_line',
      { net: '24.78', tax: '5.22', gross: '30.00', taxTotals: { vat21: '5.22' } },
    ],
    [
      'included taxes on the total: three prices of 10.00, the customer still pays 30.00',
      [vat21Included],
      [line('1', '10', ['vat21']), line('1', '10', ['vat21']), line('1', '10', ['vat21'])],
      2,
      'total',
      // 3 × 1.73553... = 5.2066... → 5.21
      { net: '24.79', tax: '5.21', gross: '30.00', taxTotals: { vat21: '5.21' } },
    ],
    [
      'a compound tax on the net plus the tax before it (GST 5%, QST 9.975%)',
      [tax('gst', '5'), tax('qst', '9.975', 'on_net', true)],
      [line('1', '100', ['gst', 'qst'])],
      2,
      'per_line',
      // QST: 105.00 × 9.975 % = 10.47375 → 10.47
      { net: '100.00', tax: '15.47', gross: '115.47', taxTotals: { gst: '5.00', qst: '10.47' } },
    ],
    [
      'a compound tax follows the document order, not the order of the line',
      [tax('gst', '5'), tax('qst', '9.975', 'on_net', true)],
      [line('1', '100', ['qst', 'gst'])],
      2,
      'per_line',
      { net: '100.00', tax: '15.47', gross: '115.47', taxTotals: { gst: '5.00', qst: '10.47' } },
    ],
    [
      'a compound tax first in the list is a simple tax',
      [tax('qst', '9.975', 'on_net', true), tax('gst', '5')],
      [line('1', '100', ['gst', 'qst'])],
      2,
      'per_line',
      { net: '100.00', tax: '14.98', gross: '114.98', taxTotals: { qst: '9.98', gst: '5.00' } },
    ],
    [
      'two included taxes, one compound: the price holds both',
      [tax('a', '5', 'included'), tax('b', '10', 'included', true)],
      [line('1', '115.50', ['a', 'b'])],
      2,
      'per_line',
      // net × (1 + 0.05 + 0.10 × 1.05) = 115.50 → net 100
      { net: '100.00', tax: '15.50', gross: '115.50', taxTotals: { a: '5.00', b: '10.50' } },
    ],
    [
      'an included tax and a tax on top of the net on one line',
      [vat21Included, tax('eco', '1')],
      [line('1', '121', ['vat21', 'eco'])],
      2,
      'per_line',
      { net: '100.00', tax: '22.00', gross: '122.00', taxTotals: { vat21: '21.00', eco: '1.00' } },
    ],
    [
      'a zero rate',
      [tax('zero', '0')],
      [line('3', '19.99', ['zero'])],
      2,
      'per_line',
      { net: '59.97', tax: '0.00', gross: '59.97', taxTotals: { zero: '0.00' } },
    ],
    [
      'a line without taxes',
      [vat21],
      [line('2', '7.50', [])],
      2,
      'per_line',
      { net: '15.00', tax: '0.00', gross: '15.00', taxTotals: {} },
    ],
    [
      'several taxes over lines with different taxes',
      [tax('vat', '20'), tax('excise', '7.5'), tax('unused', '3')],
      [line('1', '100', ['vat', 'excise']), line('2', '12.34', ['vat'])],
      2,
      'per_line',
      // vat: 20.00 + 4.936 → 4.94; excise 7.50
      {
        net: '124.68',
        tax: '32.44',
        gross: '157.12',
        taxTotals: { vat: '24.94', excise: '7.50' },
        lines: [
          ['100.00', ['20.00', '7.50'], '127.50'],
          ['24.68', ['4.94'], '29.62'],
        ],
      },
    ],
    [
      'a discount comes off before the tax',
      [vat21],
      [line('2', '12.50', ['vat21'], '10')],
      2,
      'per_line',
      // 25.00 less 10 % = 22.50; × 21 % = 4.725 → 4.73
      { net: '22.50', tax: '4.73', gross: '27.23', taxTotals: { vat21: '4.73' } },
    ],
    [
      'a credit note: negative quantities give negative taxes',
      [tax('t9', '9')],
      [line('-1', '50', ['t9'])],
      2,
      'per_line',
      { net: '-50.00', tax: '-4.50', gross: '-54.50', taxTotals: { t9: '-4.50' } },
    ],
    [
      'a negative half rounds away from zero, as the positive one does',
      [tax('t10', '10')],
      [line('-1', '0.05', ['t10']), line('-1', '0.05', ['t10'])],
      2,
      'per_line',
      // −0.005 → −0.01 on each line
      { net: '-0.10', tax: '-0.02', gross: '-0.12', taxTotals: { t10: '-0.02' } },
    ],
    [
      'a positive half rounds up',
      [tax('t10', '10')],
      [line('1', '0.05', ['t10'])],
      2,
      'per_line',
      { net: '0.05', tax: '0.01', gross: '0.06', taxTotals: { t10: '0.01' } },
    ],
    [
      'a credit note with an included tax',
      [vat21Included],
      [line('-1', '10', ['vat21'])],
      2,
      'total',
      { net: '-8.26', tax: '-1.74', gross: '-10.00', taxTotals: { vat21: '-1.74' } },
    ],
    [
      'an invoice line and a returned line cancel out',
      [tax('t10', '10')],
      [line('1', '0.05', ['t10']), line('-1', '0.05', ['t10'])],
      2,
      'total',
      { net: '0.00', tax: '0.00', gross: '0.00', taxTotals: { t10: '0.00' } },
    ],
    [
      'a currency without decimals (JPY)',
      [tax('jct', '10')],
      [line('3', '333', ['jct'])],
      0,
      'per_line',
      // 999 × 10 % = 99.9 → 100
      { net: '999', tax: '100', gross: '1099', taxTotals: { jct: '100' } },
    ],
    [
      'JPY prices including tax',
      [tax('jct', '10', 'included')],
      [line('1', '1000', ['jct'])],
      0,
      'per_line',
      // 1000 / 1.1 = 909.09 → tax 90.909 → 91, net 909
      { net: '909', tax: '91', gross: '1000', taxTotals: { jct: '91' } },
    ],
    [
      'a currency with three decimals (KWD)',
      [tax('vat5', '5')],
      [line('1', '1.234', ['vat5']), line('1', '1.234', ['vat5'])],
      3,
      'per_line',
      // 1.234 × 5 % = 0.0617 → 0.062 on each line
      { net: '2.468', tax: '0.124', gross: '2.592', taxTotals: { vat5: '0.124' } },
    ],
    [
      'KWD rounded on the total',
      [tax('vat5', '5')],
      [line('1', '1.234', ['vat5']), line('1', '1.234', ['vat5'])],
      3,
      'total',
      // 2 × 0.0617 = 0.1234 → 0.123
      { net: '2.468', tax: '0.123', gross: '2.591', taxTotals: { vat5: '0.123' } },
    ],
    [
      'a line amount with more places than the currency is rounded first',
      [vat21],
      [line('3', '0.333', ['vat21'])],
      2,
      'per_line',
      // 0.999 → 1.00; × 21 % = 0.21
      { net: '1.00', tax: '0.21', gross: '1.21', taxTotals: { vat21: '0.21' } },
    ],
    [
      'an empty document',
      [vat21],
      [],
      2,
      'total',
      { net: '0.00', tax: '0.00', gross: '0.00', taxTotals: {} },
    ],
  ])('%s', (_case, taxes, lines, precision, rounding, expected) => {
    const result = calculateTaxes({ lines, taxes, precision, rounding });
    expect({
      net: result.net,
      tax: result.tax,
      gross: result.gross,
      taxTotals: Object.fromEntries(result.taxTotals.map((t) => [t.taxId, t.amount])),
    }).toEqual({
      net: expected.net,
      tax: expected.tax,
      gross: expected.gross,
      taxTotals: expected.taxTotals,
    });
    if (expected.lines)
      expect(result.lines.map((l) => [l.net, l.taxes.map((t) => t.amount), l.gross])).toEqual(expected.lines);
  });

  it('keeps the document order of taxes in the lines and the totals', () => {
    const result = calculateTaxes({
      taxes: [tax('b', '10'), tax('a', '5')],
      lines: [line('1', '10', ['a', 'b'])],
      precision: 2,
      rounding: 'per_line',
    });
    expect(result.lines[0].taxes).toEqual([
      { taxId: 'b', amount: '1.00' },
      { taxId: 'a', amount: '0.50' },
    ]);
    expect(result.taxTotals.map((t) => t.taxId)).toEqual(['b', 'a']);
  });

  it.each<[string, Tax[], TaxableLine[], number, string, RegExp]>([
    [
      'a rate above 100',
      [tax('vat', '150')],
      [],
      2,
      'taxes.0.ratePercent',
      /Tax "vat" has a rate of 150 %; a tax rate must be from 0 to 100 %\./,
    ],
    ['a negative rate', [vat21, tax('neg', '-1')], [], 2, 'taxes.1.ratePercent', /rate of -1 %/],
    ['a rate that is not a number', [tax('vat', 'abc')], [], 2, 'taxes.0.ratePercent', /not "abc"/],
    ['a tax listed twice', [vat21, vat21], [], 2, 'taxes.1.id', /Tax "vat21" is listed twice/],
    [
      'a line with a tax the document does not have',
      [vat21],
      [line('1', '1', []), line('1', '1', ['vat21', 'gst'])],
      2,
      'lines.1.taxIds.1',
      /Line 2 has tax "gst", which is not one of the document's taxes\./,
    ],
    [
      'a line with a tax twice',
      [vat21],
      [line('1', '1', ['vat21', 'vat21'])],
      2,
      'lines.0.taxIds.1',
      /twice/,
    ],
    [
      'a discount above 100',
      [vat21],
      [line('1', '1', [], '120')],
      2,
      'lines.0.discountPercent',
      /Line 1 has a discount of 120 %/,
    ],
    ['a quantity that is not a number', [], [line('1,5', '1', [])], 2, 'lines.0.quantity', /not "1,5"/],
    [
      'an included tax compounding on a tax that is not included',
      [tax('eco', '1'), tax('vat', '21', 'included', true)],
      [line('1', '1', ['eco', 'vat'])],
      2,
      'lines.0.taxIds',
      /tax "vat" is included in the price but compounds on tax "eco", which is not/,
    ],
    ['a precision that is not whole', [], [], 1.5, 'precision', /from 0 to 8, not 1.5/],
  ])('refuses %s', (_case, taxes, lines, precision, field, message) => {
    const calculate = () => calculateTaxes({ lines, taxes, precision, rounding: 'per_line' });
    expect(calculate).toThrow(RuleError);
    expect(calculate).toThrow(message);
    expect(calculate).toThrow(expect.objectContaining({ field }));
  });
});
