import { Type } from 'typebox';
import { CurrencyCode } from '../../../platform/directories/schemas.js';
import {
  DateOnly,
  Decimal,
  Id,
  Name,
  Nullable,
  Patterned,
  PositiveDecimal,
  Timestamp,
} from '../../../platform/http/schemas.js';

export const Percent = Patterned(
  '^\\d{1,3}(\\.\\d{1,4})?$',
  'must be a percent written as a string, e.g. "5" or "2.5"',
  {
    description: 'A percent as a decimal string, e.g. "5" or "2.5"',
  },
);

/** What a program may change: not its currency, which its points were earned and valued in. */
export const ProgramChanges = {
  name: Name,
  accrualPercent: Percent,
  categoryPercents: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Percent)),
  expireDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 3650 }))),
  maxRedeemPercent: Type.Optional(Percent),
  pointValue: Type.Optional(PositiveDecimal),
};

export const ProgramFields = { ...ProgramChanges, currency: CurrencyCode };

export const Program = Type.Object({
  id: Id,
  name: Type.String(),
  currency: Type.String(),
  accrualPercent: Type.String(),
  categoryPercents: Type.Record(Type.String(), Type.String()),
  expireDays: Nullable(Type.Integer()),
  maxRedeemPercent: Type.String(),
  pointValue: Type.String(),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const Card = Type.Object({
  id: Id,
  programId: Id,
  clientId: Id,
  cardNumber: Type.String(),
  phone: Nullable(Type.String()),
  createdAt: Timestamp,
  blockedAt: Nullable(Timestamp),
});

export const MemberRefFields = {
  clientId: Type.Optional(Id),
  cardNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  phone: Type.Optional(Type.String({ minLength: 5, maxLength: 30 })),
};

export const LedgerEntry = Type.Object({
  id: Id,
  kind: Type.String(),
  points: Type.String(),
  occurredOn: Type.String(),
  expiresOn: Nullable(Type.String()),
  purchaseAmount: Nullable(Type.String()),
  documentType: Nullable(Type.String()),
  documentId: Nullable(Id),
  note: Nullable(Type.String()),
  createdAt: Timestamp,
});

export const Posting = Type.Object({ entry: LedgerEntry, balance: Type.String() });
export { DateOnly, Decimal, PositiveDecimal };
