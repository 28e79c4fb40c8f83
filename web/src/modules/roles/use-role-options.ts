import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import type { Role } from './role-types';

/** Built-in roles have a key and a translated name; custom roles are shown as named. */
export function roleName(t: TFunction, role: Pick<Role, 'key' | 'name'>): string {
  return role.key ? t(`roleNames.${role.key}`, { defaultValue: role.name }) : role.name;
}

/** Active roles for pickers and for naming the roles of a user, invitation or token. */
export function useRoleOptions() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['/roles', { limit: 200 }],
    queryFn: () => api.get<Page<Role>>('/roles', { limit: 200 }),
    staleTime: 60_000,
  });
  const roles = query.data?.items ?? [];
  return {
    options: roles.map((r) => ({ value: r.id, label: roleName(t, r) })),
    nameOf: (id: string) => {
      const role = roles.find((r) => r.id === id);
      return role ? roleName(t, role) : t('roles.unknown');
    },
  };
}
