/** What a segment condition can test, and how: the catalog the criteria editor shows. */
export type FieldType = 'text' | 'choice' | 'id' | 'tags' | 'date' | 'count' | 'amount' | 'custom';

export const OPS: Record<FieldType, string[]> = {
  text: ['equals', 'contains', 'startsWith', 'isEmpty', 'isNotEmpty'],
  choice: ['equals', 'in'],
  id: ['equals', 'in', 'isEmpty', 'isNotEmpty'],
  tags: ['hasAny', 'hasAll', 'isEmpty'],
  date: ['before', 'after', 'withinDays', 'notWithinDays', 'isEmpty', 'isNotEmpty'],
  count: ['eq', 'gte', 'lte'],
  amount: ['gte', 'lte'],
  custom: ['equals', 'contains', 'gt', 'lt', 'isEmpty', 'isNotEmpty'],
};

export const SEGMENT_FIELDS: Record<string, { type: FieldType; label: string }> = {
  name: { type: 'text', label: 'Name' },
  email: { type: 'text', label: 'Email' },
  phone: { type: 'text', label: 'Phone' },
  kind: { type: 'choice', label: 'Kind (organization or person)' },
  tags: { type: 'tags', label: 'Tags' },
  responsibleUserId: { type: 'id', label: 'Responsible manager' },
  industryId: { type: 'id', label: 'Industry' },
  firstSourceId: { type: 'id', label: 'First source' },
  createdAt: { type: 'date', label: 'Client since' },
  lastInteractionAt: { type: 'date', label: 'Last done interaction' },
  openDeals: { type: 'count', label: 'Open deals' },
  wonDeals: { type: 'count', label: 'Won deals' },
  wonAmount: { type: 'amount', label: 'Won amount in a currency' },
};

export function fieldType(field: string): FieldType | undefined {
  if (field.startsWith('custom.') && /^custom\.[a-z][a-zA-Z0-9_]{0,49}$/.test(field)) return 'custom';
  return SEGMENT_FIELDS[field]?.type;
}
