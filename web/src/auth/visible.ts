import type { NavItem } from '../app/nav-items';
import { can } from './can';
import { isModuleEnabled, type Me } from './me';

/** A page shows when its module is on and the user holds its permission. */
export function isVisible(me: Me, item: Pick<NavItem, 'permission' | 'module'>): boolean {
  if (item.module && !isModuleEnabled(me, item.module)) return false;
  return !item.permission || can(me.permissions, item.permission);
}
