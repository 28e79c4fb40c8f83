import { type TSchema, Type } from 'typebox';

export const Id = Type.String({ format: 'uuid' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** Database rows carry Date objects; the serialiser writes them as ISO 8601 strings. */
export const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** Reasons said instead of a raw regular expression when a patterned field does not match. */
export const patternReasons = new Map<string, string>();

/** A string with a pattern and the reason a person reads when it does not match. */
export function Patterned(
  pattern: string,
  reason: string,
  options: { description?: string; maxLength?: number } = {},
) {
  patternReasons.set(pattern, reason);
  return Type.String({ pattern, ...options });
}

/** Decimals travel as strings so no digit is lost to binary floating point. */
export const Decimal = Patterned(
  '^-?\\d{1,15}(\\.\\d{1,12})?$',
  'must be a decimal number written as a string, e.g. "1234.56"',
  {
    description: 'A decimal number as a string, e.g. "1234.56"',
  },
);
export const PositiveDecimal = Patterned(
  '^(?!0+(\\.0+)?$)\\d{1,15}(\\.\\d{1,12})?$',
  'must be a decimal above zero written as a string, e.g. "12.5"',
  {
    description: 'A decimal above zero as a string, e.g. "12.5"',
  },
);
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const Search = Type.String({ maxLength: 200, description: 'Case-insensitive text search' });
export const BooleanFlag = Type.Boolean();
