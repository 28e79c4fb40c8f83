import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Page } from '../../../api/client';
import type { Counterparty } from '../../parties/party-types';

const labelOf = (c: Counterparty) => (c.taxId ? `${c.legalName} (${c.taxId})` : c.legalName);

/** One counterparty by id, shared through the query cache by every row that names it. */
export function useCounterparty(id: string | null | undefined) {
  return useQuery({
    queryKey: ['/counterparties', id],
    enabled: !!id,
    staleTime: 5 * 60_000,
    queryFn: () => api.get<Counterparty>(`/counterparties/${id}`),
  });
}

export function CounterpartyName({ id }: { id: string }) {
  return <>{useCounterparty(id).data?.legalName ?? ''}</>;
}

/**
 * A counterparty found by typing its name or tax ID, as the client card links them; the one
 * already picked stays among the options while the search shows others.
 */
export function CounterpartySelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const picked = useCounterparty(value);
  const found = useQuery({
    queryKey: ['/counterparties', 'select', q],
    queryFn: () => api.get<Page<Counterparty>>('/counterparties', { q: q || undefined, limit: 20 }),
  });
  const items = found.data?.items ?? [];
  const options = [
    ...(picked.data && !items.some((c) => c.id === picked.data.id) ? [picked.data] : []),
    ...items,
  ].map((c) => ({ value: c.id, label: labelOf(c) }));
  return (
    <Select
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options}
      value={value}
      onChange={onChange}
      {...props}
    />
  );
}
