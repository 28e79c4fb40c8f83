export interface Role {
  id: string;
  /** Set for built-in roles, which cannot be changed. */
  key: string | null;
  name: string;
  description: string | null;
  permissions: string[];
  ownRecordsOnly: boolean;
  builtin: boolean;
  archivedAt: string | null;
}

export interface PermissionInfo {
  key: string;
  description: string;
  module: string;
}
