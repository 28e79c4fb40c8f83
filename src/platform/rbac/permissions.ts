/** A permission string is `area:verb` (`crm:read`, `sales:post`); a role may grant `area:*` or `*`. */
export interface PermissionInfo {
  key: string;
  description: string;
}

/** Tests one permission against the strings a role grants. */
export function grants(granted: ReadonlySet<string>, permission: string): boolean {
  if (granted.has('*') || granted.has(permission)) return true;
  const area = permission.split(':')[0];
  return granted.has(`${area}:*`);
}

export const PERMISSION_PATTERN = '^(\\*|[a-z][a-z-]*:(\\*|[a-z][a-z-]*))$';
