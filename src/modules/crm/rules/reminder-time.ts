import type { FieldError } from '../../../platform/http/problem.js';

/** A planned interaction reminds its responsible person this long before it, unless told otherwise. */
export const DEFAULT_REMINDER_MINUTES = 15;

export const defaultRemindAt = (occursAt: Date) =>
  new Date(occursAt.getTime() - DEFAULT_REMINDER_MINUTES * 60_000);

export interface InteractionReminderInput {
  status: string;
  occursAt: Date;
  /** What the request said: a time, null for no reminder, undefined when it did not say. */
  requested: Date | null | undefined;
  /** The interaction as it was, when it is being changed. */
  previous?: { occursAt: Date; remindAt: Date | null };
}

export type ReminderPlan = { ok: true; remindAt: Date | null } | { ok: false; error: FieldError };

/**
 * When a planned interaction reminds: as asked; else, when it moves, the reminder moves with it
 * (keeping the lead time the person chose); else 15 minutes before. Only planned ones remind, and
 * never after the interaction itself.
 */
export function planInteractionReminder(input: InteractionReminderInput): ReminderPlan {
  const { status, occursAt, requested, previous } = input;
  if (status !== 'planned') {
    if (requested)
      return { ok: false, error: { field: 'remindAt', reason: 'only planned interactions have reminders' } };
    return { ok: true, remindAt: previous?.remindAt ?? null };
  }
  if (requested !== undefined) {
    if (requested && requested.getTime() > occursAt.getTime())
      return {
        ok: false,
        error: { field: 'remindAt', reason: `must not be after occursAt (${occursAt.toISOString()})` },
      };
    return { ok: true, remindAt: requested };
  }
  if (!previous) return { ok: true, remindAt: defaultRemindAt(occursAt) };
  if (!previous.remindAt) return { ok: true, remindAt: null };
  const moved = occursAt.getTime() - previous.occursAt.getTime();
  return { ok: true, remindAt: new Date(previous.remindAt.getTime() + moved) };
}

/** A reminder that was moved must fire again, even if the old one already had. */
export function remindAgain(before: Date | null, after: Date | null): boolean {
  return (before?.getTime() ?? null) !== (after?.getTime() ?? null);
}
