import { type TSchema, Type } from 'typebox';

export const Id = Type.String({ format: 'uuid' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** Database rows carry Date objects; the serialiser writes them as ISO 8601 strings. */
export const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** Decimals travel as strings so no digit is lost to binary floating point. */
export const Decimal = Type.String({
  pattern: '^-?\\d{1,15}(\\.\\d{1,12})?$',
  description: 'A decimal number as a string, e.g. "1234.56"',
});
export const PositiveDecimal = Type.String({
  pattern: '^\\d{1,15}(\\.\\d{1,12})?$',
  description: 'A positive decimal as a string',
});
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const Search = Type.String({ maxLength: 200, description: 'Case-insensitive text search' });
export const BooleanFlag = Type.Boolean();
