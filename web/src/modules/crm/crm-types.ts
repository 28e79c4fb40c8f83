export type DealStatus = 'open' | 'won' | 'lost';
export type StageOutcome = 'open' | 'won' | 'lost';

export interface Deal {
  id: string;
  title: string;
  pipelineId: string;
  stageId: string;
  stageName: string;
  clientId: string;
  clientName: string;
  counterpartyId: string | null;
  /** A decimal string in the deal's currency: never a JS number. */
  amount: string | null;
  currency: string;
  /** YYYY-MM-DD */
  expectedClose: string | null;
  responsibleUserId: string;
  responsibleName: string | null;
  sourceId: string | null;
  status: DealStatus;
  lossReasonId: string | null;
  lossNote: string | null;
  closedAt: string | null;
  custom: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface DealCard extends Deal {
  pipeline: { id: string; name: string };
  stage: { id: string; name: string; probability: string; outcome: StageOutcome };
  lossReason: { id: string; name: string } | null;
  contacts: {
    contactId: string;
    firstName: string;
    lastName: string | null;
    role: string | null;
    emails: string[];
    phones: string[];
  }[];
  history: {
    id: string;
    stageId: string;
    stageName: string;
    enteredAt: string;
    enteredBy: string | null;
    enteredByName: string | null;
    leftAt: string | null;
    leftBy: string | null;
    leftByName: string | null;
  }[];
}

export interface StageRegulation {
  requiredFields?: string[];
  tasksDone?: boolean;
  interactionKinds?: string[];
  documentType?: string;
}

export interface Stage {
  id: string;
  pipelineId: string;
  name: string;
  position: number;
  probability: string;
  outcome: StageOutcome;
  regulation: StageRegulation;
}

export interface Pipeline {
  id: string;
  name: string;
  dealType: string;
  isDefault: boolean;
  archivedAt: string | null;
  stages: Stage[];
}

export interface BoardStage {
  id: string;
  name: string;
  position: number;
  probability: string;
  outcome: StageOutcome;
  dealCount: number;
  unconvertedCount: number;
  total: string;
  weightedTotal: string;
  deals: Deal[];
  /** More deals than shown: the cursor of the stage's deal list; null when all are shown. */
  nextCursor: string | null;
}

export interface Board {
  pipeline: { id: string; name: string };
  currency: string;
  on: string;
  rates: { currency: string; rate: string; validOn: string | null; inverted: boolean }[];
  dealCount: number;
  total: string;
  weightedTotal: string;
  stages: BoardStage[];
  unconvertedCurrencies: string[];
  unconverted: { id: string; title: string; stageId: string; currency: string; amount: string | null }[];
}

export interface LossReason {
  id: string;
  name: string;
}

export interface Source {
  id: string;
  kind: string;
  name: string;
  archivedAt: string | null;
}

export type LeadStatus = 'new' | 'qualified' | 'disqualified';

export interface Lead {
  id: string;
  status: LeadStatus;
  contactName: string | null;
  clientName: string | null;
  email: string | null;
  phone: string | null;
  message: string | null;
  sourceId: string | null;
  webFormId: string | null;
  responsibleUserId: string;
  disqualifyReason: string | null;
  clientId: string | null;
  contactId: string | null;
  dealId: string | null;
  createdAt: string;
  closedAt: string | null;
}

export interface WebForm {
  id: string;
  name: string;
  publicKey: string;
  submitPath: string;
  sourceId: string;
  responsibleUserId: string;
  createdAt: string;
  archivedAt: string | null;
}

export const INTERACTION_KINDS = ['meeting', 'call_in', 'call_out', 'sms', 'email', 'note'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const CALL_OUTCOMES = ['answered', 'no_answer', 'busy', 'voicemail'] as const;

export interface Interaction {
  id: string;
  kind: InteractionKind;
  status: 'planned' | 'done' | 'cancelled';
  subject: string;
  body: string | null;
  clientId: string;
  contactId: string | null;
  dealId: string | null;
  responsibleUserId: string;
  occursAt: string;
  durationSeconds: number | null;
  outcome: string | null;
  createdAt: string;
}

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Task {
  id: string;
  title: string;
  description: string | null;
  assigneeUserId: string;
  dueAt: string | null;
  priority: Priority;
  status: 'open' | 'done' | 'cancelled';
  doneAt: string | null;
  clientId: string | null;
  contactId: string | null;
  dealId: string | null;
  leadId: string | null;
  createdAt: string;
}

export interface Segment {
  id: string;
  name: string;
  kind: 'dynamic' | 'static';
  criteria: SegmentCriteria | null;
  refresh: 'none' | 'hourly' | 'daily';
  memberCount: number;
  computedAt: string | null;
  createdAt: string;
  archivedAt: string | null;
}

export interface SegmentCondition {
  field: string;
  op: string;
  value?: unknown;
}

export interface SegmentCriteria {
  all?: (SegmentCondition | SegmentCriteria)[];
  any?: (SegmentCondition | SegmentCriteria)[];
}

export interface SegmentFieldInfo {
  key: string;
  label: string;
  type: 'text' | 'choice' | 'id' | 'tags' | 'date' | 'count' | 'amount' | 'custom';
  ops: string[];
}

export interface SegmentMember {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  responsibleUserId: string;
}

export interface MarketingEvent {
  id: string;
  name: string;
  kind: 'exhibition' | 'seminar' | 'webinar' | 'other';
  startsOn: string;
  endsOn: string;
  location: string | null;
  sourceId: string;
  createdAt: string;
  archivedAt: string | null;
}

export interface Attendee {
  id: string;
  eventId: string;
  clientId: string | null;
  contactId: string | null;
  leadId: string | null;
  status: 'registered' | 'attended' | 'no_show';
  createdAt: string;
}

export interface MarketingCost {
  id: string;
  sourceId: string;
  spentOn: string;
  amount: string;
  currency: string;
  note: string | null;
}

export interface AttributionRow {
  sourceId: string;
  kind: string;
  name: string;
  leads: number;
  firstClients: number;
  deals: number;
  wonDeals: number;
  wonAmount: string;
  cost: string;
  returnOnCost: string | null;
  unconverted: { currency: string; on: string; amount: string }[];
}
