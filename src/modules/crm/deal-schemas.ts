import { Decimal } from 'decimal.js';
import { Type } from 'typebox';
import { CurrencyCode } from '../../platform/directories/index.js';
import { DateOnly, Id, Name, Nullable, Patterned, Timestamp } from '../../platform/http/schemas.js';
import { StageOutcome } from './pipeline-schemas.js';

/** Money in a deal: zero or more, at most four places (numeric(19,4)); the currency's precision is checked too. */
export const Money = Patterned(
  '^\\d{1,15}(\\.\\d{1,4})?$',
  'must be an amount of zero or more written as a string, e.g. "1500.00"',
  { description: 'An amount as a string, e.g. "1500.00"' },
);

export const DealStatus = Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]);

export const Custom = Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), {
  description: "Values of the workspace's custom fields for deals, by field key",
});

export const DealContactInput = Type.Object(
  {
    contactId: Id,
    role: Type.Optional(
      Nullable(
        Type.String({ maxLength: 100, description: 'Their part in this deal: decision maker, user...' }),
      ),
    ),
  },
  { additionalProperties: false },
);

/** Fields a person may change on a deal; stage, status and closing go through moves. */
export const DealChanges = {
  title: Name,
  amount: Nullable(Money),
  currency: CurrencyCode,
  expectedClose: Nullable(DateOnly),
  responsibleUserId: Id,
  counterpartyId: Nullable(Id),
  sourceId: Nullable(Id),
  custom: Custom,
};

export const Deal = Type.Object({
  id: Id,
  title: Type.String(),
  pipelineId: Id,
  stageId: Id,
  stageName: Type.String(),
  clientId: Id,
  clientName: Type.String(),
  counterpartyId: Nullable(Id),
  amount: Nullable(Type.String()),
  currency: Type.String(),
  expectedClose: Nullable(DateOnly),
  responsibleUserId: Id,
  responsibleName: Nullable(Type.String()),
  sourceId: Nullable(Id),
  status: DealStatus,
  lossReasonId: Nullable(Id),
  lossNote: Nullable(Type.String()),
  closedAt: Nullable(Timestamp),
  custom: Custom,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const Named = Type.Object({ id: Id, name: Type.String() });

export const DealCard = Type.Object({
  ...Deal.properties,
  pipeline: Named,
  stage: Type.Object({ id: Id, name: Type.String(), probability: Type.String(), outcome: StageOutcome }),
  lossReason: Nullable(Named),
  contacts: Type.Array(
    Type.Object({
      contactId: Id,
      firstName: Type.String(),
      lastName: Nullable(Type.String()),
      role: Nullable(Type.String()),
      emails: Type.Array(Type.String()),
      phones: Type.Array(Type.String()),
    }),
  ),
  history: Type.Array(
    Type.Object({
      id: Id,
      stageId: Id,
      stageName: Type.String(),
      enteredAt: Timestamp,
      enteredBy: Nullable(Id),
      enteredByName: Nullable(Type.String()),
      leftAt: Nullable(Timestamp),
      leftBy: Nullable(Id),
      leftByName: Nullable(Type.String()),
    }),
    { description: 'Every stage the deal was in, first to last' },
  ),
});

/** Money as the API shows it: to the places of its currency, not the four the column keeps. */
export function showMoney(amount: string | null, precision: number | null): string | null {
  if (amount === null) return null;
  return new Decimal(amount).toFixed(precision ?? 2);
}
