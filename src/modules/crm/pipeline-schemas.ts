import { type Static, Type } from 'typebox';
import { decimalText } from '../../platform/directories/index.js';
import { Id, Name, Nullable, Patterned, Timestamp } from '../../platform/http/schemas.js';
import type { StageRegulation as StageRegulationShape } from './schema.js';

/** The interaction kinds CRM records; a regulation may ask for a done one of any of them. */
const InteractionKind = Type.Union([
  Type.Literal('meeting'),
  Type.Literal('call_in'),
  Type.Literal('call_out'),
  Type.Literal('sms'),
  Type.Literal('email'),
  Type.Literal('note'),
]);

export const Probability = Patterned(
  '^(100(\\.0{1,2})?|\\d{1,2}(\\.\\d{1,2})?)$',
  'must be a percentage from 0 to 100 written as a string, e.g. "25" or "12.5"',
  { description: 'Chance of winning a deal in this stage, in percent, e.g. "25"' },
);

export const StageOutcome = Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')], {
  description: 'open: deals work here; won/lost: entering it closes the deal',
});

const RequiredField = Patterned(
  '^(amount|expectedClose|counterpartyId|contacts|custom\\.[A-Za-z][A-Za-z0-9_]{0,63})$',
  'must be amount, expectedClose, counterpartyId, contacts or custom.<field key>',
);

export const StageRegulation = Type.Object(
  {
    requiredFields: Type.Optional(
      Type.Array(RequiredField, {
        maxItems: 30,
        description:
          'Deal fields that must be filled: amount, expectedClose, counterpartyId, contacts, custom.<key>',
      }),
    ),
    tasksDone: Type.Optional(Type.Boolean({ description: 'Every open task of the deal must be done' })),
    interactionKinds: Type.Optional(
      Type.Array(InteractionKind, {
        maxItems: 6,
        description: 'At least one done interaction of each kind, linked to the deal',
      }),
    ),
    documentType: Type.Optional(
      Patterned('^[a-z][a-z0-9_]{0,49}$', 'must be a document type code in lower case, e.g. quotation', {
        description:
          'A linked document of this type, e.g. quotation. No module links documents to deals yet, ' +
          'so until one does a stage with this requirement cannot be entered.',
      }),
    ),
  },
  { additionalProperties: false, description: 'What must be true before a deal may enter the stage' },
);

export const StageFields = {
  name: Name,
  probability: Probability,
  outcome: Type.Optional(StageOutcome),
  regulation: Type.Optional(StageRegulation),
};

export const DealType = Type.String({
  minLength: 1,
  maxLength: 50,
  description: 'The kind of deal this pipeline is for, e.g. sales, service, tender',
});

export const Stage = Type.Object({
  id: Id,
  pipelineId: Id,
  name: Type.String(),
  position: Type.Integer({ description: 'Board order, from 1' }),
  probability: Type.String(),
  outcome: StageOutcome,
  regulation: StageRegulation,
  createdAt: Timestamp,
});

export const Pipeline = Type.Object({
  id: Id,
  name: Type.String(),
  dealType: Type.String(),
  isDefault: Type.Boolean({ description: 'New deals go here unless told otherwise' }),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
  stages: Type.Array(Stage),
});

export const LossReason = Type.Object({
  id: Id,
  name: Type.String(),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

/** A stage as the API shows it: probability without the padding numeric(5,2) adds. */
export const showStage = <
  S extends { probability: string; outcome: string; regulation: StageRegulationShape },
>(
  stage: S,
) => ({
  ...stage,
  probability: decimalText(stage.probability),
  outcome: stage.outcome as Static<typeof StageOutcome>,
  regulation: stage.regulation as Static<typeof StageRegulation>,
});
