import {
  type CountryCode,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

const lengthReasons: Record<string, string> = {
  TOO_SHORT: 'is too short',
  TOO_LONG: 'is too long',
  INVALID_LENGTH: 'has the wrong number of digits',
  NOT_A_NUMBER: 'is not a phone number',
  INVALID_COUNTRY: 'needs a country code, e.g. +359 88 812 3456',
};

/**
 * A phone as E.164 (`+359888123456`) so the same number typed two ways matches. A number
 * without `+` is read as a national number of `country` (the client's, else the company's).
 */
export function normalisePhone(raw: string, country?: string | null): PhoneResult {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'is empty' };
  const defaultCountry = (country ?? undefined) as CountryCode | undefined;
  const where = defaultCountry && !text.startsWith('+') ? ` for ${defaultCountry}` : '';
  const lengthProblem = validatePhoneNumberLength(text, defaultCountry);
  if (lengthProblem === 'NOT_A_NUMBER' || lengthProblem === 'INVALID_COUNTRY')
    return { ok: false, reason: lengthReasons[lengthProblem] };
  if (lengthProblem) return { ok: false, reason: `${lengthReasons[lengthProblem] ?? 'is invalid'}${where}` };
  try {
    const phone = parsePhoneNumberWithError(text, defaultCountry);
    if (!phone.isValid())
      return {
        ok: false,
        reason: `is not a valid ${phone.country ?? `+${phone.countryCallingCode}`} number`,
      };
    return { ok: true, e164: phone.number };
  } catch (e) {
    const code = (e as Error).message;
    return { ok: false, reason: lengthReasons[code] ?? 'is not a phone number' };
  }
}
