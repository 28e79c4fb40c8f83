import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { useAllItems } from '../../ui/use-all-items';
import type { LossReason, Pipeline, Source } from './crm-types';

export const useSources = () => useAllItems<Source>('/sources');
export const useLossReasons = () => useAllItems<LossReason>('/loss-reasons');

export function usePipelines() {
  return useQuery({
    queryKey: ['/pipelines', 'all'],
    queryFn: () => api.get<Page<Pipeline>>('/pipelines', { limit: 200 }),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}

export function useSourceOptions() {
  const sources = useSources().data ?? [];
  return {
    options: sources.map((s) => ({ value: s.id, label: s.name })),
    nameOf: (id: string | null | undefined) => sources.find((s) => s.id === id)?.name ?? '',
  };
}
