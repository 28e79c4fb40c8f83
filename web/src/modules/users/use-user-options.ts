import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { useMe } from '../../auth/me';

interface Colleague {
  id: string;
  name: string;
  active: boolean;
}

/**
 * People a record can be given to, and the names behind user ids. GET /colleagues answers
 * anyone signed in; the server still refuses a sales rep who gives a record to someone else.
 */
export function useUserOptions() {
  const me = useMe();
  const query = useQuery({
    queryKey: ['/colleagues'],
    queryFn: () => api.get<Page<Colleague>>('/colleagues', { limit: 200, sort: 'name' }),
    staleTime: 60_000,
  });
  const people = query.data?.items ?? [];
  const options = people.filter((m) => m.active).map((m) => ({ value: m.id, label: m.name }));
  if (!options.some((o) => o.value === me.user.id))
    options.unshift({ value: me.user.id, label: me.user.name });
  return {
    options,
    /** A name when we know it; the id's end otherwise (someone beyond the first 200). */
    nameOf: (id: string | null | undefined, fallback?: string | null) => {
      if (!id) return '';
      if (id === me.user.id) return me.user.name;
      return people.find((m) => m.id === id)?.name ?? fallback ?? `…${id.slice(-6)}`;
    },
  };
}
