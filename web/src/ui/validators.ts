/** A client-side validation message: an i18n key and its values, translated when shown. */
export interface Message {
  key: string;
  values?: Record<string, unknown>;
}

/** Checks one field; `values` has the whole form, for checks that compare fields. */
export type Check<V> = (value: V, values: Record<string, unknown>) => Message | null;

const isBlank = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

export const required: Check<unknown> = (value) => (isBlank(value) ? { key: 'validation.required' } : null);

export const maxLength =
  (max: number): Check<string | null | undefined> =>
  (value) =>
    value && value.length > max ? { key: 'validation.maxLength', values: { max } } : null;

export const minLength =
  (min: number): Check<string | null | undefined> =>
  (value) =>
    value && value.length < min ? { key: 'validation.minLength', values: { min } } : null;

export const email: Check<string> = (value) =>
  value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? { key: 'validation.email' } : null;

export const pattern =
  (re: RegExp, key: string): Check<string | null | undefined> =>
  (value) =>
    value && !re.test(value) ? { key } : null;

/** A positive decimal written as a string (money, rates, factors are never JS numbers). */
export const positiveDecimal: Check<string> = (value) =>
  value && !(/^\d+(\.\d+)?$/.test(value.trim()) && /[1-9]/.test(value))
    ? { key: 'validation.positiveDecimal' }
    : null;

export const integerBetween =
  (min: number, max: number): Check<string | number | null | undefined> =>
  (value) => {
    if (value === '' || value === null || value === undefined) return null;
    const text = String(value);
    const ok = /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max;
    return ok ? null : { key: 'validation.integerBetween', values: { min, max } };
  };

export const sameAs =
  (other: string, key: string): Check<unknown> =>
  (value, values) =>
    value !== values[other] ? { key } : null;
