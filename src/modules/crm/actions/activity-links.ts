import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actions/actor.js';
import type { Tx } from '../../../platform/db/database.js';
import { invalid, invalidField } from '../../../platform/http/problem.js';
import { ownRecordsOnly } from '../../../platform/rbac/own-records.js';
import { companies, memberships } from '../../../platform/tenancy/schema.js';
import { clients, contacts } from '../../parties/schema.js';
import { assertMayAssign, visibleClients, visibleThroughClient } from '../../parties/visibility.js';
import { type LinkedRecord, linkedClient } from '../rules/record-links.js';
import { clientAttribution, deals, leads, sources } from '../schema.js';

/**
 * createdAt and updatedAt for a new row, to the millisecond. List cursors carry milliseconds, and
 * now() on PostgreSQL has microseconds: a page would skip rows made in the same millisecond.
 */
export function stampedNow() {
  const now = new Date();
  return { createdAt: now, updatedAt: now };
}

/** Leads have no client yet: a rep sees the leads they are responsible for. */
export const visibleLeads = (actor: Actor) => ownRecordsOnly(actor, leads.responsibleUserId);

/**
 * Who is responsible: the one asked for, else the actor. A rep may only name themselves; the
 * person must be an active member of the workspace.
 */
export async function responsibleUser(tx: Tx, actor: Actor, requested: string | undefined, field: string) {
  const userId = requested ?? actor.userId;
  if (!userId) throw invalidField(field, 'is required: the system acts for nobody in particular');
  assertMayAssign(actor, userId);
  if (userId !== actor.userId) await assertActiveMember(tx, actor.tenantId, userId, field);
  return userId;
}

export async function assertActiveMember(tx: Tx, tenantId: string, userId: string, field: string) {
  // The tenant is named as well: a member also sees their own memberships in other workspaces.
  const [member] = await tx
    .select({ active: memberships.active })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  if (!member?.active) throw invalidField(field, 'is not an active member of this workspace');
}

/** A source new records may name: in the list and not archived. */
export async function assertSourceUsable(tx: Tx, sourceId: string, field = 'sourceId') {
  const [source] = await tx
    .select({ name: sources.name, archivedAt: sources.archivedAt })
    .from(sources)
    .where(eq(sources.id, sourceId));
  if (!source) throw invalidField(field, 'refers to no source in the list');
  if (source.archivedAt)
    throw invalidField(field, `is the archived source "${source.name}"; restore it first`);
}

/** The source that first brought the client: what its interactions are attributed to unless told otherwise. */
export async function firstSourceOf(tx: Tx, clientId: string): Promise<string | null> {
  const [row] = await tx
    .select({ sourceId: clientAttribution.firstSourceId })
    .from(clientAttribution)
    .where(eq(clientAttribution.clientId, clientId));
  return row?.sourceId ?? null;
}

/** Phones written without a country code are read as numbers of the country the workspace's first company is in. */
export async function workspaceCountry(tx: Tx): Promise<string | undefined> {
  const rows = await tx
    .select({ address: companies.address })
    .from(companies)
    .where(isNull(companies.archivedAt))
    .orderBy(companies.createdAt);
  return rows.find((r) => r.address?.country)?.address?.country;
}

export interface LinkIds {
  clientId?: string | null;
  contactId?: string | null;
  dealId?: string | null;
  leadId?: string | null;
}

/**
 * Loads what an interaction or task links to, as the actor may see it, and checks that it is
 * all about one client. A record the actor cannot see is refused as if it did not exist.
 */
export async function resolveLinks(tx: Tx, actor: Actor, ids: LinkIds) {
  const missing = (field: string, noun: string) => ({ field, reason: `refers to no ${noun} you can see` });
  const errors = [];
  if (ids.clientId) {
    const [client] = await tx
      .select({ id: clients.id, archivedAt: clients.archivedAt })
      .from(clients)
      .where(and(eq(clients.id, ids.clientId), visibleClients(actor)));
    if (!client) errors.push(missing('clientId', 'client'));
    else if (client.archivedAt)
      errors.push({
        field: 'clientId',
        reason: 'is an archived client; restore it (or use the one it was merged into)',
      });
  }
  let contact: LinkedRecord | undefined;
  if (ids.contactId) {
    [contact] = await tx
      .select({ id: contacts.id, clientId: contacts.clientId })
      .from(contacts)
      .where(and(eq(contacts.id, ids.contactId), visibleThroughClient(actor, contacts.clientId)));
    if (!contact) errors.push(missing('contactId', 'contact'));
  }
  let deal: LinkedRecord | undefined;
  if (ids.dealId) {
    [deal] = await tx
      .select({ id: deals.id, clientId: deals.clientId })
      .from(deals)
      .where(and(eq(deals.id, ids.dealId), visibleThroughClient(actor, deals.clientId)));
    if (!deal) errors.push(missing('dealId', 'deal'));
  }
  let lead: LinkedRecord | undefined;
  if (ids.leadId) {
    [lead] = await tx
      .select({ id: leads.id, clientId: leads.clientId })
      .from(leads)
      .where(and(eq(leads.id, ids.leadId), visibleLeads(actor)));
    if (!lead) errors.push(missing('leadId', 'lead'));
  }
  if (errors.length) throw invalid(errors);
  const linked = linkedClient({ clientId: ids.clientId, contact, deal, lead });
  if (!linked.ok) throw invalid(linked.errors);
  return linked.clientId;
}
