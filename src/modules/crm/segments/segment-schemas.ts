import { Type } from 'typebox';
import { Id, Name, Nullable, Timestamp } from '../../../platform/http/schemas.js';

/** Criteria are checked by checkCriteria, which names the exact path of each problem. */
export const Criteria = Type.Unsafe<import('../schema.js').SegmentCriteria>({
  type: 'object',
  description:
    'Conditions: {"all"|"any": [{field, op, value} | group]}. GET /segments/fields lists fields and operators.',
});

export const Refresh = Type.Union([Type.Literal('none'), Type.Literal('hourly'), Type.Literal('daily')]);

export const SegmentFields = {
  name: Name,
  kind: Type.Union([Type.Literal('dynamic'), Type.Literal('static')]),
  criteria: Type.Optional(Nullable(Criteria)),
  refresh: Type.Optional(Refresh),
};

export const Segment = Type.Object({
  id: Id,
  name: Type.String(),
  kind: Type.String(),
  criteria: Type.Unknown(),
  refresh: Type.String(),
  memberCount: Type.Integer(),
  computedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});
