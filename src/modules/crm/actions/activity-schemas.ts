import { type TProperties, Type } from 'typebox';
import { Id, Nullable, Patterned, Search, Timestamp } from '../../../platform/http/schemas.js';
import { CALL_OUTCOMES, INTERACTION_KINDS } from '../rules/interaction-fields.js';

/** A string from a fixed list, refused with a reason that names the list. */
export const OneOf = (values: readonly string[], description: string) =>
  Patterned(`^(${values.join('|')})$`, `must be one of ${values.join(', ')}`, {
    description: `${description}: ${values.join(', ')}`,
  });

/** A moment in ISO 8601 with its zone, e.g. 2026-03-02T14:00:00Z. */
export const At = (description = 'ISO 8601 with a zone, e.g. 2026-03-02T14:00:00Z') =>
  Type.String({ format: 'date-time', description });
export const DateTime = At();
const Text = (maxLength: number) => Type.String({ maxLength });
const optional = <P extends TProperties>(properties: P) => Type.Partial(Type.Object(properties)).properties;

export const SOURCE_KINDS = ['channel', 'campaign', 'event', 'referral', 'web_form', 'other'] as const;
export const SourceKind = OneOf(SOURCE_KINDS, 'How it brought people');
export const LeadStatus = OneOf(['new', 'qualified', 'disqualified'], 'Where the lead is');
export const InteractionKind = OneOf(INTERACTION_KINDS, 'What kind of contact');
export const InteractionStatus = OneOf(['planned', 'done', 'cancelled'], 'Whether it happened');
export const CallOutcome = OneOf(CALL_OUTCOMES, 'How the call went');
export const TaskStatus = OneOf(['open', 'done', 'cancelled'], 'Whether it is still to do');
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = OneOf(PRIORITIES, 'How pressing');
/** A user id, or `me` for whoever asks. */
export const UserFilter = Patterned(
  '^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$',
  'must be a user id or "me"',
  { description: 'A user id, or "me"' },
);
/** The user a `UserFilter` names; `me` for the system, which is nobody, matches no one. */
export const filteredUser = (value: string, actor: { userId: string | null }) =>
  value === 'me' ? (actor.userId ?? '00000000-0000-0000-0000-000000000000') : value;

export const ListFilters = { q: Type.Optional(Search) };

export const Source = Type.Object({
  id: Id,
  kind: Type.String(),
  name: Type.String(),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});
export const SourceFields = { kind: SourceKind, name: Type.String({ minLength: 1, maxLength: 200 }) };

export const WebForm = Type.Object({
  id: Id,
  name: Type.String(),
  publicKey: Type.String({ description: 'Public by nature: it sits in the web page that posts the form' }),
  submitPath: Type.String({ description: 'Where the page posts its leads' }),
  sourceId: Id,
  responsibleUserId: Id,
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});
export const WebFormFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  sourceId: Id,
  responsibleUserId: Id,
};
export const submitPath = (publicKey: string) => `/api/v1/public/forms/${publicKey}/leads`;
export const showWebForm = <F extends { publicKey: string }>(form: F) => ({
  ...form,
  submitPath: submitPath(form.publicKey),
});

export const Lead = Type.Object({
  id: Id,
  status: Type.String(),
  contactName: Nullable(Type.String({ description: 'The person who asked; their contact once qualified' })),
  clientName: Nullable(Type.String({ description: 'Their company; the client once qualified' })),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: 'E.164' })),
  message: Nullable(Type.String()),
  sourceId: Nullable(Id),
  webFormId: Nullable(Id),
  responsibleUserId: Id,
  disqualifyReason: Nullable(Type.String()),
  clientId: Nullable(Id),
  contactId: Nullable(Id),
  dealId: Nullable(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  closedAt: Nullable(Timestamp),
});
/** What a person or an integration may say about a lead; checked and normalised by the intake rule. */
export const LeadChanges = {
  contactName: Nullable(Text(200)),
  clientName: Nullable(Text(200)),
  email: Nullable(Text(320)),
  phone: Nullable(Text(40)),
  message: Nullable(Text(5000)),
  sourceId: Id,
  responsibleUserId: Id,
};
export const NewLeadFields = {
  ...optional(LeadChanges),
  sourceId: Id,
};

export const Interaction = Type.Object({
  id: Id,
  kind: Type.String(),
  status: Type.String(),
  subject: Type.String(),
  body: Nullable(Type.String()),
  clientId: Id,
  contactId: Nullable(Id),
  dealId: Nullable(Id),
  sourceId: Nullable(Id),
  responsibleUserId: Id,
  occursAt: Timestamp,
  durationSeconds: Nullable(Type.Integer()),
  outcome: Nullable(Type.String()),
  remindAt: Nullable(Timestamp),
  remindedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const InteractionChanges = {
  kind: InteractionKind,
  subject: Type.String({ minLength: 1, maxLength: 300 }),
  body: Nullable(Text(20_000)),
  contactId: Nullable(Id),
  dealId: Nullable(Id),
  sourceId: Nullable(Id),
  responsibleUserId: Id,
  occursAt: DateTime,
  durationSeconds: Nullable(Type.Integer({ minimum: 0, maximum: 86_400, description: 'Calls only' })),
  outcome: Nullable(CallOutcome),
  remindAt: Nullable(DateTime),
};
export const NewInteractionFields = {
  ...optional(InteractionChanges),
  kind: InteractionKind,
  subject: InteractionChanges.subject,
  clientId: Id,
  status: Type.Optional(OneOf(['planned', 'done'], 'Planned, or logged as done (the default)')),
};

export const Task = Type.Object({
  id: Id,
  title: Type.String(),
  description: Nullable(Type.String()),
  assigneeUserId: Id,
  dueAt: Nullable(Timestamp),
  priority: Type.String(),
  status: Type.String(),
  doneAt: Nullable(Timestamp),
  clientId: Nullable(Id),
  contactId: Nullable(Id),
  dealId: Nullable(Id),
  leadId: Nullable(Id),
  remindAt: Nullable(Timestamp),
  remindedAt: Nullable(Timestamp),
  createdBy: Nullable(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const TaskChanges = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  description: Nullable(Text(20_000)),
  assigneeUserId: Id,
  dueAt: Nullable(DateTime),
  priority: Priority,
  remindAt: Nullable(DateTime),
  clientId: Nullable(Id),
  contactId: Nullable(Id),
  dealId: Nullable(Id),
  leadId: Nullable(Id),
};
export const NewTaskFields = { ...optional(TaskChanges), title: TaskChanges.title };

/** A date-time field of a request: absent stays absent, null stays null. */
export function toDate(text: string | null | undefined): Date | null | undefined {
  if (text === undefined || text === null) return text;
  return new Date(text);
}
