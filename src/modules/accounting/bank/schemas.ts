import { Type } from 'typebox';
import { Decimal, Id, Nullable, PositiveDecimal, Timestamp } from '../../../platform/http/schemas.js';
import { DATE_FORMATS } from '../rules/bank-values.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

const Column = Type.Integer({ minimum: 0, maximum: 200, description: 'Column number, counted from 0' });
const OptionalColumn = Type.Optional(Nullable(Column));

export const CsvMapping = Type.Object(
  {
    delimiter: literals([',', ';', '\t', '|'] as const),
    hasHeader: Type.Boolean(),
    dateColumn: Column,
    dateFormat: literals(DATE_FORMATS),
    amountColumn: OptionalColumn,
    debitColumn: OptionalColumn,
    creditColumn: OptionalColumn,
    decimalSeparator: literals(['.', ','] as const),
    thousandsSeparator: Type.Optional(Nullable(literals(['', ',', '.', ' ', "'"] as const))),
    referenceColumn: OptionalColumn,
    counterpartyNameColumn: OptionalColumn,
    counterpartyAccountColumn: OptionalColumn,
  },
  { additionalProperties: false },
);

export const StatementFormat = literals(['csv', 'camt053'] as const);

/** Up to 10,000 lines of camt: about 8 MiB of XML. */
export const MAX_FILE_CHARS = 8 * 1024 * 1024;

export const ImportInput = Type.Object(
  {
    journalId: Id,
    format: StatementFormat,
    content: Type.String({ minLength: 1, maxLength: MAX_FILE_CHARS, description: 'The file, as text' }),
    fileName: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
    mapping: Type.Optional(CsvMapping),
    saveMapping: Type.Optional(Type.Boolean()),
    openingBalance: Type.Optional(Nullable(Decimal)),
    closingBalance: Type.Optional(Nullable(Decimal)),
  },
  { additionalProperties: false },
);

export const LineStatus = literals(['open', 'confirmed', 'ignored'] as const);

export const Progress = Type.Object({
  open: Type.Integer(),
  confirmed: Type.Integer(),
  ignored: Type.Integer(),
});

export const StatementSummary = Type.Object({
  id: Id,
  companyId: Id,
  journalId: Id,
  format: Type.String(),
  statementRef: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  accountIban: Nullable(Type.String()),
  currency: Type.String(),
  openingBalance: Nullable(Type.String()),
  closingBalance: Nullable(Type.String()),
  fromDate: Type.String(),
  toDate: Type.String(),
  duplicateCount: Type.Integer(),
  importedBy: Id,
  createdAt: Timestamp,
  progress: Progress,
});

export const StatementLine = Type.Object({
  id: Id,
  statementId: Id,
  lineNo: Type.Integer(),
  bookingDate: Type.String(),
  amount: Type.String({ description: 'Signed: money in positive, money out negative' }),
  currency: Type.String(),
  reference: Nullable(Type.String()),
  bankReference: Nullable(Type.String()),
  counterpartyName: Nullable(Type.String()),
  counterpartyIban: Nullable(Type.String()),
  status: Type.String({
    description: 'open, confirmed or ignored; a line whose payment was cancelled is open',
  }),
  counterpartyId: Nullable(Id),
  paymentId: Nullable(Id),
  paymentNumber: Nullable(Type.String()),
  /** The payment a confirmation made and that was cancelled since: the line is open again. */
  cancelledPaymentId: Nullable(Id),
  note: Nullable(Type.String()),
  resolvedAt: Nullable(Timestamp),
  resolvedBy: Nullable(Id),
});

export const Statement = Type.Object({ ...StatementSummary.properties, lines: Type.Array(StatementLine) });

export const ImportResult = Type.Object({
  /** Null when every line of the file had been imported before. */
  statement: Nullable(Statement),
  imported: Type.Integer(),
  duplicates: Type.Integer(),
});

export const MatchReason = literals(['document_number', 'exact_amount', 'iban', 'name'] as const);

export const Suggestion = Type.Object({
  openItemId: Id,
  counterpartyId: Id,
  counterpartyName: Type.String(),
  documentNumber: Nullable(Type.String()),
  invoiceId: Nullable(Id),
  dueDate: Type.String(),
  outstanding: Type.String(),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  reasons: Type.Array(MatchReason),
  amount: Type.String({ description: 'What to allocate to the item' }),
});

export const LineSuggestions = Type.Object({ lineId: Id, suggestions: Type.Array(Suggestion) });

export const ConfirmInput = Type.Object(
  {
    counterpartyId: Id,
    /** Empty: the whole amount stays on the counterparty as an advance. */
    allocations: Type.Array(
      Type.Object({ openItemId: Id, amount: PositiveDecimal }, { additionalProperties: false }),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const IgnoreInput = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const MappingView = Type.Object({ journalId: Id, mapping: Nullable(CsvMapping) });
