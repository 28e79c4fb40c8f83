import { describe, expect, it } from 'vitest';
import { type ContactPoints, findDuplicates, type OpenLead } from './lead-duplicates.js';

const open: OpenLead[] = [
  { id: 'lead-1', email: 'anna@example.com', phone: null },
  { id: 'lead-2', email: null, phone: '+359881234567' },
];
const row = (n: number, email: string | null, phone: string | null = null): ContactPoints => ({
  row: n,
  email,
  phone,
});

describe('duplicate leads in an import', () => {
  it.each([
    ['a new person', [row(2, 'bob@example.com')], []],
    ['an open lead by email', [row(2, 'anna@example.com')], [{ row: 2, field: 'email', leadId: 'lead-1' }]],
    [
      'an open lead by phone',
      [row(2, null, '+359881234567')],
      [{ row: 2, field: 'phone', leadId: 'lead-2' }],
    ],
    [
      'an earlier row of the file',
      [row(2, 'bob@example.com'), row(3, 'carl@example.com'), row(4, 'bob@example.com')],
      [{ row: 4, field: 'email', sameAsRow: 2 }],
    ],
    [
      'a row matching by phone after its email differed',
      [row(2, 'bob@example.com', '+12125550100'), row(3, 'robert@example.com', '+12125550100')],
      [{ row: 3, field: 'phone', sameAsRow: 2 }],
    ],
    [
      'the email first when both match',
      [row(2, 'anna@example.com', '+359881234567')],
      [{ row: 2, field: 'email', leadId: 'lead-1' }],
    ],
  ])('finds %s', (_case, rows, expected) => {
    expect(findDuplicates(rows, open)).toMatchObject(expected);
    expect(findDuplicates(rows, open)).toHaveLength(expected.length);
  });

  it('does not let a refused row make a later row a duplicate', () => {
    const rows = [row(2, 'anna@example.com', '+15550001'), row(3, null, '+15550001')];
    expect(findDuplicates(rows, open)).toEqual([
      { row: 2, field: 'email', value: 'anna@example.com', leadId: 'lead-1' },
    ]);
  });
});
