import type { FieldError } from '../../../platform/http/problem.js';

export const INTERACTION_KINDS = ['meeting', 'call_in', 'call_out', 'sms', 'email', 'note'] as const;
export const CALL_OUTCOMES = ['answered', 'no_answer', 'busy', 'voicemail'] as const;

/** A call's direction is its kind: `call_in` or `call_out`. */
export const isCall = (kind: string) => kind === 'call_in' || kind === 'call_out';

/** How far in the future a clock may be when someone logs what just happened. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface InteractionFacts {
  kind: string;
  status: string;
  occursAt: Date;
  durationSeconds?: number | null;
  outcome?: string | null;
}

/** Duration and outcome belong to calls; what is done has happened, so it is not in the future. */
export function checkInteraction(facts: InteractionFacts, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (!isCall(facts.kind)) {
    const reason = `is kept for calls only (call_in, call_out), not for a ${facts.kind}`;
    if (facts.durationSeconds != null) errors.push({ field: 'durationSeconds', reason });
    if (facts.outcome != null) errors.push({ field: 'outcome', reason });
  }
  if (facts.status === 'done' && facts.occursAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    errors.push({
      field: 'occursAt',
      reason: 'is in the future; plan the interaction (status "planned") instead of logging it as done',
    });
  return errors;
}

/**
 * When a planned interaction marked done happened: when the person says; else when it was
 * planned, if that has passed; else now (it happened early).
 */
export function doneAt(planned: Date, now: Date, said?: Date): Date {
  if (said) return said;
  return planned.getTime() <= now.getTime() ? planned : now;
}
