import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { can } from '../../auth/can';
import { useMe } from '../../auth/me';
import type { Member } from './user-types';

/**
 * People a record can be given to. Only roles that may read users can list them (GET /users
 * needs users:read); everyone else can pick themselves, which is all a sales rep may do anyway.
 */
export function useUserOptions() {
  const me = useMe();
  const mayList = can(me.permissions, 'users:read');
  const query = useQuery({
    queryKey: ['/users', 'options'],
    queryFn: () => api.get<Page<Member>>('/users', { limit: 200, active: true, sort: 'name' }),
    staleTime: 60_000,
    enabled: mayList,
  });
  const people = query.data?.items ?? [];
  const options = people.map((m) => ({ value: m.id, label: m.name }));
  if (!options.some((o) => o.value === me.user.id))
    options.unshift({ value: me.user.id, label: me.user.name });
  return {
    options,
    /** A name when we know it; the id's start otherwise (a manager without users:read). */
    nameOf: (id: string | null | undefined, fallback?: string | null) => {
      if (!id) return '';
      if (id === me.user.id) return me.user.name;
      return people.find((m) => m.id === id)?.name ?? fallback ?? `…${id.slice(-6)}`;
    },
  };
}
