import type { Address } from '../companies/company-types';

export type ClientKind = 'organization' | 'person';
export const CLIENT_KINDS: ClientKind[] = ['organization', 'person'];

export interface Client {
  id: string;
  name: string;
  kind: ClientKind;
  email: string | null;
  phone: string | null;
  website: string | null;
  industryId: string | null;
  responsibleUserId: string;
  tags: string[];
  notes: string | null;
  address: Address | null;
  custom: Record<string, unknown>;
  mergedIntoId: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface DuplicateCandidate {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  responsibleUserId: string;
  archivedAt: string | null;
  matchedBy: string[];
}

export interface CreatedClient extends Client {
  possibleDuplicates: DuplicateCandidate[];
}

export interface CounterpartyLink {
  id: string;
  clientId: string;
  counterpartyId: string;
  /** YYYY-MM-DD */
  validFrom: string;
  validTo: string | null;
  createdAt: string;
  legalName: string;
  taxId: string | null;
}

export interface Contact {
  id: string;
  clientId: string;
  firstName: string;
  lastName: string | null;
  positionId: string | null;
  role: string | null;
  phones: string[];
  emails: string[];
  notes: string | null;
  custom: Record<string, unknown>;
  createdAt: string;
  archivedAt: string | null;
}

export interface ClientCard extends Client {
  counterparties: (CounterpartyLink & { kind: string; country: string })[];
  contacts: Contact[];
}

export interface Counterparty {
  id: string;
  legalName: string;
  kind: string;
  taxId: string | null;
  registrationNumber: string | null;
  country: string;
  archivedAt: string | null;
}

export type CustomFieldType = 'text' | 'number' | 'date' | 'choice' | 'reference';

export interface CustomField {
  id: string;
  entity: string;
  key: string;
  label: string;
  type: CustomFieldType;
  options: { choices?: string[]; references?: string };
  required: boolean;
  archivedAt: string | null;
}

export interface TimelineEntry {
  type: string;
  id: string;
  at: string;
  title: string;
  detail: string | null;
  status: string | null;
  dealId: string | null;
  userId: string | null;
  userName: string | null;
}

export interface SearchHit {
  type: string;
  id: string;
  title: string;
  detail: string | null;
  clientId: string | null;
}

export const contactName = (c: { firstName: string; lastName: string | null }) =>
  [c.firstName, c.lastName].filter(Boolean).join(' ');
