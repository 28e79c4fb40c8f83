import { Type } from 'typebox';
import {
  DateOnly,
  Decimal,
  Id,
  Name,
  Nullable,
  Patterned,
  PositiveDecimal,
  patternReasons,
  Search,
  Timestamp,
} from '../http/schemas.js';
import { decimalText } from './rules/decimal-text.js';

export const CurrencyCode = Patterned(
  '^[A-Z]{3}$',
  'must be a three-letter ISO 4217 code in capitals, e.g. EUR',
  {
    description: 'ISO 4217 code, e.g. EUR',
  },
);
export const CountryCode = Patterned(
  '^[A-Z]{2}$',
  'must be a two-letter ISO 3166 code in capitals, e.g. BG',
  {
    description: 'ISO 3166-1 alpha-2 code, e.g. BG',
  },
);
/** Unit codes are case-sensitive (Mg is not mg) and appear in URLs, so no spaces and no slashes. */
export const UnitCode = Type.String({
  minLength: 1,
  maxLength: 20,
  pattern: '^[^\\s/]+$',
  description: 'Short unit code, e.g. kg, pcs, m2',
});
patternReasons.set('^[^\\s/]+$', 'must be a short code without spaces or slashes, e.g. kg');
/** Exchange rates are stored as numeric(24,10): more places would be rounded away silently. */
export const RateValue = Patterned(
  '^(?!0+(\\.0+)?$)\\d{1,14}(\\.\\d{1,10})?$',
  'must be a decimal above zero with at most 10 decimal places, written as a string, e.g. "1.95583"',
  {
    description: 'How many units of the quote currency one unit of the base currency buys, e.g. "1.95583"',
  },
);

export const CurrencyChanges = {
  name: Name,
  symbol: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  precision: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 4, description: 'Decimal places amounts are rounded to' }),
  ),
  active: Type.Optional(
    Type.Boolean({ description: 'Switched-off currencies are not offered for new documents' }),
  ),
};
export const CurrencyFields = { code: CurrencyCode, ...CurrencyChanges };

export const Currency = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  symbol: Nullable(Type.String()),
  precision: Type.Integer(),
  active: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ExchangeRateFields = {
  baseCurrency: CurrencyCode,
  quoteCurrency: CurrencyCode,
  validOn: DateOnly,
  rate: RateValue,
};

export const ExchangeRate = Type.Object({
  id: Id,
  baseCurrency: Type.String(),
  quoteCurrency: Type.String(),
  validOn: DateOnly,
  rate: PositiveDecimal,
  createdAt: Timestamp,
});

export const RateLookup = Type.Object({
  base: Type.String(),
  quote: Type.String(),
  on: DateOnly,
  rate: PositiveDecimal,
  validOn: Nullable(DateOnly),
  inverted: Type.Boolean({ description: 'True when only the opposite pair is recorded and this is 1/rate' }),
});

export const UnitChanges = {
  name: Name,
  precision: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 6, description: 'Decimal places quantities are kept to' }),
  ),
};
export const UnitFields = { code: UnitCode, ...UnitChanges };

export const Unit = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  precision: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const UnitConversionFields = {
  fromUnit: UnitCode,
  toUnit: UnitCode,
  /** How many toUnit one fromUnit is, e.g. "1000" for t → kg. */
  factor: PositiveDecimal,
};

export const UnitConversion = Type.Object({
  id: Id,
  fromUnit: Type.String(),
  toUnit: Type.String(),
  factor: PositiveDecimal,
  createdAt: Timestamp,
});

export const ConvertedQuantity = Type.Object({
  from: Type.String(),
  to: Type.String(),
  quantity: Decimal,
  result: Decimal,
});

export const CountryFields = { code: CountryCode, name: Name };

export const Country = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const NamedItem = Type.Object({
  id: Id,
  name: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const ListFilters = { q: Type.Optional(Search) };
export const ArchivableListFilters = {
  ...ListFilters,
  includeArchived: Type.Optional(Type.Boolean({ description: 'Show archived entries too' })),
};

export const showRate = <R extends { rate: string }>(row: R): R => ({ ...row, rate: decimalText(row.rate) });
export const showConversion = <R extends { factor: string }>(row: R): R => ({
  ...row,
  factor: decimalText(row.factor),
});
