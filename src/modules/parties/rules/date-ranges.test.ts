import { describe, expect, it } from 'vitest';
import { coalesceRanges, type DateRange, rangeProblem, rangesOverlap } from './date-ranges.js';

const r = (from: string | null, to: string | null): DateRange => ({ from, to });

describe('rangesOverlap', () => {
  it.each([
    [r('2025-01-01', '2025-01-31'), r('2025-02-01', '2025-02-28'), false],
    [r('2025-01-01', '2025-01-31'), r('2025-01-31', '2025-02-28'), true],
    [r('2025-01-01', null), r('2030-01-01', '2030-12-31'), true],
    [r('2025-01-01', null), r('2024-01-01', '2024-12-31'), false],
    [r('2025-01-01', null), r('2024-01-01', null), true],
    [r(null, '2024-12-31'), r('2025-01-01', null), false],
    [r(null, null), r('2025-06-01', '2025-06-01'), true],
    [r('2025-06-01', '2025-06-01'), r('2025-06-01', '2025-06-01'), true],
    [r('2025-03-01', '2025-03-10'), r('2025-01-01', '2025-12-31'), true],
  ])('%o and %o overlap: %s', (a, b, expected) => {
    expect(rangesOverlap(a, b)).toBe(expected);
    expect(rangesOverlap(b, a)).toBe(expected);
  });
});

describe('rangeProblem', () => {
  it.each([
    [r('2025-01-01', '2025-01-01'), undefined],
    [r('2025-01-01', null), undefined],
    [r('2025-01-02', '2025-01-01'), 'must not be before the start, 2025-01-02'],
  ])('%o -> %s', (range, problem) => {
    expect(rangeProblem(range)).toBe(problem);
  });
});

describe('coalesceRanges', () => {
  const spans = (ranges: DateRange[]) => coalesceRanges(ranges).map((g) => [g.span, g.members.length]);
  it.each([
    [
      'apart stay apart',
      [r('2025-01-01', '2025-01-31'), r('2025-03-01', null)],
      [
        [r('2025-01-01', '2025-01-31'), 1],
        [r('2025-03-01', null), 1],
      ],
    ],
    [
      'overlapping join',
      [r('2025-02-01', '2025-05-31'), r('2025-01-01', '2025-03-31')],
      [[r('2025-01-01', '2025-05-31'), 2]],
    ],
    [
      'a bridge joins three',
      [r('2025-01-01', '2025-03-31'), r('2025-06-01', null), r('2025-03-01', '2025-07-01')],
      [[r('2025-01-01', null), 3]],
    ],
    [
      'a contained range adds nothing',
      [r('2025-01-01', '2025-12-31'), r('2025-02-01', '2025-02-02')],
      [[r('2025-01-01', '2025-12-31'), 2]],
    ],
    ['none', [], []],
  ])('%s', (_case, ranges, expected) => {
    expect(spans(ranges)).toEqual(expected);
  });
});
