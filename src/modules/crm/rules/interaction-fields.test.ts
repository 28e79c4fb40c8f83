import { describe, expect, it } from 'vitest';
import { checkInteraction, doneAt } from './interaction-fields.js';

const now = new Date('2026-03-02T12:00:00Z');
const earlier = new Date('2026-03-02T10:00:00Z');
const later = new Date('2026-03-02T15:00:00Z');

describe('what an interaction may say', () => {
  it.each([
    [
      'a call with duration and outcome',
      { kind: 'call_out', status: 'done', occursAt: earlier, durationSeconds: 240, outcome: 'answered' },
      [],
    ],
    ['a meeting without them', { kind: 'meeting', status: 'done', occursAt: earlier }, []],
    ['a planned call in the future', { kind: 'call_in', status: 'planned', occursAt: later }, []],
    [
      'a meeting with a duration',
      { kind: 'meeting', status: 'done', occursAt: earlier, durationSeconds: 600 },
      ['durationSeconds'],
    ],
    [
      'an email with an outcome',
      { kind: 'email', status: 'done', occursAt: earlier, outcome: 'answered' },
      ['outcome'],
    ],
    ['a note logged as done tomorrow', { kind: 'note', status: 'done', occursAt: later }, ['occursAt']],
  ])('%s', (_case, facts, fields) => {
    expect(checkInteraction(facts, now).map((e) => e.field)).toEqual(fields);
  });
});

describe('when a planned interaction was done', () => {
  it.each([
    ['at its planned time, once that has passed', earlier, undefined, earlier],
    ['now, when done before its time', later, undefined, now],
    ['when the person says', later, earlier, earlier],
  ])('%s', (_case, planned, said, expected) => {
    expect(doneAt(planned, now, said)).toEqual(expected);
  });
});
