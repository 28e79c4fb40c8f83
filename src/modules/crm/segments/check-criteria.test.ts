import { describe, expect, it } from 'vitest';
import { checkCriteria } from './check-criteria.js';

const id = '0191e1e0-1234-7abc-8def-0123456789ab';

describe('segment criteria', () => {
  it.each([
    [{ all: [{ field: 'name', op: 'contains', value: 'retail' }] }],
    [
      {
        any: [
          { field: 'tags', op: 'hasAny', value: ['vip'] },
          {
            all: [
              { field: 'openDeals', op: 'gte', value: 1 },
              { field: 'lastInteractionAt', op: 'notWithinDays', value: 90 },
            ],
          },
        ],
      },
    ],
    [
      {
        all: [
          { field: 'responsibleUserId', op: 'in', value: [id] },
          { field: 'wonAmount', op: 'gte', value: { amount: '1000.00', currency: 'EUR' } },
        ],
      },
    ],
    [
      {
        all: [
          { field: 'custom.region', op: 'equals', value: 'North' },
          { field: 'custom.turnover', op: 'gt', value: '100000' },
        ],
      },
    ],
    [{ all: [{ field: 'email', op: 'isEmpty' }] }],
  ])('accepts %j', (criteria) => {
    expect(checkCriteria(criteria as any)).toEqual([]);
  });

  it.each([
    [{}, 'criteria', 'must have exactly one of "all" or "any"'],
    [{ all: [] }, 'criteria.all', 'must list at least one condition'],
    [
      { all: [{ field: 'salary', op: 'gte', value: 1 }] },
      'criteria.all.0.field',
      '"salary" is not a field segments can test',
    ],
    [
      { all: [{ field: 'name', op: 'gte', value: 'x' }] },
      'criteria.all.0.op',
      'must be one of equals, contains, startsWith, isEmpty, isNotEmpty',
    ],
    [
      { all: [{ field: 'openDeals', op: 'gte', value: 1.5 }] },
      'criteria.all.0.value',
      'must be a whole number',
    ],
    [
      { all: [{ field: 'wonAmount', op: 'gte', value: 1000 }] },
      'criteria.all.0.value',
      'must be {"amount": "1000.00", "currency": "EUR"}',
    ],
    [
      { all: [{ field: 'createdAt', op: 'before', value: '01.02.2026' }] },
      'criteria.all.0.value',
      'must be a date YYYY-MM-DD',
    ],
    [
      { any: [{ all: [{ field: 'industryId', op: 'equals', value: 'retail' }] }] },
      'criteria.any.0.all.0.value',
      'must be an id (or a list of ids for "in")',
    ],
    [{ all: [{ field: 'email', op: 'isEmpty', value: 'x' }] }, 'criteria.all.0.value', 'takes no value'],
  ])('refuses %j at %s', (criteria, field, reason) => {
    expect(checkCriteria(criteria as any)).toEqual([{ field, reason }]);
  });
});
