import { useQuery } from '@tanstack/react-query';
import { api, type Page, type QueryValue } from '../../api/client';
import {
  type Account,
  type AnalyticDimension,
  accountLabel,
  type DimensionKind,
  type FiscalYear,
  type Journal,
} from './accounting-types';

const MAX_PAGES = 20;

/** What a posting changes, so every page that shows balances asks again. */
export const BOOKS_CHANGED = [
  '/journal-entries',
  '/accounting/trial-balance',
  '/accounting/general-ledger',
  '/fiscal-years',
];

/**
 * Every item of one company's list (accounts, journals, dimensions, fiscal years), following
 * the cursor; a list the server answers as a plain array is taken as it is.
 */
export function useCompanyItems<T>(
  path: string,
  companyId: string | null,
  filters: Record<string, QueryValue> = {},
) {
  return useQuery({
    queryKey: [path, 'all', { companyId, ...filters }],
    enabled: !!companyId,
    queryFn: async () => {
      const items: T[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result: Page<T> | T[] = await api.get<Page<T> | T[]>(path, {
          companyId,
          ...filters,
          limit: 200,
          cursor,
        });
        if (Array.isArray(result)) return result;
        items.push(...result.items);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
  });
}

/** The company's accounts, and the leaves that take postings as select options. */
export function useAccounts(companyId: string | null) {
  const query = useCompanyItems<Account>('/accounts', companyId);
  const accounts = query.data ?? [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return {
    accounts,
    isLoading: query.isLoading,
    byId,
    postable: accounts
      .filter((a) => !a.isGroup && !a.archivedAt)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((a) => ({ value: a.id, label: accountLabel(a) })),
    labelOf: (id: string | null | undefined) => {
      const account = id ? byId.get(id) : undefined;
      return account ? accountLabel(account) : '';
    },
  };
}

export function useJournals(companyId: string | null) {
  const query = useCompanyItems<Journal>('/journals', companyId);
  const journals = query.data ?? [];
  return {
    journals,
    options: journals.map((j) => ({ value: j.id, label: `${j.code} — ${j.name}` })),
    nameOf: (id: string | null | undefined) => journals.find((j) => j.id === id)?.name ?? '',
  };
}

export function useDimensions(companyId: string | null, kind?: DimensionKind) {
  const query = useCompanyItems<AnalyticDimension>('/analytic-dimensions', companyId, { kind });
  const dimensions = query.data ?? [];
  const optionsOf = (k: DimensionKind) =>
    dimensions.filter((d) => d.kind === k).map((d) => ({ value: d.id, label: `${d.code} — ${d.name}` }));
  return { dimensions, optionsOf };
}

export function useFiscalYears(companyId: string | null) {
  return useCompanyItems<FiscalYear>('/fiscal-years', companyId);
}
