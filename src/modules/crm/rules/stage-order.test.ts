import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../../platform/http/problem.js';
import { reorderProblems, type StageDraft, stageListProblems } from './stage-order.js';

const stage = (
  name: string,
  position: number,
  outcome: StageDraft['outcome'] = 'open',
  probability = '10',
) => ({
  name,
  position,
  outcome,
  probability,
});
const sales = [
  stage('New', 1),
  stage('Proposal', 2, 'open', '50'),
  stage('Won', 3, 'won', '100'),
  stage('Lost', 4, 'lost', '0'),
];

describe('stageListProblems', () => {
  it.each<[string, StageDraft[], FieldError[]]>([
    ['a usual pipeline', sales, []],
    ['open stages only', [stage('Call', 1), stage('Visit', 2)], []],
    ['one open stage is enough', [stage('Only', 1)], []],
    ['positions need not be consecutive', [stage('A', 10), stage('B', 20), stage('C', 5, 'won')], []],
    ['probability at both ends', [stage('A', 1, 'open', '0'), stage('B', 2, 'open', '100.00')], []],
    ['no stages', [], [{ field: 'stages', reason: 'needs at least one open stage for deals to work in' }]],
    [
      'only closed stages',
      [stage('Won', 1, 'won'), stage('Lost', 2, 'lost')],
      [{ field: 'stages', reason: 'needs at least one open stage for deals to work in' }],
    ],
    [
      'a repeated position',
      [stage('New', 1), stage('Qualified', 2), stage('Proposal', 2)],
      [{ field: 'stages.2.position', reason: 'repeats position 2 of "Qualified"' }],
    ],
    [
      'a repeated name, whatever the case',
      [stage('New', 1), stage('new ', 2)],
      [{ field: 'stages.1.name', reason: 'repeats the stage name "New"' }],
    ],
    [
      'two won stages',
      [...sales, stage('Won again', 5, 'won')],
      [{ field: 'stages.4.outcome', reason: 'a pipeline has one won stage, and "Won" is it' }],
    ],
    [
      'two lost stages',
      [...sales, stage('Abandoned', 5, 'lost')],
      [{ field: 'stages.4.outcome', reason: 'a pipeline has one lost stage, and "Lost" is it' }],
    ],
    [
      'a probability over 100',
      [stage('New', 1, 'open', '100.01')],
      [{ field: 'stages.0.probability', reason: 'must be between 0 and 100' }],
    ],
    [
      'several problems at once',
      [stage('Won', 1, 'won'), stage('won', 1, 'won')],
      [
        { field: 'stages.1.position', reason: 'repeats position 1 of "Won"' },
        { field: 'stages.1.name', reason: 'repeats the stage name "Won"' },
        { field: 'stages.1.outcome', reason: 'a pipeline has one won stage, and "Won" is it' },
        { field: 'stages', reason: 'needs at least one open stage for deals to work in' },
      ],
    ],
  ])('%s', (_case, stages, expected) => {
    expect(stageListProblems(stages)).toEqual(expected);
  });

  it('names the fields the caller asks for', () => {
    const problems = stageListProblems([...sales, stage('Closed', 5, 'won')], (index, property) =>
      index === sales.length ? property : `stages.${index}.${property}`,
    );
    expect(problems).toEqual([{ field: 'outcome', reason: 'a pipeline has one won stage, and "Won" is it' }]);
  });
});

describe('reorderProblems', () => {
  const current = [
    { id: 'a', name: 'New' },
    { id: 'b', name: 'Proposal' },
    { id: 'c', name: 'Won' },
  ];
  it.each<[string, string[], FieldError[]]>([
    ['every stage once, in any order', ['c', 'a', 'b'], []],
    [
      'a stage left out',
      ['b', 'a'],
      [{ field: 'stageIds', reason: 'must list every stage of the pipeline; missing "Won"' }],
    ],
    ['a stage twice', ['a', 'b', 'b', 'c'], [{ field: 'stageIds.2', reason: 'lists a stage a second time' }]],
    [
      'a stranger and a gap',
      ['a', 'x', 'c'],
      [
        { field: 'stageIds.1', reason: 'is not a stage of this pipeline' },
        { field: 'stageIds', reason: 'must list every stage of the pipeline; missing "Proposal"' },
      ],
    ],
  ])('%s', (_case, requested, expected) => {
    expect(reorderProblems(current, requested)).toEqual(expected);
  });
});
