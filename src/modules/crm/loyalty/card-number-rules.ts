/**
 * Loyalty card numbers end in a Luhn check digit (as bank cards do), so a till that reads one
 * digit wrong, or a cashier who swaps two, is told at once instead of crediting a stranger.
 */

/** The Luhn check digit of a string of digits: doubling every second digit from the right. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A card number from the body digits: the digits with their check digit appended. */
export const withCheckDigit = (digits: string) => digits + luhnCheckDigit(digits);

export const CARD_NUMBER_LENGTH = { min: 8, max: 19 } as const;

/** Why a card number someone typed cannot be a card, or null when it can. */
export function cardNumberProblem(cardNumber: string): string | null {
  const { min, max } = CARD_NUMBER_LENGTH;
  if (!/^\d+$/.test(cardNumber)) return `must be digits only, ${min} to ${max} of them`;
  if (cardNumber.length < min || cardNumber.length > max)
    return `must be ${min} to ${max} digits long, not ${cardNumber.length}`;
  const body = cardNumber.slice(0, -1);
  if (withCheckDigit(body) !== cardNumber)
    return `is not a card number: its last digit should be ${luhnCheckDigit(body)}; check it for a mistyped digit`;
  return null;
}
