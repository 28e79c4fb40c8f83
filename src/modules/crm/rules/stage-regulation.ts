import type { FieldError } from '../../../platform/http/problem.js';
import type { StageRegulation } from '../schema.js';

/** What a stage's regulation is checked against: the deal as it is when someone moves it. */
export interface DealSnapshot {
  /** The deal's own fields by name (`amount`, `expectedClose`, `counterpartyId`...); custom values under `custom`. */
  fields: Record<string, unknown> & { custom?: Record<string, unknown> };
  contactCount: number;
  openTaskCount: number;
  /** Kinds of the done interactions linked to the deal, repeats allowed. */
  doneInteractionKinds: string[];
  /** Types of the documents linked to the deal; no module links documents yet, so this is empty. */
  linkedDocumentTypes: string[];
}

/** How a person says "a done <kind>": interaction kinds are codes, the refusal is read by a person. */
const DONE_INTERACTION: Record<string, string> = {
  meeting: 'a done meeting',
  call_in: 'a done incoming call',
  call_out: 'a done outgoing call',
  sms: 'a done SMS',
  email: 'a done email',
  note: 'a done note',
};

function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function requiredFieldMissing(field: string, stageName: string, snapshot: DealSnapshot): FieldError | null {
  if (field === 'contacts') {
    return snapshot.contactCount > 0
      ? null
      : { field, reason: `needs at least one contact to enter "${stageName}"` };
  }
  const value = field.startsWith('custom.')
    ? snapshot.fields.custom?.[field.slice('custom.'.length)]
    : snapshot.fields[field];
  return isFilled(value) ? null : { field, reason: `must be filled to enter "${stageName}"` };
}

/**
 * Everything that keeps a deal out of a stage, one entry per missing thing, in the order the
 * regulation names them; empty when the deal may enter. A document type can be required before
 * any module links documents to deals: until one does, that requirement cannot be met.
 */
export function missingForStage(
  stageName: string,
  regulation: StageRegulation,
  snapshot: DealSnapshot,
): FieldError[] {
  const missing: FieldError[] = [];
  for (const field of regulation.requiredFields ?? []) {
    const problem = requiredFieldMissing(field, stageName, snapshot);
    if (problem) missing.push(problem);
  }
  if (regulation.tasksDone && snapshot.openTaskCount > 0) {
    const tasks = snapshot.openTaskCount === 1 ? '1 open task' : `${snapshot.openTaskCount} open tasks`;
    missing.push({ field: 'tasks', reason: `has ${tasks}; all must be done to enter "${stageName}"` });
  }
  const doneKinds = new Set(snapshot.doneInteractionKinds);
  for (const kind of regulation.interactionKinds ?? []) {
    if (doneKinds.has(kind)) continue;
    const what = DONE_INTERACTION[kind] ?? `a done "${kind}" interaction`;
    missing.push({ field: 'interactions', reason: `needs ${what} linked to the deal` });
  }
  if (regulation.documentType && !snapshot.linkedDocumentTypes.includes(regulation.documentType)) {
    missing.push({ field: 'documents', reason: `needs a linked ${regulation.documentType} document` });
  }
  return missing;
}
