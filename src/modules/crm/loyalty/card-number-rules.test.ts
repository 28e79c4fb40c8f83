import { describe, expect, it } from 'vitest';
import { cardNumberProblem, luhnCheckDigit, withCheckDigit } from './card-number-rules.js';

describe('Luhn check digit', () => {
  it.each([
    ['7992739871', '3'],
    ['123456789012', '8'],
    ['000000000000', '0'],
    ['4', '2'],
  ])('of %s is %s', (digits, check) => {
    expect(luhnCheckDigit(digits)).toBe(check);
    expect(withCheckDigit(digits)).toBe(digits + check);
  });
});

describe('a card number someone typed', () => {
  it.each([
    ['a valid one', '1234567890128', null],
    ['the longest', withCheckDigit('411111111111111111'), null],
    ['a wrong last digit', '1234567890127', 'should be 8'],
    ['two digits swapped', '2134567890128', 'should be'],
    ['letters', 'ABCD-1234', 'digits only'],
    ['too short', '1234567', 'not 7'],
    ['too long', '12345678901234567890', 'not 20'],
  ])('%s: %s', (_case, cardNumber, problem) => {
    const found = cardNumberProblem(cardNumber);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});
