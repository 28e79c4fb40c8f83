import type { NotificationInput } from '../../../platform/notifications/notify.js';

const KIND_NAMES: Record<string, string> = {
  meeting: 'Meeting',
  call_in: 'Incoming call',
  call_out: 'Call',
  sms: 'SMS',
  email: 'Email',
  note: 'Note',
};

/** `2026-03-02 14:00 UTC`: the inbox shows it in the reader's zone; the text must be unambiguous. */
export const utcMinute = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export interface DueInteraction {
  id: string;
  kind: string;
  subject: string;
  occursAt: Date;
  clientName: string;
  responsibleUserId: string;
}

export interface DueTask {
  id: string;
  title: string;
  priority: string;
  dueAt: Date | null;
  assigneeUserId: string;
}

/** "Call with Stroy OOD at 2026-03-02 14:00 UTC" — what the responsible person is reminded of. */
export function interactionReminder(i: DueInteraction): NotificationInput {
  return {
    userId: i.responsibleUserId,
    kind: 'crm.interactionReminder',
    title: `${KIND_NAMES[i.kind] ?? i.kind} with ${i.clientName} at ${utcMinute(i.occursAt)}`,
    body: i.subject,
    link: `/crm/interactions/${i.id}`,
  };
}

export function taskReminder(t: DueTask): NotificationInput {
  const due = t.dueAt ? `due ${utcMinute(t.dueAt)}` : 'no due date';
  const urgency = t.priority === 'high' || t.priority === 'urgent' ? `, ${t.priority} priority` : '';
  return {
    userId: t.assigneeUserId,
    kind: 'crm.taskReminder',
    title: `Task: ${t.title}`,
    body: `${due[0].toUpperCase()}${due.slice(1)}${urgency}`,
    link: `/crm/tasks/${t.id}`,
  };
}
