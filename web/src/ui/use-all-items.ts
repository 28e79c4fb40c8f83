import { useQuery } from '@tanstack/react-query';
import { api, type Page, type QueryValue } from '../api/client';

/** Enough for every reference list a select offers (countries, currencies) without paging the user. */
const MAX_PAGES = 10;

/** Every item of a short list, for a select: follows the cursor up to MAX_PAGES pages of 200. */
export function useAllItems<T>(path: string, filters: Record<string, QueryValue> = {}) {
  return useQuery({
    queryKey: [path, 'all', filters],
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const items: T[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result: Page<T> = await api.get<Page<T>>(path, { ...filters, limit: 200, cursor });
        items.push(...result.items);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
  });
}
