import { describe, expect, it } from 'vitest';
import { planInteractionReminder, remindAgain } from './reminder-time.js';

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);

describe('when a planned interaction reminds', () => {
  it.each([
    [
      '15 minutes before, by default',
      { status: 'planned', occursAt: at('14:00'), requested: undefined },
      at('13:45'),
    ],
    ['as asked', { status: 'planned', occursAt: at('14:00'), requested: at('09:00') }, at('09:00')],
    ['never, when asked for none', { status: 'planned', occursAt: at('14:00'), requested: null }, null],
    [
      'moved with the interaction, keeping the chosen lead time',
      {
        status: 'planned',
        occursAt: at('16:00'),
        requested: undefined,
        previous: { occursAt: at('14:00'), remindAt: at('13:00') },
      },
      at('15:00'),
    ],
    [
      'still never, when it had none and moves',
      {
        status: 'planned',
        occursAt: at('16:00'),
        requested: undefined,
        previous: { occursAt: at('14:00'), remindAt: null },
      },
      null,
    ],
    ['never, for one logged as done', { status: 'done', occursAt: at('14:00'), requested: undefined }, null],
  ])('%s', (_case, input, remindAt) => {
    expect(planInteractionReminder(input)).toEqual({ ok: true, remindAt });
  });

  it.each([
    [
      'after the interaction',
      { status: 'planned', occursAt: at('14:00'), requested: at('14:01') },
      'must not be after',
    ],
    [
      'on a done interaction',
      { status: 'done', occursAt: at('14:00'), requested: at('13:00') },
      'only planned',
    ],
  ])('refuses a reminder %s', (_case, input, reason) => {
    const plan = planInteractionReminder(input);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.error).toEqual({ field: 'remindAt', reason: expect.stringContaining(reason) });
  });
});

describe('a reminder fires again', () => {
  it.each([
    [at('13:00'), at('13:00'), false],
    [at('13:00'), at('13:30'), true],
    [null, at('13:30'), true],
    [at('13:00'), null, true],
    [null, null, false],
  ])('%s -> %s: %s', (before, after, again) => {
    expect(remindAgain(before, after)).toBe(again);
  });
});
