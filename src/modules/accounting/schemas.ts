import { Type } from 'typebox';
import { CurrencyCode } from '../../platform/directories/schemas.js';
import { DateOnly, Decimal, Id, Name, Nullable, Timestamp } from '../../platform/http/schemas.js';
import { ACCOUNT_TYPES, DIMENSION_KINDS, JOURNAL_KINDS } from './schema.js';

const literals = (values: readonly string[]) =>
  Type.Unsafe<string>(Type.Union(values.map((v) => Type.Literal(v))));

export const AccountType = literals(ACCOUNT_TYPES);
export const JournalKind = literals(JOURNAL_KINDS);
export const DimensionKind = literals(DIMENSION_KINDS);
export const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^\\S(.*\\S)?$' });

export const AccountFields = {
  companyId: Id,
  code: Code,
  name: Name,
  type: AccountType,
  parentId: Type.Optional(Nullable(Id)),
  isGroup: Type.Optional(Type.Boolean()),
  currency: Type.Optional(Nullable(CurrencyCode)),
  reconcilable: Type.Optional(Type.Boolean()),
};

export const Account = Type.Object({
  id: Id,
  companyId: Id,
  code: Type.String(),
  name: Type.String(),
  type: Type.String(),
  parentId: Nullable(Id),
  isGroup: Type.Boolean(),
  currency: Nullable(Type.String()),
  reconcilable: Type.Boolean(),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const DimensionFields = { companyId: Id, kind: DimensionKind, code: Code, name: Name };

export const AnalyticDimension = Type.Object({
  id: Id,
  companyId: Id,
  kind: Type.String(),
  code: Type.String(),
  name: Type.String(),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const JournalFields = {
  companyId: Id,
  code: Code,
  name: Name,
  kind: JournalKind,
  defaultAccountId: Type.Optional(Nullable(Id)),
};

export const Journal = Type.Object({
  id: Id,
  companyId: Id,
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  defaultAccountId: Nullable(Id),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const SettingsFields = {
  taxRounding: Type.Optional(Type.Union([Type.Literal('per_line'), Type.Literal('total')])),
  retainedEarningsAccountId: Type.Optional(Nullable(Id)),
  receivableAccountId: Type.Optional(Nullable(Id)),
  payableAccountId: Type.Optional(Nullable(Id)),
  exchangeGainAccountId: Type.Optional(Nullable(Id)),
  exchangeLossAccountId: Type.Optional(Nullable(Id)),
};

export const AccountingSettings = Type.Object({
  companyId: Id,
  taxRounding: Type.String(),
  retainedEarningsAccountId: Nullable(Id),
  receivableAccountId: Nullable(Id),
  payableAccountId: Nullable(Id),
  exchangeGainAccountId: Nullable(Id),
  exchangeLossAccountId: Nullable(Id),
});

export const FiscalPeriod = Type.Object({
  id: Id,
  companyId: Id,
  fiscalYearId: Id,
  startsOn: Type.String(),
  endsOn: Type.String(),
  closedAt: Nullable(Timestamp),
  closedBy: Nullable(Id),
});

export const FiscalYear = Type.Object({
  id: Id,
  companyId: Id,
  name: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  closingEntryId: Nullable(Id),
  createdAt: Timestamp,
  periods: Type.Array(FiscalPeriod),
});

export const LineFields = {
  accountId: Id,
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  debit: Type.Optional(Decimal),
  credit: Type.Optional(Decimal),
  counterpartyId: Type.Optional(Nullable(Id)),
  costCentreId: Type.Optional(Nullable(Id)),
  projectId: Type.Optional(Nullable(Id)),
  departmentId: Type.Optional(Nullable(Id)),
};
export const LineInput = Type.Object(LineFields, { additionalProperties: false });

export const EntryFields = {
  companyId: Id,
  journalId: Id,
  postingDate: DateOnly,
  memo: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  currency: Type.Optional(CurrencyCode),
  /** Units of the company currency for one unit of the entry currency. */
  rate: Type.Optional(Decimal),
  lines: Type.Array(LineInput, { maxItems: 500 }),
};

export const JournalLine = Type.Object({
  lineNo: Type.Integer(),
  accountId: Id,
  description: Nullable(Type.String()),
  debit: Type.String(),
  credit: Type.String(),
  debitInCompanyCurrency: Type.String(),
  creditInCompanyCurrency: Type.String(),
  counterpartyId: Nullable(Id),
  costCentreId: Nullable(Id),
  projectId: Nullable(Id),
  departmentId: Nullable(Id),
});

export const JournalEntry = Type.Object({
  id: Id,
  companyId: Id,
  journalId: Id,
  number: Nullable(Type.String()),
  postingDate: Type.String(),
  status: Type.String(),
  memo: Nullable(Type.String()),
  currency: Type.String(),
  rate: Type.String(),
  sourceType: Nullable(Type.String()),
  sourceId: Nullable(Id),
  reversesId: Nullable(Id),
  reversedById: Nullable(Id),
  postedIntoClosedPeriod: Type.Boolean(),
  postedAt: Nullable(Timestamp),
  postedBy: Nullable(Id),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lines: Type.Array(JournalLine),
});

export const CompanyQuery = { companyId: Id };
export { DateOnly };
