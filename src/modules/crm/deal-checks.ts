import { Decimal } from 'decimal.js';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actions/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { assertCurrencyListed } from '../../platform/directories/actions/directory-rules.js';
import { currencies } from '../../platform/directories/schema.js';
import { type FieldError, invalid, invalidField, notFound, Problem } from '../../platform/http/problem.js';
import { memberships } from '../../platform/tenancy/schema.js';
import { checkCustomValues } from '../parties/rules/custom-values.js';
import { clientCounterparties, clients, contacts, counterparties, customFields } from '../parties/schema.js';
import { visibleClients, visibleThroughClient } from '../parties/visibility.js';
import { type DealSnapshot, missingForStage } from './rules/stage-regulation.js';
import { dealContacts, deals, interactions, pipelines, sources, stages, tasks } from './schema.js';

export type DealRow = typeof deals.$inferSelect;
type StageRow = typeof stages.$inferSelect;

/** A deal the actor may see, or 404: a rep must not learn that another rep's deal exists. */
export async function loadVisibleDeal(tx: Tx, actor: Actor, id: string, options: { lock?: boolean } = {}) {
  const query = tx
    .select()
    .from(deals)
    .where(and(eq(deals.id, id), isNull(deals.archivedAt), visibleThroughClient(actor, deals.clientId)));
  const [deal] = options.lock ? await query.for('update') : await query;
  if (!deal) throw notFound('Deal', id);
  return deal;
}

/** A client the actor may see and work with, named as a field of the request when it is not. */
export async function usableClient(tx: Tx, actor: Actor, clientId: string, field = 'clientId') {
  const [client] = await tx
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), visibleClients(actor)));
  if (!client) throw invalidField(field, `client ${clientId} does not exist`);
  if (client.archivedAt) throw invalidField(field, `client "${client.name}" is archived`);
  return client;
}

/** The client of a deal the actor already sees, for naming it in messages. */
export async function clientOfDeal(tx: Tx, deal: { clientId: string }) {
  const [client] = await tx
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(eq(clients.id, deal.clientId));
  return client;
}

/** The pipeline asked for, or the default one; archived pipelines take no deals. */
export async function pipelineForNewDeal(tx: Tx, pipelineId: string | undefined, field = 'pipelineId') {
  const [pipeline] = await tx
    .select()
    .from(pipelines)
    .where(
      pipelineId
        ? eq(pipelines.id, pipelineId)
        : and(eq(pipelines.isDefault, true), isNull(pipelines.archivedAt)),
    )
    .limit(1);
  if (!pipeline)
    throw invalidField(
      field,
      pipelineId ? `pipeline ${pipelineId} does not exist` : 'is required: no pipeline is the default yet',
    );
  if (pipeline.archivedAt) throw invalidField(field, `pipeline "${pipeline.name}" is archived`);
  return pipeline;
}

/** A stage of the given pipeline, or the field names what is wrong. */
export async function stageOfPipeline(tx: Tx, pipeline: { id: string; name: string }, stageId: string) {
  const [stage] = await tx
    .select()
    .from(stages)
    .where(and(eq(stages.id, stageId), eq(stages.pipelineId, pipeline.id), isNull(stages.archivedAt)));
  if (!stage) throw invalidField('stageId', `is not a stage of pipeline "${pipeline.name}"`);
  return stage;
}

/** The pipeline's stage with the given outcome first in board order. */
export async function firstStageWith(tx: Tx, pipelineId: string, outcome: 'open' | 'won' | 'lost') {
  const [stage] = await tx
    .select()
    .from(stages)
    .where(and(eq(stages.pipelineId, pipelineId), eq(stages.outcome, outcome), isNull(stages.archivedAt)))
    .orderBy(stages.position, stages.id)
    .limit(1);
  return stage;
}

/**
 * An amount must be in a currency of the list that is switched on, with no more decimal places
 * than the currency has: money is kept to the currency's precision, never silently rounded.
 */
export async function assertAmountFits(tx: Tx, amount: string | null | undefined, currency: string) {
  await assertCurrencyListed(tx, currency, 'currency', { active: true });
  if (amount === null || amount === undefined) return;
  const [{ precision }] = await tx
    .select({ precision: currencies.precision })
    .from(currencies)
    .where(eq(currencies.code, currency));
  if (new Decimal(amount).decimalPlaces() > precision)
    throw invalidField(
      'amount',
      `has more decimal places than ${currency} has (${precision}); round it to ${new Decimal(amount).toFixed(precision, Decimal.ROUND_HALF_EVEN)} or give it exactly`,
    );
}

/** Someone made responsible must work in this workspace. */
export async function assertMember(tx: Tx, tenantId: string, userId: string, field = 'responsibleUserId') {
  const [member] = await tx
    .select({ active: memberships.active })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  if (!member?.active) throw invalidField(field, 'is not an active member of this workspace');
}

export async function assertSourceExists(tx: Tx, sourceId: string | null | undefined) {
  if (!sourceId) return;
  const [source] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, sourceId));
  if (!source) throw invalidField('sourceId', `source ${sourceId} does not exist`);
}

/** A deal's counterparty signs for its client: it must be linked to the client, now or before. */
export async function assertCounterpartyOfClient(
  tx: Tx,
  counterpartyId: string | null | undefined,
  client: { id: string; name: string },
) {
  if (!counterpartyId) return;
  const [found] = await tx
    .select({ linked: sql<boolean>`${clientCounterparties.id} is not null` })
    .from(counterparties)
    .leftJoin(
      clientCounterparties,
      and(
        eq(clientCounterparties.counterpartyId, counterparties.id),
        eq(clientCounterparties.clientId, client.id),
      ),
    )
    .where(eq(counterparties.id, counterpartyId))
    .limit(1);
  if (!found) throw invalidField('counterpartyId', `counterparty ${counterpartyId} does not exist`);
  if (!found.linked)
    throw invalidField(
      'counterpartyId',
      `is not a counterparty of client "${client.name}"; link it to the client first`,
    );
}

/**
 * Custom values checked against the fields the tenant defined for deals (parties' rule) and
 * written the one way they are stored; `current` are the deal's values before the change.
 */
export async function checkedCustomValues(
  tx: Tx,
  changes: Record<string, unknown> | undefined,
  current: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  const fields = await tx
    .select({
      key: customFields.key,
      label: customFields.label,
      type: customFields.type,
      required: customFields.required,
      options: customFields.options,
    })
    .from(customFields)
    .where(and(eq(customFields.entity, 'deal'), isNull(customFields.archivedAt)));
  const { values, errors } = checkCustomValues(changes ?? {}, fields, {
    current,
    creating: current === undefined,
    entityPlural: 'deals',
  });
  if (errors.length) throw invalid(errors);
  return values;
}

/** The contacts of a deal must be people at its client, each named once. */
export async function assertContactsOfClient(
  tx: Tx,
  client: { id: string; name: string },
  wanted: { contactId: string }[],
  field = 'contacts',
) {
  if (!wanted.length) return;
  const ids = wanted.map((c) => c.contactId);
  const found = await tx
    .select({ id: contacts.id, clientId: contacts.clientId, archivedAt: contacts.archivedAt })
    .from(contacts)
    .where(inArray(contacts.id, ids));
  const byId = new Map(found.map((c) => [c.id, c]));
  const problems: FieldError[] = [];
  wanted.forEach(({ contactId }, index) => {
    const at = `${field}.${index}.contactId`;
    const contact = byId.get(contactId);
    if (ids.indexOf(contactId) !== index)
      problems.push({ field: at, reason: 'names a contact a second time' });
    else if (!contact || contact.clientId !== client.id)
      problems.push({ field: at, reason: `is not a contact of client "${client.name}"` });
    else if (contact.archivedAt) problems.push({ field: at, reason: 'is an archived contact' });
  });
  if (problems.length) throw invalid(problems);
}

/** The deal as its stage regulations see it: its fields, contacts, open tasks and done interactions. */
export async function dealSnapshot(tx: Tx, deal: DealRow): Promise<DealSnapshot> {
  const [contactCount] = await tx
    .select({ n: count() })
    .from(dealContacts)
    .where(eq(dealContacts.dealId, deal.id));
  const [openTasks] = await tx
    .select({ n: count() })
    .from(tasks)
    .where(and(eq(tasks.dealId, deal.id), eq(tasks.status, 'open')));
  const kinds = await tx
    .selectDistinct({ kind: interactions.kind })
    .from(interactions)
    .where(and(eq(interactions.dealId, deal.id), eq(interactions.status, 'done')));
  return {
    fields: deal,
    contactCount: contactCount.n,
    openTaskCount: openTasks.n,
    doneInteractionKinds: kinds.map((k) => k.kind),
    // No module links documents to deals yet: a regulation asking for one cannot be met.
    linkedDocumentTypes: [],
  };
}

/** Refuses to let a deal into a stage until its regulation is met, naming every missing thing. */
export function assertMayEnter(title: string, stage: StageRow, snapshot: DealSnapshot) {
  const missing = missingForStage(stage.name, stage.regulation, snapshot);
  if (!missing.length) return;
  throw new Problem(
    422,
    'The stage regulation is not met',
    `Deal "${title}" cannot enter "${stage.name}" yet: ${missing.map((m) => `${m.field} ${m.reason}`).join('; ')}.`,
    missing,
  );
}
