import { useAllItems } from '../../../ui/use-all-items';
import type { LoyaltyProgram } from './loyalty-types';

/** Every program (archived ones too, for names), for selects; the active ones first offered. */
export function useLoyaltyPrograms() {
  const all = useAllItems<LoyaltyProgram>('/loyalty-programs', { includeArchived: true });
  const items = all.data ?? [];
  return {
    items,
    active: items.filter((p) => !p.archivedAt),
    nameOf: (id: string) => items.find((p) => p.id === id)?.name ?? '—',
    options: items
      .filter((p) => !p.archivedAt)
      .map((p) => ({ value: p.id, label: `${p.name} (${p.currency})` })),
  };
}
