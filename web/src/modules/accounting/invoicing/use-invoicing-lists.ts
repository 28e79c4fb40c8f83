import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { trimAmount } from '../decimal-sum';
import { BOOKS_CHANGED } from '../use-accounting-lists';
import type { PaymentTerms, Tax } from './invoicing-types';

/** What posting, allocating or cancelling a document changes: every page that shows it asks again. */
export const DOCUMENTS_CHANGED = [
  ...BOOKS_CHANGED,
  '/invoices',
  '/payments',
  '/open-items',
  '/accounting/aging',
];

/** Taxes and payment terms come whole (`{items}`, no cursor) and refuse paging parameters. */
function useSettingsList<T>(path: string, companyId: string | null, includeArchived: boolean) {
  return useQuery({
    queryKey: [path, 'all', { companyId, includeArchived }],
    enabled: !!companyId,
    queryFn: async () =>
      (await api.get<{ items: T[] }>(path, { companyId, includeArchived: includeArchived || undefined }))
        .items,
  });
}

export function useTaxes(companyId: string | null, includeArchived = false) {
  const query = useSettingsList<Tax>('/taxes', companyId, includeArchived);
  const taxes = query.data ?? [];
  return {
    query,
    taxes,
    /** Archived taxes are not offered for new lines, but a draft that has one still names it. */
    options: taxes
      .filter((t) => !t.archivedAt)
      .map((t) => ({ value: t.id, label: `${t.name} (${trimAmount(t.ratePercent, 0)}%)` })),
  };
}

export function usePaymentTerms(companyId: string | null, includeArchived = false) {
  const query = useSettingsList<PaymentTerms>('/payment-terms', companyId, includeArchived);
  const terms = query.data ?? [];
  return {
    query,
    terms,
    options: terms.filter((t) => !t.archivedAt).map((t) => ({ value: t.id, label: t.name })),
    nameOf: (id: string | null | undefined) => terms.find((t) => t.id === id)?.name ?? '',
  };
}
