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

/**
 * Brings the members of a dynamic segment in line with the clients its criteria select now,
 * in one statement: those who no longer match leave, those who newly match join, the rest
 * stay untouched (their added_at keeps when they joined). A scheduled recompute mostly
 * changes little, so it writes little; replacing every member wrote 90,000 rows each time.
 */
export async function recompute(
  tx: Tx,
  tenantId: string,
  segment: { id: string; criteria: SegmentCriteria | null },
) {
  await tx.execute(sql`
    with wanted as materialized (
      select c.id from clients c where c.archived_at is null and ${criteriaSql(segment.criteria!)}
    ),
    left_segment as (
      delete from segment_members m
      where m.segment_id = ${segment.id} and m.client_id not in (select id from wanted)
    )
    insert into segment_members (tenant_id, segment_id, client_id)
    select ${tenantId}, ${segment.id}, w.id from wanted w
    where not exists (select 1 from segment_members m where m.segment_id = ${segment.id} and m.client_id = w.id)`);
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
