import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actions/actor.js';
import type { Tx } from '../../../platform/db/database.js';
import type { Address } from '../../../platform/directories/address.js';
import { countries, industries, positions } from '../../../platform/directories/schema.js';
import { conflict, type FieldError, invalid } from '../../../platform/http/problem.js';
import { companies, memberships } from '../../../platform/tenancy/schema.js';
import { type CustomFieldDefinition, checkCustomValues } from '../rules/custom-values.js';
import { normaliseEmail } from '../rules/normalise-email.js';
import { normalisePhone } from '../rules/normalise-phone.js';
import { clients, contacts, counterparties, customFields } from '../schema.js';
import { loadVisibleClient } from '../visibility.js';

/** Collects every wrong field of a request so one answer names them all. */
export class FieldProblems {
  readonly errors: FieldError[] = [];
  add(field: string, reason: string) {
    this.errors.push({ field, reason });
  }
  throwIfAny() {
    if (this.errors.length) throw invalid(this.errors);
  }
}

/** The country a national phone number is read in: the client's address, else the workspace's first company. */
export async function phoneCountry(tx: Tx, address?: Address | null): Promise<string | undefined> {
  if (address?.country) return address.country;
  const [company] = await tx
    .select({ address: companies.address })
    .from(companies)
    .where(isNull(companies.archivedAt))
    .orderBy(asc(companies.createdAt))
    .limit(1);
  return company?.address?.country;
}

export function cleanPhone(raw: string, country: string | undefined, field: string, problems: FieldProblems) {
  const phone = normalisePhone(raw, country);
  if (phone.ok) return phone.e164;
  problems.add(field, phone.reason);
  return raw;
}

export function cleanEmail(raw: string, field: string, problems: FieldProblems) {
  const email = normaliseEmail(raw);
  if (email.ok) return email.email;
  problems.add(field, email.reason);
  return raw;
}

/** An optional phone or email: null or blank clears it, undefined leaves it alone. */
export function cleanOptional(
  raw: string | null | undefined,
  clean: (value: string) => string,
): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  return clean(raw);
}

export const cleanPhones = (list: string[], country: string | undefined, problems: FieldProblems) => [
  ...new Set(list.map((raw, i) => cleanPhone(raw, country, `phones.${i}`, problems))),
];

export const cleanEmails = (list: string[], problems: FieldProblems) => [
  ...new Set(list.map((raw, i) => cleanEmail(raw, `emails.${i}`, problems))),
];

/** Tags keep the first spelling of each; "VIP" and "vip" are one tag. */
export function cleanTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags.map((t) => t.trim()).filter(Boolean))
    if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

/** The responsible person must be an active member of this workspace. */
export async function checkMember(tx: Tx, userId: string, field: string, problems: FieldProblems) {
  const [member] = await tx
    .select({ active: memberships.active })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  if (!member) problems.add(field, `no member of this workspace has the id ${userId}`);
  else if (!member.active) problems.add(field, 'is a member who is switched off');
}

const namedLists = { position: positions, industry: industries };

/** A position or industry from the shared lists, not archived. */
export async function checkListed(
  tx: Tx,
  list: keyof typeof namedLists,
  id: string,
  field: string,
  problems: FieldProblems,
) {
  const table = namedLists[list];
  const [row] = await tx.select({ archivedAt: table.archivedAt }).from(table).where(eq(table.id, id));
  if (!row) problems.add(field, `no ${list} in the list has the id ${id}`);
  else if (row.archivedAt) problems.add(field, `is an archived ${list}; restore it first`);
}

export async function checkCountry(tx: Tx, code: string, field: string, problems: FieldProblems) {
  const [row] = await tx
    .select({ archivedAt: countries.archivedAt })
    .from(countries)
    .where(eq(countries.code, code));
  if (!row) problems.add(field, `${code} is not in the country list`);
  else if (row.archivedAt) problems.add(field, `${code} is archived in the country list`);
}

export async function activeCustomFields(tx: Tx, entity: string): Promise<CustomFieldDefinition[]> {
  return tx
    .select({
      key: customFields.key,
      label: customFields.label,
      type: customFields.type,
      required: customFields.required,
      options: customFields.options,
    })
    .from(customFields)
    .where(and(eq(customFields.entity, entity), isNull(customFields.archivedAt)));
}

/** Where a reference field's id must point. */
const referenceTargets = {
  client: { table: clients, id: clients.id },
  contact: { table: contacts, id: contacts.id },
  counterparty: { table: counterparties, id: counterparties.id },
  user: { table: memberships, id: memberships.userId },
} as const;

async function checkReferences(
  tx: Tx,
  values: Record<string, string>,
  fields: CustomFieldDefinition[],
  problems: FieldProblems,
) {
  for (const field of fields) {
    const id = values[field.key];
    if (field.type !== 'reference' || !id) continue;
    const target = referenceTargets[field.options.references as keyof typeof referenceTargets];
    if (!target) continue;
    const found = await tx
      .select({ id: target.id })
      .from(target.table)
      .where(inArray(target.id, [id]));
    if (!found.length)
      problems.add(`custom.${field.key}`, `refers to a ${field.options.references} that does not exist`);
  }
}

/**
 * Checks `changes` to the custom values of a record of `entity` against the tenant's active
 * fields, and returns the values to store. Wrong values are added to `problems`.
 */
export async function applyCustomValues(
  tx: Tx,
  entity: string,
  changes: Record<string, unknown>,
  options: { current?: Record<string, unknown>; creating: boolean },
  problems: FieldProblems,
): Promise<Record<string, string>> {
  const fields = await activeCustomFields(tx, entity);
  const checked = checkCustomValues(changes, fields, { ...options, entityPlural: `${entity}s` });
  for (const e of checked.errors) problems.add(e.field, e.reason);
  const changedKeys = new Set(Object.keys(changes));
  await checkReferences(
    tx,
    checked.values,
    fields.filter((f) => changedKeys.has(f.key)),
    problems,
  );
  return checked.values;
}

/**
 * Locks a client the actor may see, for a change: when it is not theirs to see, 404 for a client
 * the URL names and 422 for one the body names (`inBody`); 409 when it was merged away or is
 * archived. `field` names it in the answer (`id`, `clientId`).
 */
export async function lockEditableClient(
  tx: Tx,
  actor: Actor,
  id: string,
  { field = 'id', doing = 'changing it', inBody = false } = {},
) {
  const client = await loadVisibleClient(tx, actor, id, {
    lock: true,
    bodyField: inBody ? field : undefined,
  });
  if (client.mergedIntoId)
    throw conflict(`Client "${client.name}" was merged into client ${client.mergedIntoId}; use that one.`, [
      { field, reason: 'was merged into another client' },
    ]);
  if (client.archivedAt)
    throw conflict(`Client "${client.name}" is archived; restore it before ${doing}.`, [
      { field, reason: 'is archived' },
    ]);
  return client;
}
