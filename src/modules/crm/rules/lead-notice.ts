import type { NotificationInput } from '../../../platform/notifications/notify.js';

export interface NoticedLead {
  id: string;
  contactName: string | null;
  clientName: string | null;
  responsibleUserId: string;
}

const who = (lead: NoticedLead) =>
  [lead.contactName, lead.clientName].filter(Boolean).join(', ') || 'someone without a name';

/**
 * Tells people of leads someone else gave them: one notice per lead from a form or a colleague,
 * one per person for an import (a file of 500 leads is one piece of news, not 500).
 */
export function leadNotices(
  created: NoticedLead[],
  channel: 'api' | 'web_form' | 'import',
  actorUserId: string | null,
): NotificationInput[] {
  const theirs = created.filter((lead) => lead.responsibleUserId !== actorUserId);
  if (channel !== 'import')
    return theirs.map((lead) => ({
      userId: lead.responsibleUserId,
      kind: 'crm.leadAssigned',
      title: `New lead: ${who(lead)}`,
      body: channel === 'web_form' ? 'Arrived through a web form.' : null,
      link: `/crm/leads/${lead.id}`,
    }));
  const counts = new Map<string, number>();
  for (const lead of theirs)
    counts.set(lead.responsibleUserId, (counts.get(lead.responsibleUserId) ?? 0) + 1);
  return [...counts].map(([userId, n]) => ({
    userId,
    kind: 'crm.leadsImported',
    title: n === 1 ? '1 imported lead is yours' : `${n} imported leads are yours`,
    body: null,
    link: '/crm/leads?status=new',
  }));
}
