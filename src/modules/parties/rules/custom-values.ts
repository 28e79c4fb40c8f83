import { Decimal } from 'decimal.js';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'choice', 'reference'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** What a value is checked against: one row of custom_fields, as plain data. */
export interface CustomFieldDefinition {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options: { choices?: string[]; references?: string };
}

export type CustomValueResult = { ok: true; value: string } | { ok: false; reason: string };

const DECIMAL = /^-?\d{1,15}(\.\d{1,12})?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEXT_LIMIT = 2000;

function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

const checkers: Record<CustomFieldType, (value: string, field: CustomFieldDefinition) => CustomValueResult> =
  {
    text: (value) =>
      value.length > TEXT_LIMIT
        ? { ok: false, reason: `must be at most ${TEXT_LIMIT} characters` }
        : { ok: true, value },
    number: (value) =>
      DECIMAL.test(value)
        ? { ok: true, value: new Decimal(value).toFixed() }
        : { ok: false, reason: 'must be a decimal number written as a string, e.g. "12.5"' },
    date: (value) =>
      isCalendarDate(value) ? { ok: true, value } : { ok: false, reason: 'must be a date as YYYY-MM-DD' },
    choice: (value, field) => {
      const choices = field.options.choices ?? [];
      return choices.includes(value)
        ? { ok: true, value }
        : { ok: false, reason: `must be one of ${choices.map((c) => `"${c}"`).join(', ')}` };
    },
    reference: (value, field) =>
      UUID.test(value)
        ? { ok: true, value: value.toLowerCase() }
        : { ok: false, reason: `must be the id of a ${field.options.references ?? 'record'}` },
  };

/** One value checked against its field and written the one way it is stored (numbers without padding). */
export function checkCustomValue(field: CustomFieldDefinition, value: unknown): CustomValueResult {
  if (typeof value !== 'string') {
    const hint = field.type === 'number' ? ', e.g. "12.5"' : '';
    return { ok: false, reason: `must be a string${hint}` };
  }
  const checker = checkers[field.type as CustomFieldType];
  if (!checker) return { ok: false, reason: `has an unknown type "${field.type}"` };
  return checker(value.trim(), field);
}

export interface CustomValuesCheck {
  /** The stored values after the changes: a null or empty value removes its key. */
  values: Record<string, string>;
  errors: { field: string; reason: string }[];
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

/**
 * Applies `changes` to the `current` values of a record. Keys must be active fields of the
 * entity. A required field must have a value when the record is created; afterwards it may
 * not be cleared, but records made before the field became required are not refused for it.
 */
export function checkCustomValues(
  changes: Record<string, unknown>,
  fields: CustomFieldDefinition[],
  options: { current?: Record<string, unknown>; creating: boolean; entityPlural: string },
): CustomValuesCheck {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.current ?? {}))
    if (typeof value === 'string') values[key] = value;
  const errors: CustomValuesCheck['errors'] = [];
  for (const [key, value] of Object.entries(changes)) {
    const field = byKey.get(key);
    if (!field) {
      errors.push({ field: `custom.${key}`, reason: `is not a custom field of ${options.entityPlural}` });
      continue;
    }
    if (isBlank(value) || (typeof value === 'string' && value.trim() === '')) {
      if (field.required) errors.push({ field: `custom.${key}`, reason: 'is required' });
      delete values[key];
      continue;
    }
    const checked = checkCustomValue(field, value);
    if (checked.ok) values[key] = checked.value;
    else errors.push({ field: `custom.${key}`, reason: checked.reason });
  }
  if (options.creating)
    for (const field of fields)
      if (field.required && !(field.key in changes) && !(field.key in values))
        errors.push({ field: `custom.${field.key}`, reason: 'is required' });
  return { values, errors };
}
