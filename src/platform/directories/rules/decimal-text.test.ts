import { describe, expect, it } from 'vitest';
import { decimalText } from './decimal-text.js';

describe('decimalText', () => {
  it.each([
    ['1.9558300000', '1.95583'],
    ['1000.000000000000', '1000'],
    ['0.0000000001', '0.0000000001'],
    ['100000000000000000000000', '100000000000000000000000'],
    ['-2.50', '-2.5'],
    ['0.000', '0'],
    ['42', '42'],
  ])('%s -> %s', (stored, shown) => {
    expect(decimalText(stored)).toBe(shown);
  });
});
