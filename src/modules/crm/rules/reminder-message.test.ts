import { describe, expect, it } from 'vitest';
import { interactionReminder, taskReminder } from './reminder-message.js';

const occursAt = new Date('2026-03-02T14:00:00Z');

describe('reminder texts', () => {
  it.each([
    ['call_out', 'Call with Stroy OOD at 2026-03-02 14:00 UTC'],
    ['call_in', 'Incoming call with Stroy OOD at 2026-03-02 14:00 UTC'],
    ['meeting', 'Meeting with Stroy OOD at 2026-03-02 14:00 UTC'],
  ])('an interaction of kind %s', (kind, title) => {
    const n = interactionReminder({
      id: 'i1',
      kind,
      subject: 'Prices for spring',
      occursAt,
      clientName: 'Stroy OOD',
      responsibleUserId: 'u1',
    });
    expect(n).toEqual({
      userId: 'u1',
      kind: 'crm.interactionReminder',
      title,
      body: 'Prices for spring',
      link: '/crm/interactions/i1',
    });
  });

  it.each([
    ['normal', occursAt, 'Due 2026-03-02 14:00 UTC'],
    ['urgent', occursAt, 'Due 2026-03-02 14:00 UTC, urgent priority'],
    ['high', null, 'No due date, high priority'],
  ])('a %s task', (priority, dueAt, body) => {
    const n = taskReminder({ id: 't1', title: 'Send the offer', priority, dueAt, assigneeUserId: 'u2' });
    expect(n).toEqual({
      userId: 'u2',
      kind: 'crm.taskReminder',
      title: 'Task: Send the offer',
      body,
      link: '/crm/tasks/t1',
    });
  });
});
