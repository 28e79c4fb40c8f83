import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { can } from './can';

export interface User {
  id: string;
  email: string;
  name: string;
  locale: string;
}

export interface TenantRef {
  id: string;
  name: string;
}

export interface ModuleState {
  key: string;
  title: string;
  switchable: boolean;
  enabled: boolean;
}

/** The logged-in user as GET /auth/me answers: who, in which workspace, allowed to do what. */
export interface Me {
  user: User;
  tenant: TenantRef;
  tenants: TenantRef[];
  permissions: string[];
  ownRecordsOnly: boolean;
  modules: ModuleState[];
}

/** What POST /auth/login and accepting an invitation answer. */
export interface LoginResult {
  user: User;
  tenant: TenantRef;
  tenants: TenantRef[];
}

export const ME_KEY = ['/auth/me'] as const;

export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: () => api.get<Me>('/auth/me'),
  staleTime: 60_000,
  retry: false,
});

/** Only used below the authenticated layout, whose loader has fetched it already. */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe() needs the authenticated layout');
  return data;
}

export function useCan(permission: string): boolean {
  return can(useMe().permissions, permission);
}

export function isModuleEnabled(me: Me, key: string): boolean {
  return me.modules.some((m) => m.key === key && m.enabled);
}
