import { Type } from 'typebox';
import { Id, Name, Nullable, Timestamp } from '../../../platform/http/schemas.js';

export const TicketKind = Type.Union([Type.Literal('claim'), Type.Literal('ticket')]);
export const Priority = Type.Union(['low', 'normal', 'high', 'urgent'].map((p) => Type.Literal(p)));
const Time = Type.String({
  pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$',
  description: 'HH:MM; 24:00 closes at midnight',
});

export const CalendarFields = {
  name: Name,
  timeZone: Type.String({ maxLength: 64, description: 'IANA zone, e.g. Europe/Sofia' }),
  week: Type.Record(
    Type.String({ pattern: '^[1-7]$' }),
    Type.Array(Type.Tuple([Time, Time]), { maxItems: 6 }),
    {
      description: 'Working hours per ISO weekday (1 = Monday): {"1": [["09:00","18:00"]]}',
    },
  ),
  holidays: Type.Optional(Type.Array(Type.String({ format: 'date' }), { maxItems: 400 })),
};

export const SlaFields = {
  kind: TicketKind,
  priority: Priority,
  firstResponseMinutes: Type.Integer({ minimum: 1, maximum: 525600 }),
  resolutionMinutes: Type.Integer({ minimum: 1, maximum: 525600 }),
  calendarId: Id,
  escalateToUserId: Type.Optional(Nullable(Id)),
};

export const OpenTicketFields = {
  kind: TicketKind,
  subject: Name,
  description: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
  category: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  priority: Type.Optional(Priority),
  channel: Type.Optional(Type.Union([Type.Literal('manual'), Type.Literal('api'), Type.Literal('email')])),
  clientId: Id,
  contactId: Type.Optional(Nullable(Id)),
  dealId: Type.Optional(Nullable(Id)),
  responsibleUserId: Type.Optional(Id),
};

export const Ticket = Type.Object({
  id: Id,
  kind: Type.String(),
  subject: Type.String(),
  description: Nullable(Type.String()),
  category: Nullable(Type.String()),
  priority: Type.String(),
  status: Type.String(),
  channel: Type.String(),
  clientId: Id,
  contactId: Nullable(Id),
  dealId: Nullable(Id),
  responsibleUserId: Id,
  firstResponseDueAt: Nullable(Timestamp),
  resolutionDueAt: Nullable(Timestamp),
  firstRespondedAt: Nullable(Timestamp),
  resolvedAt: Nullable(Timestamp),
  escalatedAt: Nullable(Timestamp),
  waitingSince: Nullable(Timestamp),
  resolution: Nullable(Type.String()),
  satisfaction: Nullable(Type.Integer()),
  createdAt: Timestamp,
});
