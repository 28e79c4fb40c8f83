/**
 * Whether granted permission strings allow `permission` (`area:verb`). A grant may be the
 * exact string, `area:*` for every verb of the area, or `*` for everything.
 */
export function can(granted: readonly string[] | undefined, permission: string): boolean {
  if (!granted) return false;
  if (granted.includes('*') || granted.includes(permission)) return true;
  const area = permission.split(':')[0];
  return granted.includes(`${area}:*`);
}
