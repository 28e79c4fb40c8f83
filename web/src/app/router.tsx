import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { meQuery } from '../auth/me';
import { CenteredLoader } from '../ui/centered-loader';
import { AppLayout } from './layout/app-layout';
import { navItem } from './nav-items';
import { NotFoundPage } from './not-found-page';
import { PageGuard } from './page-guard';
import { RouteError } from './route-error';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  component: lazyRouteComponent(() => import('../auth/login-page'), 'LoginPage'),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: lazyRouteComponent(() => import('../auth/accept-invitation-page'), 'AcceptInvitationPage'),
});

/** Everything behind login: no /auth/me, no page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
      }
      throw error;
    }
  },
  component: AppLayout,
});

type PageModule = Promise<Record<string, () => ReactNode>>;

/**
 * A page of the navbar: loaded on first visit, shown only to whom the navbar shows its link.
 * `path` gives a page below it (a card) the same guard; unknown search params are kept as text.
 */
function page(key: string, load: () => PageModule, exportName: string, path?: string) {
  const Page = lazyRouteComponent(load, exportName);
  const item = navItem(key);
  return createRoute({
    getParentRoute: () => appRoute,
    path: path ?? item.to,
    validateSearch: textSearch,
    component: () => (
      <PageGuard item={item}>
        <Page />
      </PageGuard>
    ),
  });
}

/** Search params as plain strings: each page reads the few it knows (`?status=new`). */
function textSearch(search: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(search)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
  }
  return out;
}

const routeTree = rootRoute.addChildren([
  loginRoute,
  inviteRoute,
  appRoute.addChildren([
    page('home', () => import('../modules/home/home-page'), 'HomePage'),
    page('profile', () => import('../modules/profile/profile-page'), 'ProfilePage'),
    page('users', () => import('../modules/users/users-page'), 'UsersPage'),
    page('roles', () => import('../modules/roles/roles-page'), 'RolesPage'),
    page('companies', () => import('../modules/companies/companies-page'), 'CompaniesPage'),
    page('modules', () => import('../modules/module-switches/modules-page'), 'ModulesPage'),
    page('reference', () => import('../modules/reference/reference-page'), 'ReferencePage'),
    page('audit', () => import('../modules/audit/audit-log-page'), 'AuditLogPage'),
    page('api-tokens', () => import('../modules/integrations/api-tokens-page'), 'ApiTokensPage'),
    page('clients', () => import('../modules/parties/clients-page'), 'ClientsPage'),
    page(
      'clients',
      () => import('../modules/parties/client-card-page'),
      'ClientCardPage',
      '/clients/$clientId',
    ),
    page('leads', () => import('../modules/crm/leads/leads-page'), 'LeadsPage'),
    page('leads', () => import('../modules/crm/leads/leads-page'), 'LeadsPage', '/crm/leads/$leadId'),
    page('deals', () => import('../modules/crm/deals/deals-page'), 'DealsPage'),
    page('deals', () => import('../modules/crm/deals/deal-card-page'), 'DealCardPage', '/crm/deals/$dealId'),
    page('tasks', () => import('../modules/crm/tasks/tasks-page'), 'TasksPage'),
    page('tasks', () => import('../modules/crm/tasks/tasks-page'), 'TasksPage', '/crm/tasks/$taskId'),
    page(
      'tasks',
      () => import('../modules/crm/activities/interaction-page'),
      'InteractionPage',
      '/crm/interactions/$interactionId',
    ),
    page('segments', () => import('../modules/crm/segments/segments-page'), 'SegmentsPage'),
    page(
      'segments',
      () => import('../modules/crm/segments/segment-page'),
      'SegmentPage',
      '/crm/segments/$segmentId',
    ),
    page('tickets', () => import('../modules/crm/tickets/tickets-page'), 'TicketsPage'),
    page('marketing', () => import('../modules/crm/marketing/marketing-page'), 'MarketingPage'),
    page(
      'marketing',
      () => import('../modules/crm/marketing/marketing-event-page'),
      'MarketingEventPage',
      '/crm/marketing/$eventId',
    ),
    page('loyalty', () => import('../modules/crm/loyalty/loyalty-page'), 'LoyaltyPage'),
    page('pipelines', () => import('../modules/crm/pipelines/pipelines-page'), 'PipelinesPage'),
    page('web-forms', () => import('../modules/crm/web-forms/web-forms-page'), 'WebFormsPage'),
    page(
      'chart-of-accounts',
      () => import('../modules/accounting/chart-of-accounts-page'),
      'ChartOfAccountsPage',
    ),
    page('journal-entries', () => import('../modules/accounting/journal-entries-page'), 'JournalEntriesPage'),
    page(
      'journal-entries',
      () => import('../modules/accounting/journal-entry-page'),
      'NewJournalEntryPage',
      '/accounting/entries/new',
    ),
    page(
      'journal-entries',
      () => import('../modules/accounting/journal-entry-page'),
      'JournalEntryPage',
      '/accounting/entries/$entryId',
    ),
    page('invoices', () => import('../modules/accounting/invoicing/invoices-page'), 'InvoicesPage'),
    page(
      'invoices',
      () => import('../modules/accounting/invoicing/invoice-page'),
      'NewInvoicePage',
      '/accounting/invoices/new',
    ),
    page(
      'invoices',
      () => import('../modules/accounting/invoicing/invoice-page'),
      'InvoicePage',
      '/accounting/invoices/$invoiceId',
    ),
    page('payments', () => import('../modules/accounting/invoicing/payments-page'), 'PaymentsPage'),
    page(
      'payments',
      () => import('../modules/accounting/invoicing/payment-page'),
      'NewPaymentPage',
      '/accounting/payments/new',
    ),
    page(
      'payments',
      () => import('../modules/accounting/invoicing/payment-page'),
      'PaymentPage',
      '/accounting/payments/$paymentId',
    ),
    page('aging', () => import('../modules/accounting/invoicing/aging-page'), 'AgingPage'),
    page('revaluation', () => import('../modules/accounting/invoicing/revaluation-page'), 'RevaluationPage'),
    page(
      'aging',
      () => import('../modules/accounting/invoicing/statement-page'),
      'StatementPage',
      '/accounting/statement',
    ),
    page('bank', () => import('../modules/accounting/bank/bank-statements-page'), 'BankStatementsPage'),
    page(
      'bank',
      () => import('../modules/accounting/bank/bank-statement-page'),
      'BankStatementPage',
      '/accounting/bank/$statementId',
    ),
    page(
      'invoicing-setup',
      () => import('../modules/accounting/invoicing/invoicing-setup-page'),
      'InvoicingSetupPage',
    ),
    page('fiscal-periods', () => import('../modules/accounting/periods-page'), 'PeriodsPage'),
    page('trial-balance', () => import('../modules/accounting/trial-balance-page'), 'TrialBalancePage'),
    page('general-ledger', () => import('../modules/accounting/general-ledger-page'), 'GeneralLedgerPage'),
    page('profit-and-loss', () => import('../modules/accounting/profit-and-loss-page'), 'ProfitAndLossPage'),
    page('balance-sheet', () => import('../modules/accounting/balance-sheet-page'), 'BalanceSheetPage'),
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: CenteredLoader,
    defaultErrorComponent: RouteError,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
