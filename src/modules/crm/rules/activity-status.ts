/**
 * Interactions go planned -> done or cancelled; tasks open -> done or cancelled. Nothing comes
 * back: a cancelled call that happens after all is logged anew.
 */
const FROM: Record<'interaction' | 'task', Record<'done' | 'cancel' | 'edit', string[]>> = {
  interaction: { done: ['planned'], cancel: ['planned'], edit: ['planned', 'done'] },
  task: { done: ['open'], cancel: ['open'], edit: ['open'] },
};

const VERBS = { done: 'marked done', cancel: 'cancelled', edit: 'changed' };

/** Why the record cannot take the step from its status, or undefined when it can. */
export function refusedStep(
  record: 'interaction' | 'task',
  status: string,
  step: 'done' | 'cancel' | 'edit',
): string | undefined {
  const allowed = FROM[record][step];
  if (allowed.includes(status)) return undefined;
  const noun = record === 'interaction' ? 'Interaction' : 'Task';
  return `${noun} is ${status}; only ${allowed.join(' or ')} ${record}s can be ${VERBS[step]}.`;
}
