import { describe, expect, it } from 'vitest';
import { type CustomFieldDefinition, checkCustomValue, checkCustomValues } from './custom-values.js';

const field = (
  key: string,
  type: string,
  options: CustomFieldDefinition['options'] = {},
  required = false,
): CustomFieldDefinition => ({ key, label: key, type, options, required });

const size = field('size', 'choice', { choices: ['small', 'large'] });
const fields = [
  field('segment', 'text'),
  field('revenue', 'number', {}, true),
  field('since', 'date'),
  size,
  field('parent', 'reference', { references: 'client' }),
];

describe('checkCustomValue', () => {
  it.each([
    [field('t', 'text'), ' hello ', { ok: true, value: 'hello' }],
    [field('n', 'number'), '12.50', { ok: true, value: '12.5' }],
    [field('n', 'number'), '-3', { ok: true, value: '-3' }],
    [field('n', 'number'), 12.5, { ok: false, reason: 'must be a string, e.g. "12.5"' }],
    [
      field('n', 'number'),
      '1e3',
      { ok: false, reason: 'must be a decimal number written as a string, e.g. "12.5"' },
    ],
    [field('d', 'date'), '2024-02-29', { ok: true, value: '2024-02-29' }],
    [field('d', 'date'), '2025-02-29', { ok: false, reason: 'must be a date as YYYY-MM-DD' }],
    [field('d', 'date'), '01.02.2025', { ok: false, reason: 'must be a date as YYYY-MM-DD' }],
    [size, 'large', { ok: true, value: 'large' }],
    [size, 'huge', { ok: false, reason: 'must be one of "small", "large"' }],
    [
      field('r', 'reference', { references: 'client' }),
      '0190A1B2-0000-7000-8000-000000000000',
      {
        ok: true,
        value: '0190a1b2-0000-7000-8000-000000000000',
      },
    ],
    [
      field('r', 'reference', { references: 'client' }),
      'acme',
      { ok: false, reason: 'must be the id of a client' },
    ],
    [field('t', 'text'), 'x'.repeat(2001), { ok: false, reason: 'must be at most 2000 characters' }],
    [field('t', 'text'), true, { ok: false, reason: 'must be a string' }],
    [field('x', 'colour'), 'red', { ok: false, reason: 'has an unknown type "colour"' }],
  ])('%o with %j', (definition, value, result) => {
    expect(checkCustomValue(definition, value)).toEqual(result);
  });
});

describe('checkCustomValues', () => {
  const opts = { entityPlural: 'clients' };
  it.each([
    [
      'a new record with every kind',
      {},
      { revenue: '100.0', since: '2020-01-01', size: 'small' },
      true,
      {
        values: { revenue: '100', since: '2020-01-01', size: 'small' },
        errors: [],
      },
    ],
    [
      'a new record without its required field',
      {},
      { segment: 'retail' },
      true,
      {
        values: { segment: 'retail' },
        errors: [{ field: 'custom.revenue', reason: 'is required' }],
      },
    ],
    [
      'an unknown key',
      {},
      { revenue: '1', colour: 'red' },
      true,
      {
        values: { revenue: '1' },
        errors: [{ field: 'custom.colour', reason: 'is not a custom field of clients' }],
      },
    ],
    [
      'a change keeps the other values',
      { revenue: '5', segment: 'a' },
      { segment: 'b' },
      false,
      {
        values: { revenue: '5', segment: 'b' },
        errors: [],
      },
    ],
    [
      'null clears an optional value',
      { revenue: '5', segment: 'a' },
      { segment: null },
      false,
      {
        values: { revenue: '5' },
        errors: [],
      },
    ],
    [
      'a required value cannot be cleared',
      { revenue: '5' },
      { revenue: '' },
      false,
      {
        values: {},
        errors: [{ field: 'custom.revenue', reason: 'is required' }],
      },
    ],
    [
      'an old record is not refused for a field made required later',
      { segment: 'a' },
      { segment: 'b' },
      false,
      {
        values: { segment: 'b' },
        errors: [],
      },
    ],
    [
      'several wrong values name each field',
      {},
      { revenue: 7, since: 'soon', size: 'huge' },
      true,
      {
        values: {},
        errors: [
          { field: 'custom.revenue', reason: 'must be a string, e.g. "12.5"' },
          { field: 'custom.since', reason: 'must be a date as YYYY-MM-DD' },
          { field: 'custom.size', reason: 'must be one of "small", "large"' },
        ],
      },
    ],
  ])('%s', (_case, current, changes, creating, expected) => {
    expect(checkCustomValues(changes, fields, { ...opts, current, creating })).toEqual(expected);
  });
});
