import { Decimal } from 'decimal.js';
import type { FieldError } from '../../../platform/http/problem.js';

export type StageOutcome = 'open' | 'won' | 'lost';

export interface StageDraft {
  name: string;
  position: number;
  /** Percent, 0 to 100, as a decimal string. */
  probability: string;
  outcome: StageOutcome;
}

/** Names the input field of a stage's property; by default `stages.2.name`. */
export type StageFieldName = (index: number, property: keyof StageDraft) => string;

const listField: StageFieldName = (index, property) => `stages.${index}.${property}`;

/**
 * What is wrong with a pipeline's list of stages: each position and name once, probabilities
 * between 0 and 100, at least one open stage for deals to work in, and at most one won and
 * one lost stage, so "win" and "lose" each have one place to go.
 */
export function stageListProblems(
  stages: StageDraft[],
  fieldOf: StageFieldName = listField,
  listName = 'stages',
): FieldError[] {
  const problems: FieldError[] = [];
  const firstAt = new Map<number, StageDraft>();
  const firstNamed = new Map<string, StageDraft>();
  const firstWithOutcome = new Map<StageOutcome, StageDraft>();
  stages.forEach((stage, index) => {
    const samePosition = firstAt.get(stage.position);
    if (samePosition)
      problems.push({
        field: fieldOf(index, 'position'),
        reason: `repeats position ${stage.position} of "${samePosition.name}"`,
      });
    else firstAt.set(stage.position, stage);

    const key = stage.name.trim().toLowerCase();
    const sameName = firstNamed.get(key);
    if (sameName)
      problems.push({ field: fieldOf(index, 'name'), reason: `repeats the stage name "${sameName.name}"` });
    else firstNamed.set(key, stage);

    const probability = new Decimal(stage.probability);
    if (probability.lt(0) || probability.gt(100))
      problems.push({ field: fieldOf(index, 'probability'), reason: 'must be between 0 and 100' });

    if (stage.outcome === 'open') return;
    const sameOutcome = firstWithOutcome.get(stage.outcome);
    if (sameOutcome)
      problems.push({
        field: fieldOf(index, 'outcome'),
        reason: `a pipeline has one ${stage.outcome} stage, and "${sameOutcome.name}" is it`,
      });
    else firstWithOutcome.set(stage.outcome, stage);
  });
  if (!stages.some((s) => s.outcome === 'open'))
    problems.push({ field: listName, reason: 'needs at least one open stage for deals to work in' });
  return problems;
}

/** A new order must name every stage of the pipeline exactly once, and nothing else. */
export function reorderProblems(
  current: { id: string; name: string }[],
  requestedIds: string[],
  field = 'stageIds',
): FieldError[] {
  const problems: FieldError[] = [];
  const known = new Set(current.map((s) => s.id));
  const seen = new Set<string>();
  requestedIds.forEach((id, index) => {
    if (!known.has(id))
      problems.push({ field: `${field}.${index}`, reason: 'is not a stage of this pipeline' });
    else if (seen.has(id))
      problems.push({ field: `${field}.${index}`, reason: 'lists a stage a second time' });
    seen.add(id);
  });
  const left = current.filter((s) => !seen.has(s.id)).map((s) => `"${s.name}"`);
  if (left.length)
    problems.push({ field, reason: `must list every stage of the pipeline; missing ${left.join(', ')}` });
  return problems;
}
