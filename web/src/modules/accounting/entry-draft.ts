import { ApiError, type FieldProblem } from '../../api/client';
import type { JournalEntry, JournalLine } from './accounting-types';
import { trimAmount } from './decimal-sum';

/** A line as the editor holds it: amounts as typed, blanks for what is not set. */
export interface LineDraft {
  key: string;
  accountId: string | null;
  description: string;
  debit: string;
  credit: string;
  counterpartyId: string | null;
  costCentreId: string | null;
  projectId: string | null;
  departmentId: string | null;
}

let nextKey = 0;
const newKey = () => `line-${++nextKey}`;

export function emptyLine(): LineDraft {
  return {
    key: newKey(),
    accountId: null,
    description: '',
    debit: '',
    credit: '',
    counterpartyId: null,
    costCentreId: null,
    projectId: null,
    departmentId: null,
  };
}

/** Zero amounts show as blanks, so a line reads as the debit or the credit it is. */
const typed = (amount: string) => (/^0*(\.0*)?$/.test(amount) ? '' : trimAmount(amount));

export function lineDraft(line: JournalLine): LineDraft {
  return {
    key: newKey(),
    accountId: line.accountId,
    description: line.description ?? '',
    debit: typed(line.debit),
    credit: typed(line.credit),
    counterpartyId: line.counterpartyId,
    costCentreId: line.costCentreId,
    projectId: line.projectId,
    departmentId: line.departmentId,
  };
}

/** What the API takes for a line; a line with no account and no amount is left out. */
export function lineBody(line: LineDraft) {
  return {
    accountId: line.accountId,
    description: line.description.trim() || null,
    debit: line.debit.trim() || '0',
    credit: line.credit.trim() || '0',
    counterpartyId: line.counterpartyId,
    costCentreId: line.costCentreId,
    projectId: line.projectId,
    departmentId: line.departmentId,
  };
}

export const isBlankLine = (line: LineDraft) => !line.accountId && !line.debit.trim() && !line.credit.trim();

export function entryLines(entry: JournalEntry | undefined): LineDraft[] {
  if (!entry || entry.lines.length === 0) return [emptyLine(), emptyLine()];
  return [...entry.lines].sort((a, b) => a.lineNo - b.lineNo).map(lineDraft);
}

/** Reasons per line and field (`lines.1.debit`), and the rest of the refusal for the form. */
export function splitLineProblems(error: unknown, sentIndexes: number[]) {
  const byLine: Record<string, Record<string, string>> = {};
  if (!(error instanceof ApiError)) return { byLine, rest: error };
  const others: FieldProblem[] = [];
  for (const problem of error.problem.errors ?? []) {
    const match = /^(?:body\.)?lines\.(\d+)(?:\.(\w+))?/.exec(problem.field);
    const sent = match ? Number(match[1]) : -1;
    const draftIndex = sentIndexes[sent];
    if (!match || draftIndex === undefined) {
      others.push(problem);
      continue;
    }
    byLine[draftIndex] = { ...byLine[draftIndex], [match[2] ?? 'accountId']: problem.reason };
  }
  return { byLine, rest: new ApiError({ ...error.problem, errors: others }) };
}
