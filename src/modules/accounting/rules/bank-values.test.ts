import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { checkPlaces, type DateFormat, parseAmount, parseDay } from './bank-values.js';
import { RuleError } from './rule-error.js';

describe('parseDay', () => {
  it.each<[string, DateFormat, string]>([
    ['2026-03-05', 'YYYY-MM-DD', '2026-03-05'],
    ['2026-3-5', 'YYYY-MM-DD', '2026-03-05'],
    ['05.03.2026', 'DD.MM.YYYY', '2026-03-05'],
    ['05/03/2026', 'DD/MM/YYYY', '2026-03-05'],
    ['03/05/2026', 'MM/DD/YYYY', '2026-03-05'],
    ['20260305', 'YYYYMMDD', '2026-03-05'],
    [' 29.02.2028 ', 'DD.MM.YYYY', '2028-02-29'],
  ])('%s written %s is %s', (text, format, day) => {
    expect(parseDay(text, format, 'lines.0.date', 'row 2')).toBe(day);
  });

  it.each<[string, DateFormat]>([
    ['29.02.2026', 'DD.MM.YYYY'],
    ['31/04/2026', 'DD/MM/YYYY'],
    ['2026-03-05', 'DD.MM.YYYY'],
    ['13/01/2026', 'MM/DD/YYYY'],
    ['', 'YYYY-MM-DD'],
  ])('%s is not a date written %s', (text, format) => {
    expect(() => parseDay(text, format, 'lines.0.date', 'row 2')).toThrow(RuleError);
  });
});

describe('parseAmount', () => {
  it.each<[string, string, string | null, string]>([
    ['1200.50', '.', null, '1200.5'],
    ['-12.50', '.', null, '-12.5'],
    ['+300', '.', null, '300'],
    ['1.234,56', ',', '.', '1234.56'],
    ['12,00-', ',', null, '-12'],
    ['1 234,56', ',', ' ', '1234.56'],
    ['1,234.56', '.', ',', '1234.56'],
    ['0.01', '.', null, '0.01'],
  ])('"%s" with decimal "%s" and thousands %s is %s', (text, decimal, thousands, value) => {
    expect(parseAmount(text, decimal, thousands, 'lines.0.amount', 'row 2').toFixed()).toBe(value);
  });

  it.each<[string, string, string | null]>([
    ['1,234', '.', null],
    ['1.234,56', ',', null],
    ['12a', '.', null],
    ['', '.', null],
    ['1e5', '.', null],
  ])('"%s" with decimal "%s" and thousands %s is refused', (text, decimal, thousands) => {
    expect(() => parseAmount(text, decimal, thousands, 'lines.0.amount', 'row 2')).toThrow(RuleError);
  });
});

describe('checkPlaces', () => {
  it('takes an amount within the currency places and refuses one beyond, naming the field', () => {
    expect(() => checkPlaces(new Decimal('12.34'), 2, 'EUR', 'lines.0.amount', 'row 2')).not.toThrow();
    expect(() => checkPlaces(new Decimal('12.345'), 2, 'EUR', 'lines.0.amount', 'row 2')).toThrow(
      /12\.345 has 3 decimal places; EUR has 2/,
    );
  });
});
