import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { newId } from '../../../platform/db/columns.js';
import type { Tx } from '../../../platform/db/database.js';
import { Id } from '../../../platform/http/schemas.js';
import { type ImportRow, MAX_IMPORT_ROWS, type RowError } from '../rules/csv-rows.js';
import { type Duplicate, findDuplicates } from '../rules/lead-duplicates.js';
import { checkLeadIntake } from '../rules/lead-intake.js';
import { leads, sources } from '../schema.js';
import { assertSourceUsable, responsibleUser, workspaceCountry } from './activity-links.js';
import { insertLeads, type NewLead } from './create-lead.js';

const Cell = Type.Optional(Type.String({ maxLength: 10_000 }));
export const ImportRowSchema = Type.Object(
  {
    row: Type.Integer({ minimum: 1 }),
    contactName: Cell,
    clientName: Cell,
    email: Cell,
    phone: Cell,
    message: Cell,
    source: Cell,
  },
  { additionalProperties: false },
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A row's `source`: a source's id, or its name in any case; a name two kinds share must be given by id. */
async function sourceFinder(tx: Tx) {
  const usable = await tx
    .select({ id: sources.id, name: sources.name })
    .from(sources)
    .where(isNull(sources.archivedAt));
  return (text: string): { id: string } | { reason: string } => {
    if (UUID.test(text)) {
      const byId = usable.find((s) => s.id === text.toLowerCase());
      return byId ?? { reason: 'refers to no source in the list' };
    }
    const named = usable.filter((s) => s.name.toLowerCase() === text.trim().toLowerCase());
    if (named.length === 1) return named[0];
    if (named.length === 0)
      return { reason: `"${text}" is not a source in the list; add it under Sources first` };
    return {
      reason: `"${text}" names ${named.length} sources of different kinds; give the source's id instead`,
    };
  };
}

async function openLeadsMatching(tx: Tx, emails: string[], phones: string[]) {
  const matches = [
    emails.length ? inArray(leads.email, emails) : undefined,
    phones.length ? inArray(leads.phone, phones) : undefined,
  ].filter(Boolean);
  if (!matches.length) return [];
  return tx
    .select({
      id: leads.id,
      email: leads.email,
      phone: leads.phone,
      responsibleUserId: leads.responsibleUserId,
    })
    .from(leads)
    .where(and(eq(leads.status, 'new'), or(...matches)));
}

/**
 * Imports leads from rows of a file: every row is checked on its own and reported by its number;
 * the good ones are created together, except those repeating an open lead (or an earlier row)
 * by email or phone, which are reported and left out.
 */
export const importLeads = defineAction({
  name: 'crm.importLeads',
  input: Type.Object(
    {
      rows: Type.Array(ImportRowSchema, { maxItems: MAX_IMPORT_ROWS }),
      sourceId: Type.Optional(Id),
      responsibleUserId: Type.Optional(Id),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, input) {
    const responsibleUserId = await responsibleUser(
      ctx.tx,
      ctx.actor,
      input.responsibleUserId,
      'responsibleUserId',
    );
    if (input.sourceId) await assertSourceUsable(ctx.tx, input.sourceId);
    const defaultCountry = await workspaceCountry(ctx.tx);
    const findSource = await sourceFinder(ctx.tx);

    const sourceOf = (row: ImportRow): { id: string } | { reason: string } => {
      if (row.source) return findSource(row.source);
      if (input.sourceId) return { id: input.sourceId };
      return { reason: 'is required: name a source in the row, or give sourceId for the whole import' };
    };

    const errors: RowError[] = [];
    const candidates: (NewLead & { id: string; row: number })[] = [];
    for (const row of input.rows as ImportRow[]) {
      const intake = checkLeadIntake(
        {
          contactName: row.contactName,
          clientName: row.clientName,
          email: row.email,
          phone: row.phone,
          message: row.message,
        },
        { defaultCountry },
      );
      const source = sourceOf(row);
      if (!intake.ok) errors.push(...intake.errors.map((e) => ({ row: row.row, ...e })));
      if ('reason' in source) errors.push({ row: row.row, field: 'source', reason: source.reason });
      if (!intake.ok || 'reason' in source) continue;
      candidates.push({ id: newId(), row: row.row, ...intake.lead, sourceId: source.id, responsibleUserId });
    }

    const open = await openLeadsMatching(
      ctx.tx,
      candidates.flatMap((c) => (c.email ? [c.email] : [])),
      candidates.flatMap((c) => (c.phone ? [c.phone] : [])),
    );
    // A rep learns that a lead exists, but not which, when it is a colleague's.
    const seen = new Set(
      open
        .filter((l) => !ctx.actor.ownRecordsOnly || l.responsibleUserId === ctx.actor.userId)
        .map((l) => l.id),
    );
    const duplicates: Duplicate[] = findDuplicates(candidates, open).map(({ leadId, ...d }) =>
      leadId && seen.has(leadId) ? { ...d, leadId } : d,
    );
    const skipped = new Set(duplicates.map((d) => d.row));
    const fresh = candidates.filter((c) => !skipped.has(c.row));
    await insertLeads(
      ctx,
      fresh.map(({ row: _row, ...lead }) => lead),
      'import',
    );
    return { created: fresh.map((c) => ({ row: c.row, id: c.id })), errors, duplicates };
  },
});
