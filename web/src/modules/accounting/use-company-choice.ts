import { useLocalStorage } from '@mantine/hooks';
import { useAllItems } from '../../ui/use-all-items';
import type { Company } from '../companies/company-types';

/**
 * The company whose books the accountant is keeping: remembered across the accounting pages
 * and visits, the first active company until one is picked.
 */
export function useCompanyChoice() {
  const companies = useAllItems<Company>('/companies', { sort: 'createdAt' });
  const [stored, setStored] = useLocalStorage<string | null>({
    key: 'tandem.accounting.companyId',
    defaultValue: null,
  });
  const active = (companies.data ?? []).filter((c) => !c.archivedAt);
  const company = active.find((c) => c.id === stored) ?? active[0] ?? null;
  return {
    company,
    companyId: company?.id ?? null,
    companies: active,
    isLoading: companies.isLoading,
    setCompanyId: (id: string | null) => setStored(id),
  };
}

export type CompanyChoice = ReturnType<typeof useCompanyChoice>;
