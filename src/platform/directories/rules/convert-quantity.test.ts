import { describe, expect, it } from 'vitest';
import { type ConversionRow, convertQuantity } from './convert-quantity.js';

const rows: ConversionRow[] = [
  { fromUnit: 't', toUnit: 'kg', factor: '1000.000000000000' },
  { fromUnit: 'kg', toUnit: 'g', factor: '1000' },
  { fromUnit: 'box', toUnit: 'pcs', factor: '12' },
  { fromUnit: 'h', toUnit: 'min', factor: '60' },
  { fromUnit: 'm', toUnit: 'dm', factor: '10' },
  { fromUnit: 'dm', toUnit: 'cm', factor: '10' },
  { fromUnit: 'cm', toUnit: 'mm', factor: '10' },
];

describe('convertQuantity', () => {
  it.each([
    ['the same unit, rounded to its places', '2.3456', 'kg', 'kg', 3, '2.346'],
    ['a direct conversion', '2.5', 't', 'kg', 3, '2500'],
    ['the reverse of a conversion divides', '1250', 'kg', 't', 3, '1.25'],
    ['through one unit in between', '1.5', 't', 'g', 3, '1500000'],
    ['through one unit in between, backwards', '2500', 'g', 't', 3, '0.003'],
    ['rounds half up to the target places', '5', 'pcs', 'box', 0, '0'],
    ['rounds half up at exactly one half', '6', 'pcs', 'box', 0, '1'],
    ['rounds half up in fractions', '1', 'pcs', 'box', 2, '0.08'],
    ['keeps digits before the one rounding', '1', 'min', 'h', 6, '0.016667'],
    ['negative quantities (returns) convert too', '-2', 'box', 'pcs', 0, '-24'],
    ['zero stays zero', '0', 't', 'g', 3, '0'],
  ])('%s: %s %s -> %s', (_case, quantity, from, to, toPrecision, result) => {
    expect(convertQuantity(rows, { quantity, from, to, toPrecision })).toEqual({ ok: true, result });
  });

  it.each([
    ['units nothing links', 'kg', 'pcs'],
    ['two units in between are too many', 'm', 'mm'],
    ['an unknown unit', 'kg', 'lb'],
  ])('refuses %s: %s -> %s', (_case, from, to) => {
    const converted = convertQuantity(rows, { quantity: '1', from, to, toPrecision: 3 });
    expect(converted).toEqual({ ok: false, error: expect.stringContaining(`from "${from}" to "${to}"`) });
  });
});
