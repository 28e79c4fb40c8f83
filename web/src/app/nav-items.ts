/**
 * Every page reachable from the navbar: the router guards a page with the same permission
 * and module the navbar uses to hide its link, so the two never disagree.
 */
export interface NavItem {
  key: string;
  to: string;
  /** i18n key of the link text. */
  label: string;
  /** Section of the navbar; `main` has no heading, others are headed by their i18n key. */
  group: 'main' | 'crm' | 'accounting' | 'settings' | 'integrations';
  permission?: string;
  /** The page belongs to a switchable module: it disappears when the module is off. */
  module?: string;
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'home', to: '/', label: 'nav.home', group: 'main' },
  { key: 'profile', to: '/profile', label: 'nav.profile', group: 'main' },
  { key: 'clients', to: '/clients', label: 'nav.clients', group: 'main', permission: 'parties:read' },
  { key: 'leads', to: '/crm/leads', label: 'nav.leads', group: 'crm', permission: 'crm:read', module: 'crm' },
  { key: 'deals', to: '/crm/deals', label: 'nav.deals', group: 'crm', permission: 'crm:read', module: 'crm' },
  { key: 'tasks', to: '/crm/tasks', label: 'nav.tasks', group: 'crm', permission: 'crm:read', module: 'crm' },
  {
    key: 'segments',
    to: '/crm/segments',
    label: 'nav.segments',
    group: 'crm',
    permission: 'crm:read',
    module: 'crm',
  },
  {
    key: 'marketing',
    to: '/crm/marketing',
    label: 'nav.marketing',
    group: 'crm',
    permission: 'crm:read',
    module: 'crm',
  },
  {
    key: 'loyalty',
    to: '/crm/loyalty',
    label: 'nav.loyalty',
    group: 'crm',
    permission: 'crm:read',
    module: 'crm',
  },
  {
    key: 'tickets',
    to: '/crm/tickets',
    label: 'nav.tickets',
    group: 'crm',
    permission: 'crm:read',
    module: 'crm',
  },
  {
    key: 'chart-of-accounts',
    to: '/accounting/accounts',
    label: 'nav.chartOfAccounts',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'journal-entries',
    to: '/accounting/entries',
    label: 'nav.journalEntries',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'invoices',
    to: '/accounting/invoices',
    label: 'nav.invoices',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'payments',
    to: '/accounting/payments',
    label: 'nav.payments',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'bank',
    to: '/accounting/bank',
    label: 'bank.nav',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'aging',
    to: '/accounting/aging',
    label: 'nav.aging',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'revaluation',
    to: '/accounting/revaluation',
    label: 'revaluation.nav',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'invoicing-setup',
    to: '/accounting/taxes',
    label: 'nav.invoicingSetup',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'fiscal-periods',
    to: '/accounting/periods',
    label: 'nav.fiscalPeriods',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'trial-balance',
    to: '/accounting/trial-balance',
    label: 'nav.trialBalance',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'general-ledger',
    to: '/accounting/general-ledger',
    label: 'nav.generalLedger',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'profit-and-loss',
    to: '/accounting/profit-and-loss',
    label: 'financialReports.nav.profitAndLoss',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  {
    key: 'balance-sheet',
    to: '/accounting/balance-sheet',
    label: 'financialReports.nav.balanceSheet',
    group: 'accounting',
    permission: 'accounting:read',
    module: 'accounting',
  },
  { key: 'users', to: '/settings/users', label: 'nav.users', group: 'settings', permission: 'users:read' },
  { key: 'roles', to: '/settings/roles', label: 'nav.roles', group: 'settings', permission: 'users:read' },
  { key: 'companies', to: '/settings/companies', label: 'nav.companies', group: 'settings' },
  {
    key: 'modules',
    to: '/settings/modules',
    label: 'nav.modules',
    group: 'settings',
    permission: 'modules:manage',
  },
  {
    key: 'pipelines',
    to: '/settings/pipelines',
    label: 'nav.pipelines',
    group: 'settings',
    permission: 'crm:manage',
    module: 'crm',
  },
  {
    key: 'web-forms',
    to: '/settings/web-forms',
    label: 'nav.webForms',
    group: 'settings',
    permission: 'crm:manage',
    module: 'crm',
  },
  { key: 'reference', to: '/settings/reference', label: 'nav.reference', group: 'settings' },
  { key: 'audit', to: '/settings/audit', label: 'nav.audit', group: 'settings', permission: 'audit:read' },
  {
    key: 'api-tokens',
    to: '/integrations/api-tokens',
    label: 'nav.apiTokens',
    group: 'integrations',
    permission: 'integrations:manage',
    module: 'integrations',
  },
];

export const NAV_GROUPS: { key: NavItem['group']; label: string | null }[] = [
  { key: 'main', label: null },
  { key: 'crm', label: 'modules.crm' },
  { key: 'accounting', label: 'modules.accounting' },
  { key: 'settings', label: 'nav.settings' },
  { key: 'integrations', label: 'modules.integrations' },
];

export function navItem(key: string): NavItem {
  const item = NAV_ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`No nav item ${key}`);
  return item;
}
