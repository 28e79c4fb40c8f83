import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, workingMinutesBetween } from './working-time.js';

const weekdays = {
  '1': [
    ['09:00', '13:00'],
    ['14:00', '18:00'],
  ],
  '2': [['09:00', '18:00']],
  '3': [['09:00', '18:00']],
  '4': [['09:00', '18:00']],
  '5': [['09:00', '18:00']],
} as any;
const sofia = { timeZone: 'Europe/Sofia', week: weekdays, holidays: ['2026-03-03'] };

describe('working time', () => {
  it.each([
    ['inside hours', '2026-03-02T08:00:00Z', 60, '2026-03-02T09:00:00.000Z'],
    [
      'before opening, starts at 09:00 Sofia (07:00 UTC)',
      '2026-03-02T05:00:00Z',
      30,
      '2026-03-02T07:30:00.000Z',
    ],
    ['skips the lunch break', '2026-03-02T10:30:00Z', 60, '2026-03-02T12:30:00.000Z'],
    ['Friday evening runs into Monday', '2026-03-06T15:00:00Z', 120, '2026-03-09T08:00:00.000Z'],
    ['skips a holiday', '2026-03-02T16:00:00Z', 60, '2026-03-04T08:00:00.000Z'],
    [
      'across the spring DST change (UTC+2 on Friday, UTC+3 on Monday)',
      '2026-03-27T16:00:00Z',
      60,
      '2026-03-30T07:00:00.000Z',
    ],
    [
      'zero minutes at a closed moment waits for opening',
      '2026-03-07T10:00:00Z',
      0,
      '2026-03-09T07:00:00.000Z',
    ],
  ])('%s', (_, start, minutes, due) => {
    expect(addWorkingMinutes(new Date(start), minutes, sofia).toISOString()).toBe(due);
  });
});

describe('working minutes between two instants', () => {
  it.each([
    ['inside one window', '2026-03-02T07:30:00Z', '2026-03-02T08:15:00Z', 45],
    ['less the lunch break', '2026-03-02T10:00:00Z', '2026-03-02T13:00:00Z', 120],
    ['a whole weekend counts nothing', '2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z', 0],
    ['Friday evening to Monday morning', '2026-03-06T15:00:00Z', '2026-03-09T08:00:00Z', 120],
    ['over a holiday', '2026-03-02T15:00:00Z', '2026-03-04T08:00:00Z', 120],
    ['an end before the start', '2026-03-02T10:00:00Z', '2026-03-02T09:00:00Z', 0],
  ])('%s', (_, start, end, minutes) => {
    expect(workingMinutesBetween(new Date(start), new Date(end), sofia)).toBe(minutes);
  });

  it('is what adding working minutes adds', () => {
    const start = new Date('2026-03-05T14:20:00Z');
    for (const minutes of [1, 59, 240, 481, 1500]) {
      const due = addWorkingMinutes(start, minutes, sofia);
      expect(workingMinutesBetween(start, due, sofia)).toBe(minutes);
    }
  });
});
