import type { ReactNode } from 'react';
import { can } from '../auth/can';
import { isModuleEnabled, useMe } from '../auth/me';
import { NoAccess } from '../ui/no-access';
import type { NavItem } from './nav-items';

/** Renders a page only when its module is on and the user holds its permission. */
export function PageGuard({ item, children }: { item: NavItem; children: ReactNode }) {
  const me = useMe();
  if (item.module && !isModuleEnabled(me, item.module)) return <NoAccess reason="module" />;
  if (item.permission && !can(me.permissions, item.permission)) return <NoAccess reason="permission" />;
  return children;
}
