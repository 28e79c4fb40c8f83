import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Page } from '../../api/client';
import type { Client } from './party-types';

/** Picks a client by typing part of its name; the server searches, so any number of clients works. */
export function ClientSelect({
  value,
  onChange,
  exclude,
  initial = [],
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  exclude?: string;
  initial?: { id: string; name: string }[];
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const query = useQuery({
    queryKey: ['/clients', 'select', q],
    queryFn: () => api.get<Page<Client>>('/clients', { q: q || undefined, limit: 20 }),
    staleTime: 30_000,
  });
  const seen = new Map<string, string>();
  for (const c of [...initial, ...(query.data?.items ?? [])]) if (c.id !== exclude) seen.set(c.id, c.name);
  return (
    <Select
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={[...seen].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage="—"
      {...props}
    />
  );
}
