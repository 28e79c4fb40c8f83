import { Anchor, Group, Select, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../ui/cursor-pager';
import { DataTable } from '../../ui/data-table';
import { DayInput } from '../../ui/day-input';
import { useFormat } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useCursorList } from '../../ui/use-cursor-list';
import type { GeneralLedger, LedgerLine } from './accounting-types';
import { CompanySelect } from './company-select';
import { currentYear, isZero } from './report-period';
import { DownloadButtons } from './reports/download-buttons';
import { useAccounts } from './use-accounting-lists';
import { useCompanyChoice } from './use-company-choice';

const column = createColumnHelper<LedgerLine>();

/** Every posting to one account in a period, with the running balance; each opens its entry. */
export function GeneralLedgerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const choice = useCompanyChoice();
  const { companyId, company } = choice;
  const accounts = useAccounts(companyId);
  // The account and dates live in the address, so the trial balance can link here and back works.
  const search = useSearch({ strict: false }) as { accountId?: string; from?: string; to?: string };
  const accountId = search.accountId ?? null;
  const from = search.from ?? currentYear().from;
  const to = search.to ?? currentYear().to;
  const setSearch = (patch: Record<string, string | null>) => {
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...search, ...patch })) if (value) next[key] = value;
    void navigate({ to: '/accounting/general-ledger' as string, search: next, replace: true });
  };
  const currency = company?.baseCurrency ?? '';
  return (
    <>
      <PageHeader title={t('accounting.ledger.title')} description={t('accounting.ledger.description')} />
      <Group mb="sm" gap="sm" align="flex-end">
        <CompanySelect choice={choice} />
        <Select
          w={320}
          label={t('accounting.line.account')}
          searchable
          data={accounts.postable}
          value={accountId}
          onChange={(id) => setSearch({ accountId: id })}
          data-testid="gl-account"
        />
        <DayInput
          w={150}
          label={t('accounting.from')}
          value={from}
          onChange={(d) => setSearch({ from: d })}
        />
        <DayInput w={150} label={t('accounting.to')} value={to} onChange={(d) => setSearch({ to: d })} />
      </Group>
      {accountId ? (
        <LedgerTable filters={{ companyId, accountId, from, to }} currency={currency} />
      ) : (
        <Text c="dimmed" ta="center" py="xl">
          {t('accounting.ledger.pickAccount')}
        </Text>
      )}
    </>
  );
}

function LedgerTable({
  filters,
  currency,
}: {
  filters: { companyId: string | null; accountId: string; from: string; to: string };
  currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useCursorList<LedgerLine, GeneralLedger>('/accounting/general-ledger', filters);
  const shownIn = list.data?.currency ?? currency;
  const money = (amount: string) => (isZero(amount) ? '' : format.money(amount, shownIn));
  const columns = [
    column.accessor('postingDate', {
      header: t('accounting.entry.postingDate'),
      cell: (c) => format.day(c.getValue()),
    }),
    column.accessor('entryNumber', {
      header: t('accounting.entry.number'),
      cell: ({ row }) => (
        <Anchor
          component={Link}
          to={`/accounting/entries/${row.original.entryId}`}
          size="sm"
          data-testid="gl-entry"
        >
          {row.original.entryNumber ?? '—'}
        </Anchor>
      ),
    }),
    column.display({
      id: 'description',
      header: t('accounting.line.description'),
      cell: ({ row }) => row.original.description ?? row.original.memo,
    }),
    column.accessor('debit', {
      header: t('accounting.debit'),
      meta: { align: 'right' },
      cell: (c) => money(c.getValue()),
    }),
    column.accessor('credit', {
      header: t('accounting.credit'),
      meta: { align: 'right' },
      cell: (c) => money(c.getValue()),
    }),
    column.accessor('balance', {
      header: t('accounting.ledger.balance'),
      meta: { align: 'right' },
      cell: (c) => format.money(c.getValue(), shownIn),
    }),
  ];
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" data-testid="gl-opening">
          {t('accounting.ledger.opening', {
            amount: format.money(list.data?.openingBalance ?? '0', shownIn),
          })}
        </Text>
        <DownloadButtons
          path="/accounting/general-ledger"
          params={filters}
          testId="general-ledger"
          size="compact-sm"
        />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(l) => l.id}
        loading={list.isLoading}
        error={list.error}
        testId="general-ledger"
      />
      <CursorPager list={list} />
    </>
  );
}
