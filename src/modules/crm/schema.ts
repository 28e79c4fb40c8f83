import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { archivedAt, createdAt, id, money, tenantId, updatedAt } from '../../platform/db/columns.js';
import { clients, contacts, counterparties } from '../parties/schema.js';

/** How a client or deal came: an ad channel, a campaign, a marketing event, a referral. */
export const sources = pgTable(
  'sources',
  {
    id: id(),
    tenantId: tenantId(),
    /** `channel`, `campaign`, `event`, `referral`, `web_form` or `other`. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [unique('sources_name_key').on(t.tenantId, t.kind, t.name)],
);

/** The source that first brought a client, asked once and kept. */
export const clientAttribution = pgTable(
  'client_attribution',
  {
    clientId: uuid('client_id').primaryKey(),
    tenantId: tenantId(),
    firstSourceId: uuid('first_source_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'client_attribution_client_fkey',
      columns: [t.clientId],
      foreignColumns: [clients.id],
    }),
    foreignKey({
      name: 'client_attribution_source_fkey',
      columns: [t.firstSourceId],
      foreignColumns: [sources.id],
    }),
  ],
);

/** A public form on a website that posts leads; the key is public by nature (it sits in the page). */
export const webForms = pgTable('web_forms', {
  id: id(),
  tenantId: tenantId(),
  name: text('name').notNull(),
  publicKey: text('public_key').notNull().unique(),
  sourceId: uuid('source_id').notNull(),
  responsibleUserId: uuid('responsible_user_id').notNull(),
  createdAt: createdAt(),
  archivedAt: archivedAt(),
});

/** A new inquiry not yet qualified. */
export const leads = pgTable(
  'leads',
  {
    id: id(),
    tenantId: tenantId(),
    /** `new`, `qualified` or `disqualified`. */
    status: text('status').notNull().default('new'),
    personName: text('person_name'),
    companyName: text('company_name'),
    email: text('email'),
    phone: text('phone'),
    message: text('message'),
    sourceId: uuid('source_id'),
    webFormId: uuid('web_form_id'),
    responsibleUserId: uuid('responsible_user_id').notNull(),
    disqualifyReason: text('disqualify_reason'),
    clientId: uuid('client_id'),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('leads_status_idx').on(t.tenantId, t.status, t.createdAt),
    // the client card's timeline lists a client's leads newest first
    index('leads_client_idx').on(t.tenantId, t.clientId, t.createdAt),
  ],
);

/** An ordered set of stages for one type of deal. */
export const pipelines = pgTable(
  'pipelines',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    dealType: text('deal_type').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [unique('pipelines_name_key').on(t.tenantId, t.name)],
);

/** What must be true before a deal may enter a stage. */
export interface StageRegulation {
  /** Deal fields that must be filled: `amount`, `expectedClose`, `counterpartyId`, `contacts`, or `custom.<key>`. */
  requiredFields?: string[];
  /** Every open task of the deal must be done. */
  tasksDone?: boolean;
  /** At least one done interaction of each kind, linked to the deal. */
  interactionKinds?: string[];
  /** A linked document of this type (e.g. `quotation`), once a later module provides it. */
  documentType?: string;
}

export const stages = pgTable(
  'stages',
  {
    id: id(),
    tenantId: tenantId(),
    pipelineId: uuid('pipeline_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    /** Percent, 0 to 100. */
    probability: numeric('probability', { precision: 5, scale: 2 }).notNull(),
    /** `open`, `won` or `lost`. */
    outcome: text('outcome').notNull().default('open'),
    regulation: jsonb('regulation').$type<StageRegulation>().notNull().default({}),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('stages_pipeline_idx').on(t.tenantId, t.pipelineId, t.position),
    foreignKey({ name: 'stages_pipeline_fkey', columns: [t.pipelineId], foreignColumns: [pipelines.id] }),
  ],
);

export const lossReasons = pgTable(
  'loss_reasons',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [unique('loss_reasons_name_key').on(t.tenantId, t.name)],
);

/** A sales opportunity moving through a pipeline. */
export const deals = pgTable(
  'deals',
  {
    id: id(),
    tenantId: tenantId(),
    title: text('title').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    clientId: uuid('client_id').notNull(),
    counterpartyId: uuid('counterparty_id'),
    amount: money('amount'),
    currency: text('currency').notNull(),
    expectedClose: date('expected_close'),
    responsibleUserId: uuid('responsible_user_id').notNull(),
    sourceId: uuid('source_id'),
    /** `open`, `won` or `lost`, following the stage's outcome. */
    status: text('status').notNull().default('open'),
    lossReasonId: uuid('loss_reason_id'),
    lossNote: text('loss_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('deals_stage_idx').on(t.tenantId, t.pipelineId, t.stageId),
    index('deals_client_idx').on(t.tenantId, t.clientId),
    index('deals_responsible_idx').on(t.tenantId, t.responsibleUserId),
    foreignKey({ name: 'deals_client_fkey', columns: [t.clientId], foreignColumns: [clients.id] }),
    foreignKey({
      name: 'deals_counterparty_fkey',
      columns: [t.counterpartyId],
      foreignColumns: [counterparties.id],
    }),
    foreignKey({ name: 'deals_stage_fkey', columns: [t.stageId], foreignColumns: [stages.id] }),
    foreignKey({ name: 'deals_pipeline_fkey', columns: [t.pipelineId], foreignColumns: [pipelines.id] }),
    foreignKey({ name: 'deals_source_fkey', columns: [t.sourceId], foreignColumns: [sources.id] }),
  ],
);

export const dealContacts = pgTable(
  'deal_contacts',
  {
    tenantId: tenantId(),
    dealId: uuid('deal_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: text('role'),
  },
  (t) => [
    unique('deal_contacts_contact_key').on(t.dealId, t.contactId),
    foreignKey({ name: 'deal_contacts_deal_fkey', columns: [t.dealId], foreignColumns: [deals.id] }),
    foreignKey({ name: 'deal_contacts_contact_fkey', columns: [t.contactId], foreignColumns: [contacts.id] }),
  ],
);

/** Every stage a deal was in: when it entered and left, and who moved it. For win/loss and stage-time analysis. */
export const dealStageHistory = pgTable(
  'deal_stage_history',
  {
    id: id(),
    tenantId: tenantId(),
    dealId: uuid('deal_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    enteredBy: uuid('entered_by'),
    leftAt: timestamp('left_at', { withTimezone: true }),
    leftBy: uuid('left_by'),
  },
  (t) => [
    index('deal_stage_history_deal_idx').on(t.tenantId, t.dealId, t.enteredAt),
    foreignKey({ name: 'deal_stage_history_deal_fkey', columns: [t.dealId], foreignColumns: [deals.id] }),
  ],
);

/** A meeting, call, SMS, email or note with a client; planned or done. */
export const interactions = pgTable(
  'interactions',
  {
    id: id(),
    tenantId: tenantId(),
    /** `meeting`, `call_in`, `call_out`, `sms`, `email` or `note`. */
    kind: text('kind').notNull(),
    /** `planned`, `done` or `cancelled`. */
    status: text('status').notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    clientId: uuid('client_id').notNull(),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    sourceId: uuid('source_id'),
    responsibleUserId: uuid('responsible_user_id').notNull(),
    /** When it happens (planned) or happened (done). */
    occursAt: timestamp('occurs_at', { withTimezone: true }).notNull(),
    durationSeconds: integer('duration_seconds'),
    /** For calls: `answered`, `no_answer`, `busy`, `voicemail`; free text otherwise. */
    outcome: text('outcome'),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('interactions_client_idx').on(t.tenantId, t.clientId, t.occursAt),
    index('interactions_deal_idx').on(t.tenantId, t.dealId),
    index('interactions_reminder_idx').on(t.remindAt).where(sql`reminded_at is null and status = 'planned'`),
    foreignKey({ name: 'interactions_client_fkey', columns: [t.clientId], foreignColumns: [clients.id] }),
    foreignKey({ name: 'interactions_contact_fkey', columns: [t.contactId], foreignColumns: [contacts.id] }),
    foreignKey({ name: 'interactions_deal_fkey', columns: [t.dealId], foreignColumns: [deals.id] }),
  ],
);

/** A to-do with an assignee and a due date, linked to any CRM record. */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    tenantId: tenantId(),
    title: text('title').notNull(),
    description: text('description'),
    assigneeUserId: uuid('assignee_user_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** `low`, `normal`, `high` or `urgent`. */
    priority: text('priority').notNull().default('normal'),
    /** `open`, `done` or `cancelled`. */
    status: text('status').notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    clientId: uuid('client_id'),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    leadId: uuid('lead_id'),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tasks_assignee_idx').on(t.tenantId, t.assigneeUserId, t.status, t.dueAt),
    index('tasks_client_idx').on(t.tenantId, t.clientId),
    index('tasks_deal_idx').on(t.tenantId, t.dealId),
    index('tasks_reminder_idx').on(t.remindAt).where(sql`reminded_at is null and status = 'open'`),
  ],
);

/** One test of a segment: a client field, an activity date or a deal figure against a value. */
export interface SegmentCondition {
  field: string;
  op: string;
  value?: unknown;
}

/** Conditions combined with `all` (and) or `any` (or); groups nest. */
export interface SegmentCriteria {
  all?: (SegmentCondition | SegmentCriteria)[];
  any?: (SegmentCondition | SegmentCriteria)[];
}

/** A group of clients: dynamic (by criteria, recomputed) or static (a fixed list). */
export const segments = pgTable(
  'segments',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** `dynamic` or `static`. */
    kind: text('kind').notNull(),
    criteria: jsonb('criteria').$type<SegmentCriteria>(),
    /** Recompute dynamic segments on this schedule: `none`, `hourly` or `daily`. */
    refresh: text('refresh').notNull().default('daily'),
    memberCount: integer('member_count').notNull().default(0),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [unique('segments_name_key').on(t.tenantId, t.name)],
);

export const segmentMembers = pgTable(
  'segment_members',
  {
    tenantId: tenantId(),
    segmentId: uuid('segment_id').notNull(),
    clientId: uuid('client_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('segment_members_client_key').on(t.segmentId, t.clientId),
    index('segment_members_client_idx').on(t.tenantId, t.clientId),
    foreignKey({
      name: 'segment_members_segment_fkey',
      columns: [t.segmentId],
      foreignColumns: [segments.id],
    }),
    foreignKey({ name: 'segment_members_client_fkey', columns: [t.clientId], foreignColumns: [clients.id] }),
  ],
);

/** An exhibition, seminar or webinar: dates, costs and attendees; its own source for attribution. */
export const marketingEvents = pgTable(
  'marketing_events',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** `exhibition`, `seminar`, `webinar` or `other`. */
    kind: text('kind').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    location: text('location'),
    /** The source every lead, client and deal the event brings carries. */
    sourceId: uuid('source_id').notNull(),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    unique('marketing_events_name_key').on(t.tenantId, t.name),
    foreignKey({ name: 'marketing_events_source_fkey', columns: [t.sourceId], foreignColumns: [sources.id] }),
  ],
);

export const eventAttendees = pgTable(
  'event_attendees',
  {
    id: id(),
    tenantId: tenantId(),
    eventId: uuid('event_id').notNull(),
    clientId: uuid('client_id'),
    contactId: uuid('contact_id'),
    leadId: uuid('lead_id'),
    /** `registered`, `attended` or `no_show`. */
    status: text('status').notNull().default('registered'),
    createdAt: createdAt(),
  },
  (t) => [
    index('event_attendees_event_idx').on(t.tenantId, t.eventId),
    foreignKey({
      name: 'event_attendees_event_fkey',
      columns: [t.eventId],
      foreignColumns: [marketingEvents.id],
    }),
  ],
);

/** Money spent on a source (a channel, campaign or event) on a day: the cost side of attribution. */
export const marketingCosts = pgTable(
  'marketing_costs',
  {
    id: id(),
    tenantId: tenantId(),
    sourceId: uuid('source_id').notNull(),
    spentOn: date('spent_on').notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('marketing_costs_source_idx').on(t.tenantId, t.sourceId, t.spentOn),
    foreignKey({ name: 'marketing_costs_source_fkey', columns: [t.sourceId], foreignColumns: [sources.id] }),
  ],
);

/** Rules for earning and spending bonus points. */
export const loyaltyPrograms = pgTable(
  'loyalty_programs',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** Purchases in this currency earn points. */
    currency: text('currency').notNull(),
    /** Percent of a paid amount credited as points, unless a category says otherwise. */
    accrualPercent: numeric('accrual_percent', { precision: 7, scale: 4 }).notNull(),
    /** Percent by product category, e.g. {"coffee": "10"}. */
    categoryPercents: jsonb('category_percents').$type<Record<string, string>>().notNull().default({}),
    /** Points lapse this many days after they were earned; null: never. */
    expireDays: integer('expire_days'),
    /** At most this percent of a purchase may be paid with points. */
    maxRedeemPercent: numeric('max_redeem_percent', { precision: 7, scale: 4 }).notNull().default('100'),
    /** What one point is worth in the program's currency. */
    pointValue: numeric('point_value', { precision: 19, scale: 4 }).notNull().default('1'),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [unique('loyalty_programs_name_key').on(t.tenantId, t.name)],
);

export const loyaltyCards = pgTable(
  'loyalty_cards',
  {
    id: id(),
    tenantId: tenantId(),
    programId: uuid('program_id').notNull(),
    clientId: uuid('client_id').notNull(),
    cardNumber: text('card_number').notNull(),
    /** E.164: clients are found by phone at the till too. */
    phone: text('phone'),
    createdAt: createdAt(),
    blockedAt: timestamp('blocked_at', { withTimezone: true }),
  },
  (t) => [
    unique('loyalty_cards_card_number_key').on(t.tenantId, t.cardNumber),
    index('loyalty_cards_phone_idx').on(t.tenantId, t.phone),
    foreignKey({
      name: 'loyalty_cards_program_fkey',
      columns: [t.programId],
      foreignColumns: [loyaltyPrograms.id],
    }),
    foreignKey({ name: 'loyalty_cards_client_fkey', columns: [t.clientId], foreignColumns: [clients.id] }),
  ],
);

/** Every point earned, spent, lapsed or adjusted. Append-only: a trigger refuses changes. */
export const loyaltyLedger = pgTable(
  'loyalty_ledger',
  {
    id: id(),
    tenantId: tenantId(),
    programId: uuid('program_id').notNull(),
    clientId: uuid('client_id').notNull(),
    cardId: uuid('card_id'),
    /** `accrual`, `redemption`, `expiry` or `adjustment`. */
    kind: text('kind').notNull(),
    /** Signed: credits positive, debits negative. */
    points: numeric('points', { precision: 20, scale: 6 }).notNull(),
    occurredOn: date('occurred_on').notNull(),
    /** For accruals: the day their points lapse. */
    expiresOn: date('expires_on'),
    /** The purchase behind an accrual or redemption, in the program's currency. */
    purchaseAmount: money('purchase_amount'),
    documentType: text('document_type'),
    documentId: uuid('document_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('loyalty_ledger_client_idx').on(t.tenantId, t.programId, t.clientId, t.occurredOn),
    foreignKey({
      name: 'loyalty_ledger_program_fkey',
      columns: [t.programId],
      foreignColumns: [loyaltyPrograms.id],
    }),
    foreignKey({ name: 'loyalty_ledger_client_fkey', columns: [t.clientId], foreignColumns: [clients.id] }),
  ],
);

/** The derived balance, kept in step with the ledger in the same transaction under a row lock. */
export const loyaltyBalances = pgTable(
  'loyalty_balances',
  {
    tenantId: tenantId(),
    programId: uuid('program_id').notNull(),
    clientId: uuid('client_id').notNull(),
    points: numeric('points', { precision: 20, scale: 6 }).notNull().default('0'),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('loyalty_balances_client_key').on(t.programId, t.clientId),
    check('loyalty_balances_not_negative', sql`${t.points} >= 0`),
  ],
);

/** Working hours for SLA clocks: per weekday, in the calendar's time zone, less holidays. */
export interface WeekHours {
  /** Keys 1 (Monday) to 7 (Sunday); each a list of [from, to] times "09:00". */
  [isoWeekday: string]: [string, string][];
}

export const workCalendars = pgTable(
  'work_calendars',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    week: jsonb('week').$type<WeekHours>().notNull(),
    holidays: date('holidays').array().notNull().default(sql`'{}'::date[]`),
    createdAt: createdAt(),
  },
  (t) => [unique('work_calendars_name_key').on(t.tenantId, t.name)],
);

/** Targets per priority, in working minutes of a calendar, and whom to tell when one is missed. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: id(),
    tenantId: tenantId(),
    /** `claim` or `ticket`. */
    kind: text('kind').notNull(),
    priority: text('priority').notNull(),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    calendarId: uuid('calendar_id').notNull(),
    escalateToUserId: uuid('escalate_to_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('sla_policies_priority_key').on(t.tenantId, t.kind, t.priority),
    foreignKey({
      name: 'sla_policies_calendar_fkey',
      columns: [t.calendarId],
      foreignColumns: [workCalendars.id],
    }),
  ],
);

/** A client's complaint (claim) or support request (ticket), run against its SLA targets. */
export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    tenantId: tenantId(),
    /** `claim` or `ticket`. */
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    description: text('description'),
    category: text('category'),
    /** `low`, `normal`, `high` or `urgent`. */
    priority: text('priority').notNull().default('normal'),
    /** `new`, `in_progress`, `waiting`, `resolved` or `closed`. */
    status: text('status').notNull().default('new'),
    /** `manual`, `api` or `email`. */
    channel: text('channel').notNull().default('manual'),
    clientId: uuid('client_id').notNull(),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    /** The document line concerned, once sales documents exist. */
    documentType: text('document_type'),
    documentId: uuid('document_id'),
    responsibleUserId: uuid('responsible_user_id').notNull(),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** Set while the ticket waits for the client: the resolution clock stands still meanwhile. */
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    resolution: text('resolution'),
    /** 1 to 5, asked when resolved. */
    satisfaction: integer('satisfaction'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tickets_client_idx').on(t.tenantId, t.clientId, t.createdAt),
    index('tickets_open_due_idx')
      .on(t.resolutionDueAt)
      .where(sql`status not in ('resolved', 'closed') and escalated_at is null`),
    foreignKey({ name: 'tickets_client_fkey', columns: [t.clientId], foreignColumns: [clients.id] }),
    check('tickets_satisfaction_range', sql`${t.satisfaction} between 1 and 5`),
  ],
);
