import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Static } from 'typebox';
import type { Actor } from '../../platform/actions/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { decimalText } from '../../platform/directories/index.js';
import { currencies } from '../../platform/directories/schema.js';
import { notFound } from '../../platform/http/problem.js';
import { users } from '../../platform/tenancy/schema.js';
import { clients, contacts } from '../parties/schema.js';
import { visibleThroughClient } from '../parties/visibility.js';
import { type DealStatus, showMoney } from './deal-schemas.js';
import type { StageOutcome } from './rules/stage-order.js';
import { dealContacts, dealStageHistory, deals, lossReasons, pipelines, stages } from './schema.js';

/** What a deal shows in lists and on the board: its own fields with the names people read. */
export const dealColumns = {
  id: deals.id,
  title: deals.title,
  pipelineId: deals.pipelineId,
  stageId: deals.stageId,
  stageName: stages.name,
  clientId: deals.clientId,
  clientName: clients.name,
  counterpartyId: deals.counterpartyId,
  amount: deals.amount,
  currency: deals.currency,
  precision: currencies.precision,
  expectedClose: deals.expectedClose,
  responsibleUserId: deals.responsibleUserId,
  responsibleName: users.name,
  sourceId: deals.sourceId,
  status: deals.status,
  lossReasonId: deals.lossReasonId,
  lossNote: deals.lossNote,
  closedAt: deals.closedAt,
  custom: deals.custom,
  createdAt: deals.createdAt,
  updatedAt: deals.updatedAt,
};

/** Deals with their stage, client, currency and responsible joined; visible to the actor, not archived. */
export function selectDeals(tx: Executor, actor: Actor, where: (SQL | undefined)[]) {
  return tx
    .select(dealColumns)
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .innerJoin(clients, eq(clients.id, deals.clientId))
    .leftJoin(currencies, eq(currencies.code, deals.currency))
    .leftJoin(users, eq(users.id, deals.responsibleUserId))
    .where(and(isNull(deals.archivedAt), visibleThroughClient(actor, deals.clientId), ...where));
}

type DealListRow = Awaited<ReturnType<typeof selectDeals>>[number];

/** A deal row as the API shows it: its amount to the places of its currency. */
export function showDeal({ precision, ...deal }: DealListRow) {
  return {
    ...deal,
    amount: showMoney(deal.amount, precision),
    status: deal.status as Static<typeof DealStatus>,
  };
}

const enteredBy = alias(users, 'entered_by_user');
const leftBy = alias(users, 'left_by_user');

/** The deal card: the deal, its pipeline and stage, its contacts and every stage it was in. */
export async function dealCard(tx: Executor, actor: Actor, id: string) {
  const [deal] = await selectDeals(tx, actor, [eq(deals.id, id)]);
  if (!deal) throw notFound('Deal', id);
  // One after another: a transaction is one connection, and queries on it queue anyway.
  const [pipeline] = await tx
    .select({ id: pipelines.id, name: pipelines.name })
    .from(pipelines)
    .where(eq(pipelines.id, deal.pipelineId));
  const [stage] = await tx
    .select({ id: stages.id, name: stages.name, probability: stages.probability, outcome: stages.outcome })
    .from(stages)
    .where(eq(stages.id, deal.stageId));
  const [lossReason] = deal.lossReasonId
    ? await tx
        .select({ id: lossReasons.id, name: lossReasons.name })
        .from(lossReasons)
        .where(eq(lossReasons.id, deal.lossReasonId))
    : [];
  const people = await tx
    .select({
      contactId: dealContacts.contactId,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      role: dealContacts.role,
      emails: contacts.emails,
      phones: contacts.phones,
    })
    .from(dealContacts)
    .innerJoin(contacts, eq(contacts.id, dealContacts.contactId))
    .where(eq(dealContacts.dealId, id))
    .orderBy(asc(contacts.firstName), asc(contacts.id));
  const history = await tx
    .select({
      id: dealStageHistory.id,
      stageId: dealStageHistory.stageId,
      stageName: stages.name,
      enteredAt: dealStageHistory.enteredAt,
      enteredBy: dealStageHistory.enteredBy,
      enteredByName: enteredBy.name,
      leftAt: dealStageHistory.leftAt,
      leftBy: dealStageHistory.leftBy,
      leftByName: leftBy.name,
    })
    .from(dealStageHistory)
    .innerJoin(stages, eq(stages.id, dealStageHistory.stageId))
    .leftJoin(enteredBy, eq(enteredBy.id, dealStageHistory.enteredBy))
    .leftJoin(leftBy, eq(leftBy.id, dealStageHistory.leftBy))
    .where(eq(dealStageHistory.dealId, id))
    .orderBy(asc(dealStageHistory.enteredAt), asc(dealStageHistory.id));
  return {
    ...showDeal(deal),
    pipeline,
    stage: { ...stage, probability: decimalText(stage.probability), outcome: stage.outcome as StageOutcome },
    lossReason: lossReason ?? null,
    contacts: people,
    history,
  };
}
