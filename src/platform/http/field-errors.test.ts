import { describe, expect, it } from 'vitest';
import { toFieldErrors } from './field-errors.js';

describe('field errors from schema errors', () => {
  it.each([
    [
      [{ keyword: 'required', instancePath: '', params: { requiredProperties: ['name', 'code'] } }],
      [
        { field: 'name', reason: 'is required' },
        { field: 'code', reason: 'is required' },
      ],
    ],
    [
      [{ keyword: 'required', instancePath: '/address', params: { requiredProperties: ['country'] } }],
      [{ field: 'address.country', reason: 'is required' }],
    ],
    [
      [{ keyword: 'additionalProperties', instancePath: '', params: { additionalProperties: ['colour'] } }],
      [{ field: 'colour', reason: 'is not a known field' }],
    ],
    [
      [{ keyword: 'type', instancePath: '/lines/0/qty', params: {}, message: 'must be string' }],
      [{ field: 'lines.0.qty', reason: 'must be string' }],
    ],
    [
      [{ keyword: 'type', instancePath: '', params: {}, message: 'must be object' }],
      [{ field: 'body', reason: 'must be object' }],
    ],
    [
      [
        { keyword: 'required', instancePath: '/address', params: { requiredProperties: ['country'] } },
        { keyword: 'type', instancePath: '/address', params: {}, message: 'must be null' },
        { keyword: 'anyOf', instancePath: '/address', params: {}, message: 'must match a schema in anyOf' },
      ],
      [{ field: 'address.country', reason: 'is required' }],
    ],
    [
      [
        {
          keyword: 'const',
          instancePath: '/sort',
          params: { allowedValue: 'name' },
          message: 'must be equal to constant',
        },
        {
          keyword: 'const',
          instancePath: '/sort',
          params: { allowedValue: '-name' },
          message: 'must be equal to constant',
        },
        { keyword: 'anyOf', instancePath: '/sort', params: {}, message: 'must match a schema in anyOf' },
      ],
      [{ field: 'sort', reason: 'must be one of name, -name' }],
    ],
  ])('%j', (errors, expected) => {
    expect(toFieldErrors(errors)).toEqual(expected);
  });
});
