import { and, asc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.js';
import { conflict, type FieldError, notFound } from '../../platform/http/problem.js';
import { customFields } from '../parties/schema.js';
import type { StageOutcome } from './rules/stage-order.js';
import { pipelines, type StageRegulation, stages } from './schema.js';

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof stages.$inferSelect;

/** Locks a pipeline for the rest of the transaction, so two people editing its stages queue. */
export async function lockPipeline(tx: Tx, id: string, options: { editable?: boolean } = {}) {
  const [pipeline] = await tx.select().from(pipelines).where(eq(pipelines.id, id)).for('update');
  if (!pipeline) throw notFound('Pipeline', id);
  if (options.editable && pipeline.archivedAt)
    throw conflict(`Pipeline "${pipeline.name}" is archived; its stages can no longer change.`);
  return pipeline;
}

/** The stages of a pipeline in board order. */
export function pipelineStages(tx: Executor, pipelineId: string): Promise<StageRow[]> {
  return tx
    .select()
    .from(stages)
    .where(and(eq(stages.pipelineId, pipelineId), isNull(stages.archivedAt)))
    .orderBy(asc(stages.position), asc(stages.id));
}

/** The stages of several pipelines, grouped by pipeline, each in board order. */
export async function stagesOfPipelines(tx: Executor, pipelineIds: string[]) {
  const byPipeline = new Map<string, StageRow[]>(pipelineIds.map((id) => [id, []]));
  if (!pipelineIds.length) return byPipeline;
  const rows = await tx
    .select()
    .from(stages)
    .where(and(inArray(stages.pipelineId, pipelineIds), isNull(stages.archivedAt)))
    .orderBy(asc(stages.position), asc(stages.id));
  for (const row of rows) byPipeline.get(row.pipelineId)?.push(row);
  return byPipeline;
}

/** Gives stages the positions 1, 2, 3... in the order given; only rows whose position changes are written. */
export async function renumberStages(tx: Tx, ordered: StageRow[]) {
  for (const [index, stage] of ordered.entries()) {
    if (stage.position === index + 1) continue;
    await tx
      .update(stages)
      .set({ position: index + 1 })
      .where(eq(stages.id, stage.id));
  }
}

export const draftOf = (stage: Pick<StageRow, 'name' | 'position' | 'probability' | 'outcome'>) => ({
  name: stage.name,
  position: stage.position,
  probability: stage.probability,
  outcome: stage.outcome as StageOutcome,
});

/** "Sales" and "sales" are the same pipeline to a person choosing one. */
export async function refusePipelineNameTaken(tx: Tx, name: string, exceptId?: string) {
  const sameName: SQL = sql`lower(${pipelines.name}) = lower(${name})`;
  const [taken] = await tx
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(exceptId ? and(sameName, ne(pipelines.id, exceptId)) : sameName)
    .limit(1);
  if (taken)
    throw conflict(`A pipeline named "${name}" already exists.`, [
      { field: 'name', reason: 'is already taken' },
    ]);
}

/**
 * What the schema cannot see in a regulation: a required custom field must be one the tenant
 * has defined for deals, or the regulation could never be met.
 */
export async function regulationProblems(
  tx: Executor,
  regulation: StageRegulation | undefined,
  field: string,
): Promise<FieldError[]> {
  const keys = (regulation?.requiredFields ?? [])
    .filter((f) => f.startsWith('custom.'))
    .map((f) => f.slice('custom.'.length));
  if (!keys.length) return [];
  const defined = await tx
    .select({ key: customFields.key })
    .from(customFields)
    .where(
      and(eq(customFields.entity, 'deal'), inArray(customFields.key, keys), isNull(customFields.archivedAt)),
    );
  const known = new Set(defined.map((d) => d.key));
  return (regulation?.requiredFields ?? []).flatMap((f, index) =>
    f.startsWith('custom.') && !known.has(f.slice('custom.'.length))
      ? [{ field: `${field}.requiredFields.${index}`, reason: `"${f}" is not a custom field of deals` }]
      : [],
  );
}

/** A regulation as stored: empty parts left out, each field and kind once. */
export function tidyRegulation(regulation: StageRegulation | undefined): StageRegulation {
  if (!regulation) return {};
  const tidy: StageRegulation = {};
  if (regulation.requiredFields?.length) tidy.requiredFields = [...new Set(regulation.requiredFields)];
  if (regulation.tasksDone) tidy.tasksDone = true;
  if (regulation.interactionKinds?.length) tidy.interactionKinds = [...new Set(regulation.interactionKinds)];
  if (regulation.documentType) tidy.documentType = regulation.documentType;
  return tidy;
}
