import { describe, expect, it } from 'vitest';
import { refusedStep } from './activity-status.js';

describe('status steps', () => {
  it.each([
    ['interaction', 'planned', 'done', undefined],
    ['interaction', 'planned', 'cancel', undefined],
    ['interaction', 'done', 'edit', undefined],
    ['interaction', 'done', 'done', 'Interaction is done; only planned interactions can be marked done.'],
    [
      'interaction',
      'cancelled',
      'edit',
      'Interaction is cancelled; only planned or done interactions can be changed.',
    ],
    ['task', 'open', 'done', undefined],
    ['task', 'done', 'cancel', 'Task is done; only open tasks can be cancelled.'],
    ['task', 'cancelled', 'edit', 'Task is cancelled; only open tasks can be changed.'],
  ] as const)('%s %s -> %s', (record, status, step, refusal) => {
    expect(refusedStep(record, status, step)).toBe(refusal);
  });
});
