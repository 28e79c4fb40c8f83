import { Type } from 'typebox';
import { Id, Nullable, Timestamp } from '../../../platform/http/schemas.js';

const Money = Type.String({ description: 'A decimal string in the company currency' });

export const RevaluedItem = Type.Object({
  id: Id,
  side: Type.String(),
  accountId: Id,
  counterpartyId: Id,
  legalName: Type.String(),
  invoiceId: Nullable(Id),
  paymentId: Nullable(Id),
  documentDate: Type.String(),
  dueDate: Type.String(),
  currency: Type.String(),
  outstanding: Type.String({ description: 'On the date, in the item currency, signed' }),
  rate: Type.String(),
  outstandingInCompanyCurrency: Type.String({ description: 'What the books carry it at' }),
  revaluedInCompanyCurrency: Type.String({ description: 'At the rate of the date' }),
  difference: Type.String(),
});

export const RevaluationPreview = Type.Object({
  companyId: Id,
  date: Type.String(),
  reversalDate: Type.String(),
  side: Nullable(Type.String()),
  currency: Type.String({ description: 'The company currency' }),
  rates: Type.Array(Type.Object({ currency: Type.String(), rate: Type.String() })),
  items: Type.Array(RevaluedItem),
  totals: Type.Array(
    Type.Object({
      side: Type.String(),
      accountId: Id,
      currency: Type.String(),
      outstanding: Type.String(),
      outstandingInCompanyCurrency: Money,
      revaluedInCompanyCurrency: Money,
      difference: Money,
    }),
  ),
  lines: Type.Array(Type.Object({ accountId: Id, counterpartyId: Id, amount: Money })),
  gain: Money,
  loss: Money,
});

export const Revaluation = Type.Object({
  id: Id,
  companyId: Id,
  date: Type.String(),
  status: Type.String(),
  memo: Nullable(Type.String()),
  currency: Type.String(),
  gain: Money,
  loss: Money,
  entryId: Id,
  entryNumber: Nullable(Type.String()),
  reversalEntryId: Nullable(Id),
  reversalEntryNumber: Nullable(Type.String()),
  reversalDate: Nullable(Type.String()),
  postedAt: Nullable(Timestamp),
  postedBy: Nullable(Id),
});
