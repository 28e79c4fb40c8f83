import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Page, type QueryValue } from '../api/client';

export const PAGE_SIZE = 25;

/**
 * One page of a cursor-paginated list. Keeps the cursors of the pages seen so far, so "previous"
 * goes back without the server supporting it; a change of filters starts again at page one.
 * The query key starts with the path: invalidating `[path]` refreshes every page and filter.
 */
export function useCursorList<T, P extends Page<T> = Page<T>>(
  path: string,
  filters: Record<string, QueryValue> = {},
  limit = PAGE_SIZE,
) {
  const filterKey = JSON.stringify(filters);
  const [state, setState] = useState<{ filterKey: string; cursors: (string | null)[] }>({
    filterKey,
    cursors: [null],
  });
  const cursors = state.filterKey === filterKey ? state.cursors : [null];
  const cursor = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: [path, filters, cursor, limit],
    queryFn: () => api.get<P>(path, { ...filters, limit, cursor }),
    placeholderData: keepPreviousData,
  });
  const nextCursor = query.data?.nextCursor ?? null;
  return {
    items: query.data?.items ?? [],
    /** The whole answer of the page, for lists that say more than their items (an opening balance). */
    data: query.data,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    error: query.error,
    page: cursors.length,
    hasNext: nextCursor !== null,
    hasPrevious: cursors.length > 1,
    next() {
      if (nextCursor) setState({ filterKey, cursors: [...cursors, nextCursor] });
    },
    previous() {
      setState({ filterKey, cursors: cursors.slice(0, -1) });
    },
  };
}

export type CursorList<T> = ReturnType<typeof useCursorList<T>>;
