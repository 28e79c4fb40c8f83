/**
 * Roles every tenant starts with. Permissions use `area:*` so that a module added later is
 * covered by the roles that should see it without a data migration.
 */
export interface BuiltinRole {
  key: string;
  name: string;
  description: string;
  permissions: string[];
  ownRecordsOnly?: boolean;
}

export const BUILTIN_ROLES: BuiltinRole[] = [
  {
    key: 'admin',
    name: 'Administrator',
    description: 'Everything, including users, roles and settings.',
    permissions: ['*'],
  },
  {
    key: 'sales_manager',
    name: 'Sales manager',
    description: 'All clients, deals and sales documents of the team.',
    permissions: [
      'crm:*',
      'sales:*',
      'parties:*',
      'catalog:read',
      'inventory:read',
      'analytics:read',
      'bpm:work',
    ],
  },
  {
    key: 'sales_rep',
    name: 'Sales rep',
    description: 'Own clients, deals and interactions only.',
    permissions: [
      'crm:read',
      'crm:write',
      'parties:read',
      'parties:write',
      'sales:read',
      'sales:write',
      'catalog:read',
      'inventory:read',
      'bpm:work',
    ],
    ownRecordsOnly: true,
  },
  {
    key: 'accountant',
    name: 'Accountant',
    description: 'Books, invoices, payments and taxes.',
    permissions: [
      'accounting:*',
      'sales:read',
      'purchasing:read',
      'parties:read',
      'inventory:read',
      'analytics:read',
      'bpm:work',
    ],
  },
  {
    key: 'warehouse',
    name: 'Warehouse',
    description: 'Receipts, deliveries, transfers and counts.',
    permissions: ['inventory:*', 'catalog:read', 'purchasing:read', 'sales:read', 'bpm:work'],
  },
  {
    key: 'production',
    name: 'Production',
    description: 'Bills of materials, manufacturing orders and planning.',
    permissions: ['manufacturing:*', 'inventory:read', 'inventory:write', 'catalog:read', 'bpm:work'],
  },
  {
    key: 'hr',
    name: 'HR',
    description: 'Employees, their time and schedules.',
    permissions: ['hr:*', 'bpm:work'],
  },
];
