import { Type } from 'typebox';
import { Address } from '../directories/address.js';
import { CurrencyCode } from '../directories/schemas.js';
import { Id, Name, Nullable, Timestamp } from '../http/schemas.js';

export const CompanyFields = {
  name: Name,
  legalName: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  taxId: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  baseCurrency: CurrencyCode,
  address: Type.Optional(Nullable(Address)),
};

export const Company = Type.Object({
  id: Id,
  name: Type.String(),
  legalName: Nullable(Type.String()),
  taxId: Nullable(Type.String()),
  baseCurrency: Type.String(),
  address: Nullable(Address),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});
