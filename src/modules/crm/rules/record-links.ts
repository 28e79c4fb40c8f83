import type { FieldError } from '../../../platform/http/problem.js';

/** A linked record and the client it belongs to (null for a lead not yet qualified). */
export interface LinkedRecord {
  id: string;
  clientId: string | null;
}

export interface Links {
  clientId?: string | null;
  contact?: LinkedRecord;
  deal?: LinkedRecord;
  lead?: LinkedRecord;
}

export type LinkedClient = { ok: true; clientId: string | null } | { ok: false; errors: FieldError[] };

const FIELDS = { contact: 'contactId', deal: 'dealId', lead: 'leadId' } as const;
const NOUNS = { contact: 'contact', deal: 'deal', lead: 'lead' } as const;

/**
 * Everything an interaction or task links to must be about one client: the contact works there,
 * the deal is with it. The client may be left out and is then taken from the contact or deal.
 */
export function linkedClient(links: Links): LinkedClient {
  let clientId = links.clientId ?? null;
  let setBy = 'clientId';
  const errors: FieldError[] = [];
  for (const key of ['contact', 'deal', 'lead'] as const) {
    const record = links[key];
    if (!record?.clientId) continue;
    if (!clientId) {
      clientId = record.clientId;
      setBy = FIELDS[key];
    } else if (record.clientId !== clientId) {
      errors.push({
        field: FIELDS[key],
        reason: `is a ${NOUNS[key]} of another client than the one ${setBy} names`,
      });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, clientId };
}
