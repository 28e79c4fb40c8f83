import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalidField } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { assertMayAssign } from '../../parties/visibility.js';
import {
  assertAmountFits,
  assertContactsOfClient,
  assertCounterpartyOfClient,
  assertMayEnter,
  assertMember,
  assertSourceExists,
  checkedCustomValues,
  firstStageWith,
  pipelineForNewDeal,
  stageOfPipeline,
  usableClient,
} from '../deal-checks.js';
import { DealChanges, DealContactInput } from '../deal-schemas.js';
import { dealContacts, dealStageHistory, deals } from '../schema.js';

const { title, currency, ...optional } = DealChanges;

/**
 * Opens a deal with a client the actor can see. It starts in the pipeline's first open stage
 * (the default pipeline unless one is named) or in the open stage given, whose regulation it
 * must meet like any move; its stage history starts with that entry.
 */
export const createDeal = defineAction({
  name: 'crm.createDeal',
  input: Type.Object(
    {
      title,
      currency,
      clientId: Id,
      pipelineId: Type.Optional(Id),
      stageId: Type.Optional(Id),
      ...Type.Partial(Type.Object(optional)).properties,
      contacts: Type.Optional(Type.Array(DealContactInput, { maxItems: 100 })),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, input) {
    const { tx, actor } = ctx;
    const client = await usableClient(tx, actor, input.clientId);
    const pipeline = await pipelineForNewDeal(tx, input.pipelineId);
    const stage = input.stageId
      ? await stageOfPipeline(tx, pipeline, input.stageId)
      : await firstStageWith(tx, pipeline.id, 'open');
    if (!stage) throw invalidField('pipelineId', `pipeline "${pipeline.name}" has no open stage`);
    if (stage.outcome !== 'open')
      throw invalidField('stageId', `"${stage.name}" closes deals; a deal starts in an open stage`);
    const responsibleUserId = input.responsibleUserId ?? actor.userId ?? client.responsibleUserId;
    assertMayAssign(actor, responsibleUserId);
    await assertMember(tx, ctx.tenantId, responsibleUserId);
    await assertAmountFits(tx, input.amount, input.currency);
    await assertCounterpartyOfClient(tx, input.counterpartyId, client);
    await assertSourceExists(tx, input.sourceId);
    const custom = await checkedCustomValues(tx, input.custom, undefined);
    const wanted = input.contacts ?? [];
    await assertContactsOfClient(tx, client, wanted);

    const values = {
      tenantId: ctx.tenantId,
      title: input.title,
      pipelineId: pipeline.id,
      stageId: stage.id,
      clientId: client.id,
      counterpartyId: input.counterpartyId ?? null,
      amount: input.amount ?? null,
      currency: input.currency,
      expectedClose: input.expectedClose ?? null,
      responsibleUserId,
      sourceId: input.sourceId ?? null,
      custom,
    };
    assertMayEnter(input.title, stage, {
      fields: values,
      contactCount: wanted.length,
      openTaskCount: 0,
      doneInteractionKinds: [],
      linkedDocumentTypes: [],
    });

    const [deal] = await tx.insert(deals).values(values).returning();
    if (wanted.length)
      await tx.insert(dealContacts).values(
        wanted.map((c) => ({
          tenantId: ctx.tenantId,
          dealId: deal.id,
          contactId: c.contactId,
          role: c.role ?? null,
        })),
      );
    await tx.insert(dealStageHistory).values({
      tenantId: ctx.tenantId,
      dealId: deal.id,
      stageId: stage.id,
      enteredAt: deal.createdAt,
      enteredBy: actor.userId,
    });
    ctx.audit({ entity: 'deal', entityId: deal.id, after: { ...deal, contacts: wanted } });
    ctx.emit('crm.dealCreated', {
      dealId: deal.id,
      clientId: client.id,
      pipelineId: pipeline.id,
      stageId: stage.id,
      sourceId: deal.sourceId,
    });
    return deal;
  },
});
