import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { Company } from '../companies/company-types';
import { type Contact, contactName } from '../parties/party-types';
import type { Deal } from './crm-types';

/** The client's contacts as select options. */
export function useContactOptions(clientId: string | null | undefined) {
  const query = useQuery({
    queryKey: ['/contacts', { clientId }],
    queryFn: () => api.get<Page<Contact>>('/contacts', { clientId, limit: 200 }),
    enabled: !!clientId,
  });
  return (query.data?.items ?? []).map((c) => ({ value: c.id, label: contactName(c) }));
}

/** The client's open deals as select options. */
export function useOpenDealOptions(clientId: string | null | undefined) {
  const query = useQuery({
    queryKey: ['/deals', { clientId, status: 'open' }],
    queryFn: () => api.get<Page<Deal>>('/deals', { clientId, status: 'open', limit: 200 }),
    enabled: !!clientId,
  });
  return (query.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }));
}

/** Money is counted in the first company's base currency unless a person picks another. */
export function useDefaultCurrency(): string {
  const query = useQuery({
    queryKey: ['/companies', { limit: 1, sort: 'createdAt' }],
    queryFn: () => api.get<Page<Company>>('/companies', { limit: 1, sort: 'createdAt' }),
    staleTime: 5 * 60_000,
  });
  return query.data?.items[0]?.baseCurrency ?? 'EUR';
}

/** `2026-03-02T14:00` in the browser's zone, for a datetime-local input. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as the API's ISO 8601 with a zone; blank stays null. */
export function isoFromLocal(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
