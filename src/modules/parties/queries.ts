import {
  and,
  asc,
  eq,
  exists,
  gte,
  ilike,
  inArray,
  isNull,
  ne,
  notExists,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/actions/actor.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { conflict, type FieldError, invalid } from '../../platform/http/problem.js';
import { activeCustomFields } from './actions/party-rules.js';
import { CUSTOM_FILTER } from './party-schemas.js';
import { checkCustomValue } from './rules/custom-values.js';
import { nameKey } from './rules/name-key.js';
import { clientCounterparties, clients, contacts, counterparties } from './schema.js';
import { loadVisibleClient, visibleClients, visibleThroughClient } from './visibility.js';

/** What a new or imported client is compared on; every part is optional. */
export interface ClientProbe {
  name?: string | null;
  /** E.164. */
  phone?: string | null;
  /** Lower-cased. */
  email?: string | null;
  taxId?: string | null;
}

export interface DuplicateCandidate {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  responsibleUserId: string;
  archivedAt: Date | null;
  matchedBy: string[];
}

/** "BG 831-919-536" and "831919536" are one tax id; a VAT prefix may or may not have been typed. */
function taxIdForms(taxId: string): string[] {
  const plain = taxId.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  if (!plain) return [];
  const withoutPrefix = /^[A-Z]{2}\d/.test(plain) ? plain.slice(2) : plain;
  return [...new Set([plain, withoutPrefix])];
}

/**
 * Under row-level security an array `@>` or a trigram `%` cannot use an index (they are not
 * LEAKPROOF), so each would read every contact or client of the workspace for every new
 * client. The search terms (migration 0011) hold each contact's emails and phone digits as
 * whole terms, and each word of a name, in an index that equality and ranges can use.
 */
function termHolders(recordType: string, term: string) {
  return sql`(select record_id from search_terms where record_type = ${recordType} and at_word_start and term = ${term})`;
}

/** Clients with a name word beginning like one of the probe's words: the candidates for similarity. */
function clientsWithWordsLike(name: string) {
  const prefixes = [
    ...new Set(
      nameKey(name)
        .split(' ')
        .filter((w) => w.length >= 3)
        .map((w) => w.slice(0, 4)),
    ),
  ];
  if (!prefixes.length) return sql`(select null::uuid where false)`;
  const ranges = prefixes.map((p) => sql`(term >= ${p} and term < ${`${p}\u{10FFFF}`})`);
  return sql`(select record_id from search_terms where record_type = 'client' and at_word_start
    and (${sql.join(ranges, sql` or `)}))`;
}

/**
 * Clients that may be the same as the probe: the same tax id on a linked counterparty, the
 * same phone or email on the client or one of its contacts, the same name once legal forms
 * are dropped, or a name at least half the same by trigrams. Merged clients are left out;
 * a rep sees only their own (a rep must not learn that another rep's client exists).
 */
export async function findDuplicateClients(
  tx: Executor,
  actor: Actor,
  probe: ClientProbe,
  options: { exceptId?: string; limit?: number } = {},
): Promise<DuplicateCandidate[]> {
  const matches: [string, SQL][] = [];
  const taxIds = probe.taxId ? taxIdForms(probe.taxId) : [];
  if (taxIds.length)
    matches.push([
      'taxId',
      inArray(
        clients.id,
        tx
          .select({ id: clientCounterparties.clientId })
          .from(clientCounterparties)
          .innerJoin(counterparties, eq(counterparties.id, clientCounterparties.counterpartyId))
          .where(inArray(counterparties.taxId, taxIds)),
      ),
    ]);
  if (probe.phone)
    matches.push([
      'phone',
      or(
        eq(clients.phone, probe.phone),
        inArray(
          clients.id,
          tx
            .select({ id: contacts.clientId })
            .from(contacts)
            .where(inArray(contacts.id, termHolders('contact', probe.phone.replace(/\D/g, '')))),
        ),
      )!,
    ]);
  if (probe.email)
    matches.push([
      'email',
      or(
        eq(clients.email, probe.email),
        inArray(
          clients.id,
          tx
            .select({ id: contacts.clientId })
            .from(contacts)
            .where(inArray(contacts.id, termHolders('contact', probe.email))),
        ),
      )!,
    ]);
  const name = probe.name?.trim();
  if (name)
    matches.push([
      'name',
      or(
        eq(clients.nameKey, nameKey(name)),
        and(inArray(clients.id, clientsWithWordsLike(name)), sql`similarity(${clients.name}, ${name}) > 0.5`),
      )!,
    ]);
  if (!matches.length) return [];
  const matchedBy = sql<string[]>`array_remove(array[${sql.join(
    matches.map(([what, condition]) => sql`case when ${condition} then ${what} end`),
    sql`, `,
  )}]::text[], null)`;
  const rows = await tx
    .select({
      id: clients.id,
      name: clients.name,
      email: clients.email,
      phone: clients.phone,
      responsibleUserId: clients.responsibleUserId,
      archivedAt: clients.archivedAt,
      matchedBy,
    })
    .from(clients)
    .where(
      and(
        isNull(clients.mergedIntoId),
        options.exceptId ? ne(clients.id, options.exceptId) : undefined,
        visibleClients(actor),
        or(...matches.map(([, condition]) => condition)),
      ),
    )
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(200);
  // The strongest first: more kinds of match, then active before archived.
  return rows
    .sort(
      (a, b) => b.matchedBy.length - a.matchedBy.length || Number(!!a.archivedAt) - Number(!!b.archivedAt),
    )
    .slice(0, options.limit ?? 20);
}

/** The 409 for `refuseDuplicates`: each candidate named, on the field it matched. */
export function duplicatesProblem(
  noun: string,
  candidates: { id: string; title: string; matchedBy: string[] }[],
) {
  const errors: FieldError[] = candidates.flatMap((c) =>
    c.matchedBy.map((field) => ({ field, reason: `matches ${noun} "${c.title}" (${c.id})` })),
  );
  const list = candidates.map((c) => `"${c.title}" (${c.id}; same ${c.matchedBy.join(', ')})`).join('; ');
  return conflict(
    `Possible duplicates: ${list}. Use the existing ${noun}, merge, or send again without refuseDuplicates.`,
    errors,
  );
}

export interface CounterpartyProbe {
  legalName?: string | null;
  taxId?: string | null;
  country: string;
}

/** Counterparties with the same tax id in the same country, or a name at least half the same. */
export async function findDuplicateCounterparties(
  tx: Executor,
  actor: Actor,
  probe: CounterpartyProbe,
  options: { exceptId?: string } = {},
) {
  const matches: [string, SQL][] = [];
  if (probe.taxId)
    matches.push([
      'taxId',
      and(eq(counterparties.country, probe.country), eq(counterparties.taxId, probe.taxId))!,
    ]);
  const name = probe.legalName?.trim();
  if (name)
    matches.push([
      'legalName',
      sql`(${counterparties.legalName} % ${name} and similarity(${counterparties.legalName}, ${name}) > 0.5)`,
    ]);
  if (!matches.length) return [];
  const matchedBy = sql<string[]>`array_remove(array[${sql.join(
    matches.map(([what, condition]) => sql`case when ${condition} then ${what} end`),
    sql`, `,
  )}]::text[], null)`;
  const rows = await tx
    .select({
      id: counterparties.id,
      legalName: counterparties.legalName,
      taxId: counterparties.taxId,
      country: counterparties.country,
      matchedBy,
    })
    .from(counterparties)
    .where(
      and(
        isNull(counterparties.archivedAt),
        options.exceptId ? ne(counterparties.id, options.exceptId) : undefined,
        visibleCounterparties(actor),
        or(...matches.map(([, condition]) => condition)),
      ),
    )
    .orderBy(asc(counterparties.legalName))
    .limit(50);
  return rows.sort((a, b) => b.matchedBy.length - a.matchedBy.length).slice(0, 20);
}

/**
 * A rep sees a counterparty that signs for one of their clients (now or in the past), or one
 * that signs for nobody yet: they may have just entered it.
 */
export function visibleCounterparties(actor: Actor): SQL | undefined {
  if (!actor.ownRecordsOnly) return undefined;
  const links = (extra?: SQL) =>
    sql`(select 1 from ${clientCounterparties} where ${clientCounterparties.counterpartyId} = ${counterparties.id}${extra ? sql` and ${extra}` : sql``})`;
  return or(notExists(links()), exists(links(visibleThroughClient(actor, clientCounterparties.clientId))));
}

export async function loadVisibleCounterparty(tx: Tx, actor: Actor, id: string, lock = false) {
  const query = tx
    .select()
    .from(counterparties)
    .where(and(eq(counterparties.id, id), visibleCounterparties(actor)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** A client with the counterparties that sign for it from today on, and its contacts. */
export async function clientCard(tx: Tx, actor: Actor, id: string) {
  const client = await loadVisibleClient(tx, actor, id);
  const links = await tx
    .select({
      id: clientCounterparties.id,
      clientId: clientCounterparties.clientId,
      counterpartyId: clientCounterparties.counterpartyId,
      validFrom: clientCounterparties.validFrom,
      validTo: clientCounterparties.validTo,
      createdAt: clientCounterparties.createdAt,
      legalName: counterparties.legalName,
      kind: counterparties.kind,
      taxId: counterparties.taxId,
      country: counterparties.country,
    })
    .from(clientCounterparties)
    .innerJoin(counterparties, eq(counterparties.id, clientCounterparties.counterpartyId))
    .where(
      and(
        eq(clientCounterparties.clientId, id),
        or(isNull(clientCounterparties.validTo), gte(clientCounterparties.validTo, sql`current_date`)),
      ),
    )
    .orderBy(asc(clientCounterparties.validFrom), asc(clientCounterparties.id));
  const people = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.clientId, id), isNull(contacts.archivedAt)))
    .orderBy(asc(contacts.firstName), asc(contacts.id));
  return { ...client, counterparties: links, contacts: people };
}

/**
 * `custom.<key>=<value>` filters of a list: text fields match a fragment, case-insensitively;
 * the other types match the value exactly as it is stored (so "12.50" finds "12.5").
 */
export async function customFilters(
  tx: Tx,
  entity: string,
  query: Record<string, unknown>,
  column: AnyPgColumn,
): Promise<SQL[]> {
  const wanted = Object.entries(query).flatMap(([name, value]) => {
    const key = CUSTOM_FILTER.exec(name)?.[1];
    return key ? [{ key, name, value }] : [];
  });
  if (!wanted.length) return [];
  const fields = new Map((await activeCustomFields(tx, entity)).map((f) => [f.key, f]));
  const errors: FieldError[] = [];
  const conditions: SQL[] = [];
  for (const { key, name, value } of wanted) {
    const field = fields.get(key);
    if (!field) {
      errors.push({ field: name, reason: `is not a custom field of ${entity}s` });
      continue;
    }
    const checked = checkCustomValue(field, value);
    if (!checked.ok) {
      errors.push({ field: name, reason: checked.reason });
      continue;
    }
    if (field.type === 'text') {
      conditions.push(ilike(sql`${column}->>${key}`, `%${checked.value.replace(/[\\%_]/g, '\\$&')}%`));
    } else {
      conditions.push(sql`${column} @> ${JSON.stringify({ [key]: checked.value })}::jsonb`);
    }
  }
  if (errors.length) throw invalid(errors);
  return conditions;
}
