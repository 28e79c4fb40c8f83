import { Type } from 'typebox';
import { CurrencyCode } from '../../../platform/directories/schemas.js';
import {
  DateOnly,
  Decimal,
  Id,
  Name,
  Nullable,
  PositiveDecimal,
  Timestamp,
} from '../../../platform/http/schemas.js';
import { INVOICE_KINDS } from './schema.js';

/** One of the values, typed as their union (TypeBox cannot infer it from a mapped array). */
const literals = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

export const Percent = Type.String({
  pattern: '^-?\\d{1,15}(\\.\\d{1,12})?$',
  description: 'A percent as a decimal string, "21" for 21 %',
});

export const TaxFields = {
  companyId: Id,
  name: Name,
  ratePercent: Percent,
  kind: Type.Optional(literals(['on_net', 'included'] as const)),
  compound: Type.Optional(Type.Boolean()),
  salesAccountId: Id,
  purchaseAccountId: Id,
};

export const Tax = Type.Object({
  id: Id,
  companyId: Id,
  name: Type.String(),
  ratePercent: Type.String(),
  kind: Type.String(),
  compound: Type.Boolean(),
  salesAccountId: Id,
  purchaseAccountId: Id,
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const Instalment = Type.Object(
  { percent: Percent, days: Type.Integer({ minimum: 0, maximum: 3650 }) },
  { additionalProperties: false },
);

export const PaymentTermsFields = {
  companyId: Id,
  name: Name,
  instalments: Type.Array(Instalment, { minItems: 1, maxItems: 24 }),
};

export const PaymentTerms = Type.Object({
  id: Id,
  companyId: Id,
  name: Type.String(),
  instalments: Type.Array(Type.Object({ percent: Type.String(), days: Type.Integer() })),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const InvoiceKind = literals(INVOICE_KINDS);

export const InvoiceLineFields = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 1000 }),
    accountId: Id,
    quantity: PositiveDecimal,
    unitPrice: Decimal,
    discountPercent: Type.Optional(Percent),
    taxIds: Type.Optional(Type.Array(Id, { maxItems: 10 })),
    costCentreId: Type.Optional(Nullable(Id)),
    projectId: Type.Optional(Nullable(Id)),
    departmentId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

export const InvoiceFields = {
  companyId: Id,
  kind: InvoiceKind,
  counterpartyId: Id,
  invoiceDate: DateOnly,
  currency: Type.Optional(CurrencyCode),
  paymentTermsId: Type.Optional(Nullable(Id)),
  creditsInvoiceId: Type.Optional(Nullable(Id)),
  sourceId: Type.Optional(Nullable(Id)),
  memo: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  lines: Type.Array(InvoiceLineFields, { minItems: 1, maxItems: 500 }),
};

export const InvoiceInput = Type.Object(InvoiceFields, { additionalProperties: false });

export const NewInvoiceInput = Type.Object(
  {
    ...InvoiceFields,
    post: Type.Optional(
      Type.Boolean({
        description:
          'Post it at once, in the same transaction: the answer is the posted invoice, or nothing is saved',
      }),
    ),
  },
  { additionalProperties: false },
);

export const InvoiceLine = Type.Object({
  lineNo: Type.Integer(),
  description: Type.String(),
  accountId: Id,
  quantity: Type.String(),
  unitPrice: Type.String(),
  discountPercent: Type.String(),
  taxIds: Type.Array(Id),
  net: Type.String(),
  tax: Type.String(),
  costCentreId: Nullable(Id),
  projectId: Nullable(Id),
  departmentId: Nullable(Id),
});

export const OpenItem = Type.Object({
  id: Id,
  companyId: Id,
  side: Type.String(),
  counterpartyId: Id,
  accountId: Id,
  invoiceId: Nullable(Id),
  paymentId: Nullable(Id),
  instalment: Type.Integer(),
  documentDate: Type.String(),
  dueDate: Type.String(),
  currency: Type.String(),
  rate: Type.String(),
  amount: Type.String(),
  amountInCompanyCurrency: Type.String(),
  outstanding: Type.String(),
  outstandingInCompanyCurrency: Type.String(),
  /** What live allocations settled of it (or, for a payment or credit, what it settled). */
  allocated: Type.String(),
  createdAt: Timestamp,
});

export const Allocation = Type.Object({
  id: Id,
  companyId: Id,
  openItemId: Id,
  settledById: Id,
  paymentId: Nullable(Id),
  allocatedOn: Type.String(),
  amount: Type.String(),
  amountAtItemRate: Type.String(),
  amountAtSettlingRate: Type.String(),
  exchangeEntryId: Nullable(Id),
  undoesId: Nullable(Id),
  /** Set on an allocation that a later row undid. */
  undoneById: Nullable(Id),
  createdBy: Id,
  createdAt: Timestamp,
});

export const Invoice = Type.Object({
  id: Id,
  companyId: Id,
  kind: Type.String(),
  number: Nullable(Type.String()),
  status: Type.String(),
  counterpartyId: Id,
  clientId: Nullable(Id),
  sourceId: Nullable(Id),
  invoiceDate: Type.String(),
  currency: Type.String(),
  rate: Type.String(),
  paymentTermsId: Nullable(Id),
  taxRounding: Type.String(),
  netTotal: Type.String(),
  taxTotal: Type.String(),
  grossTotal: Type.String(),
  grossInCompanyCurrency: Type.String(),
  creditsInvoiceId: Nullable(Id),
  journalEntryId: Nullable(Id),
  memo: Nullable(Type.String()),
  postedAt: Nullable(Timestamp),
  postedBy: Nullable(Id),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lines: Type.Array(InvoiceLine),
  openItems: Type.Array(OpenItem),
});

export const InvoiceSummary = Type.Omit(Invoice, ['lines', 'openItems']);

export const PaymentFields = {
  companyId: Id,
  direction: literals(['in', 'out'] as const),
  counterpartyId: Id,
  journalId: Id,
  paymentDate: DateOnly,
  currency: Type.Optional(CurrencyCode),
  amount: PositiveDecimal,
  reference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  isRefund: Type.Optional(
    Type.Boolean({
      description:
        'Money paid back: out to a customer with a credit, or in from a supplier who owes us; it opens a debt on that side to settle the credit with',
    }),
  ),
};

export const PaymentInput = Type.Object(PaymentFields, { additionalProperties: false });

export const Payment = Type.Object({
  id: Id,
  companyId: Id,
  direction: Type.String(),
  number: Nullable(Type.String()),
  status: Type.String(),
  counterpartyId: Id,
  journalId: Id,
  paymentDate: Type.String(),
  currency: Type.String(),
  rate: Type.String(),
  amount: Type.String(),
  amountInCompanyCurrency: Type.String(),
  reference: Nullable(Type.String()),
  isRefund: Type.Boolean(),
  journalEntryId: Nullable(Id),
  postedAt: Nullable(Timestamp),
  postedBy: Nullable(Id),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  openItem: Nullable(OpenItem),
  allocations: Type.Array(Allocation),
});

export const PaymentSummary = Type.Omit(Payment, ['openItem', 'allocations']);

export const AllocationRequest = Type.Object(
  {
    openItemId: Id,
    amount: PositiveDecimal,
    allocatedOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);

export const Side = literals(['receivable', 'payable'] as const);

export const AgingRow = Type.Object({
  counterpartyId: Id,
  legalName: Type.String(),
  buckets: Type.Record(Type.String(), Type.String()),
  total: Type.String(),
});

export const AgingReport = Type.Object({
  companyId: Id,
  side: Type.String(),
  asOf: Type.String(),
  currency: Type.String(),
  rows: Type.Array(AgingRow),
  totals: Type.Record(Type.String(), Type.String()),
  total: Type.String(),
});
