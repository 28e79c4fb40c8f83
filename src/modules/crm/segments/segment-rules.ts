import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { conflict, invalid, invalidField, notFound } from '../../../platform/http/problem.js';
import { type SegmentCriteria, segmentMembers, segments } from '../schema.js';
import { checkCriteria } from './check-criteria.js';
import { criteriaSql } from './criteria-sql.js';

export async function lockSegment(tx: Tx, id: string) {
  const [segment] = await tx.select().from(segments).where(eq(segments.id, id)).for('update');
  if (!segment) throw notFound('Segment', id);
  if (segment.archivedAt) throw conflict(`Segment "${segment.name}" is archived; restore it first.`);
  return segment;
}

/** A dynamic segment needs valid criteria; a static one has none. */
export function assertCriteriaFit(kind: string, criteria: SegmentCriteria | null | undefined) {
  if (kind === 'static') {
    if (criteria) throw invalidField('criteria', 'a static segment is a fixed list and has no criteria');
    return;
  }
  if (!criteria) throw invalidField('criteria', 'a dynamic segment needs criteria');
  const errors = checkCriteria(criteria);
  if (errors.length) throw invalid(errors);
}

/** Replaces the members of a dynamic segment with the clients its criteria select now, in one statement. */
export async function recompute(
  tx: Tx,
  tenantId: string,
  segment: { id: string; criteria: SegmentCriteria | null },
) {
  await tx.delete(segmentMembers).where(eq(segmentMembers.segmentId, segment.id));
  await tx.execute(sql`
    insert into segment_members (tenant_id, segment_id, client_id)
    select ${tenantId}, ${segment.id}, c.id from clients c
    where c.archived_at is null and ${criteriaSql(segment.criteria!)}`);
  return countMembers(tx, segment.id);
}

export async function countMembers(tx: Tx, segmentId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(segmentMembers)
    .where(eq(segmentMembers.segmentId, segmentId));
  const computedAt = new Date();
  const [after] = await tx
    .update(segments)
    .set({ memberCount: row.n, computedAt })
    .where(eq(segments.id, segmentId))
    .returning();
  return after;
}
