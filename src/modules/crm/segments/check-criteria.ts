import type { FieldError } from '../../../platform/http/problem.js';
import type { SegmentCondition, SegmentCriteria } from '../schema.js';
import { fieldType, OPS } from './segment-fields.js';

const MAX_CONDITIONS = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isGroup = (x: SegmentCondition | SegmentCriteria): x is SegmentCriteria => 'all' in x || 'any' in x;

function valueProblem(type: string, op: string, value: unknown): string | undefined {
  if (op === 'isEmpty' || op === 'isNotEmpty') return value === undefined ? undefined : 'takes no value';
  switch (type) {
    case 'text':
      return typeof value === 'string' && value.length <= 200
        ? undefined
        : 'must be a text of at most 200 characters';
    case 'choice':
    case 'id': {
      const list = op === 'in' ? value : [value];
      const ok =
        Array.isArray(list) &&
        list.length > 0 &&
        list.length <= 100 &&
        list.every((v) => typeof v === 'string' && (type === 'choice' || UUID.test(v)));
      return ok
        ? undefined
        : type === 'id'
          ? 'must be an id (or a list of ids for "in")'
          : 'must be a text (or a list for "in")';
    }
    case 'tags':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')
        ? undefined
        : 'must be a list of tags';
    case 'date':
      if (op === 'withinDays' || op === 'notWithinDays')
        return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 36500
          ? undefined
          : 'must be a whole number of days';
      return typeof value === 'string' && DAY.test(value) ? undefined : 'must be a date YYYY-MM-DD';
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0 ? undefined : 'must be a whole number';
    case 'amount': {
      const v = value as { amount?: unknown; currency?: unknown };
      return typeof v === 'object' &&
        v &&
        typeof v.amount === 'string' &&
        DECIMAL.test(v.amount) &&
        typeof v.currency === 'string' &&
        /^[A-Z]{3}$/.test(v.currency)
        ? undefined
        : 'must be {"amount": "1000.00", "currency": "EUR"}';
    }
    case 'custom':
      if (op === 'gt' || op === 'lt')
        return typeof value === 'string' && (DECIMAL.test(value) || DAY.test(value))
          ? undefined
          : 'must be a decimal or a date as a string';
      return typeof value === 'string' ? undefined : 'must be a text';
  }
  return 'is not understood';
}

/** Every problem of a criteria tree, each named by its path (`criteria.all.1.value`). */
export function checkCriteria(criteria: SegmentCriteria, path = 'criteria'): FieldError[] {
  const errors: FieldError[] = [];
  let count = 0;
  const walk = (group: SegmentCriteria, at: string) => {
    const keys = Object.keys(group);
    if (keys.length !== 1 || !(keys[0] === 'all' || keys[0] === 'any')) {
      errors.push({ field: at, reason: 'must have exactly one of "all" or "any"' });
      return;
    }
    const list = (group.all ?? group.any)!;
    const key = keys[0];
    if (!Array.isArray(list) || list.length === 0) {
      errors.push({ field: `${at}.${key}`, reason: 'must list at least one condition' });
      return;
    }
    for (const [i, item] of list.entries()) {
      const here = `${at}.${key}.${i}`;
      const problem = itemProblem(item, here);
      if (problem) errors.push(problem);
    }
  };
  const itemProblem = (item: SegmentCondition | SegmentCriteria, here: string): FieldError | undefined => {
    if (typeof item !== 'object' || item === null)
      return { field: here, reason: 'must be a condition or a group' };
    if (isGroup(item)) {
      walk(item, here);
      return undefined;
    }
    count++;
    const type = fieldType(item.field);
    if (!type) return { field: `${here}.field`, reason: `"${item.field}" is not a field segments can test` };
    if (!OPS[type].includes(item.op))
      return { field: `${here}.op`, reason: `must be one of ${OPS[type].join(', ')}` };
    const problem = valueProblem(type, item.op, item.value);
    return problem ? { field: `${here}.value`, reason: problem } : undefined;
  };
  walk(criteria, path);
  if (count > MAX_CONDITIONS)
    errors.push({ field: path, reason: `has ${count} conditions; at most ${MAX_CONDITIONS}` });
  return errors;
}
