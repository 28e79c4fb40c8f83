import { useAllItems } from '../../ui/use-all-items';
import type { CustomField } from './party-types';

interface Named {
  id: string;
  name: string;
}

export function useIndustryOptions() {
  const items = useAllItems<Named>('/industries').data ?? [];
  return {
    options: items.map((i) => ({ value: i.id, label: i.name })),
    nameOf: (id: string | null | undefined) => items.find((i) => i.id === id)?.name ?? '',
  };
}

/** The custom fields a workspace defined for clients, contacts, deals or leads. */
export const useCustomFields = (entity: 'client' | 'contact' | 'deal' | 'lead') =>
  useAllItems<CustomField>('/custom-fields', { entity }).data ?? [];
