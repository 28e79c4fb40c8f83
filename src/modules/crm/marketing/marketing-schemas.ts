import { Type } from 'typebox';
import { CurrencyCode } from '../../../platform/directories/schemas.js';
import { DateOnly, Decimal, Id, Name, Nullable, Timestamp } from '../../../platform/http/schemas.js';

export const EventKind = Type.Union(
  ['exhibition', 'seminar', 'webinar', 'other'].map((k) => Type.Literal(k)),
);
export const AttendeeStatus = Type.Union(['registered', 'attended', 'no_show'].map((k) => Type.Literal(k)));

export const EventFields = {
  name: Name,
  kind: EventKind,
  startsOn: DateOnly,
  endsOn: DateOnly,
  location: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
};

export const MarketingEvent = Type.Object({
  id: Id,
  name: Type.String(),
  kind: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  location: Nullable(Type.String()),
  sourceId: Id,
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const Attendee = Type.Object({
  id: Id,
  eventId: Id,
  clientId: Nullable(Id),
  contactId: Nullable(Id),
  leadId: Nullable(Id),
  status: Type.String(),
  createdAt: Timestamp,
});

export const CostFields = {
  sourceId: Id,
  spentOn: DateOnly,
  amount: Decimal,
  currency: CurrencyCode,
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
};

export const MarketingCost = Type.Object({
  id: Id,
  sourceId: Id,
  spentOn: Type.String(),
  amount: Type.String(),
  currency: Type.String(),
  note: Nullable(Type.String()),
  createdAt: Timestamp,
});
