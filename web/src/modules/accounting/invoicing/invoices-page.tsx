import { Anchor, Button, Group, Select } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../auth/me';
import { CursorPager } from '../../../ui/cursor-pager';
import { DataTable } from '../../../ui/data-table';
import { DayInput } from '../../../ui/day-input';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useCursorList } from '../../../ui/use-cursor-list';
import { ENTRY_STATUSES } from '../accounting-types';
import { CompanySelect } from '../company-select';
import { trimAmount } from '../decimal-sum';
import { EntryStatusBadge } from '../entry-status-badge';
import { useCompanyChoice } from '../use-company-choice';
import { CounterpartyName, CounterpartySelect } from './counterparty-select';
import { INVOICE_KINDS, type InvoiceSummary } from './invoicing-types';

const column = createColumnHelper<InvoiceSummary>();

export function InvoicesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write');
  const choice = useCompanyChoice();
  const { companyId } = choice;
  const [kind, setKind] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [counterpartyId, setCounterpartyId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const list = useCursorList<InvoiceSummary>('/invoices', {
    companyId,
    kind,
    status,
    counterpartyId,
    from,
    to,
  });

  const columns = [
    column.display({
      id: 'number',
      header: t('accounting.entry.number'),
      cell: ({ row }) => (
        <Anchor component={Link} to={`/accounting/invoices/${row.original.id}`} size="sm" fw={600}>
          {row.original.number ?? t('accounting.entry.draftNumber')}
        </Anchor>
      ),
    }),
    column.accessor('kind', {
      header: t('invoicing.invoice.kind'),
      cell: (c) => t(`invoicing.kind.${c.getValue()}`),
    }),
    column.accessor('invoiceDate', {
      header: t('invoicing.invoice.invoiceDate'),
      cell: (c) => format.day(c.getValue()),
    }),
    column.accessor('counterpartyId', {
      header: t('counterparties.counterparty'),
      cell: (c) => <CounterpartyName id={c.getValue()} />,
    }),
    column.accessor('currency', { header: t('accounting.currency') }),
    column.accessor('grossTotal', {
      header: t('invoicing.invoice.gross'),
      meta: { align: 'right' },
      cell: (c) => format.money(trimAmount(c.getValue()), c.row.original.currency),
    }),
    column.accessor('status', {
      header: t('common.status'),
      cell: (c) => <EntryStatusBadge status={c.getValue()} />,
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('invoicing.invoices.title')}
        description={t('invoicing.invoices.description')}
        actions={
          canWrite && (
            <Button
              component={Link}
              to="/accounting/invoices/new"
              disabled={!companyId}
              data-testid="create-invoice"
            >
              {t('invoicing.invoices.create')}
            </Button>
          )
        }
      />
      <Group mb="sm" gap="sm" align="flex-end">
        <CompanySelect choice={choice} />
        <Select
          w={200}
          label={t('invoicing.invoice.kind')}
          clearable
          data={INVOICE_KINDS.map((k) => ({ value: k, label: t(`invoicing.kind.${k}`) }))}
          value={kind}
          onChange={setKind}
          data-testid="invoices-kind"
        />
        <Select
          w={150}
          label={t('common.status')}
          clearable
          data={ENTRY_STATUSES.map((s) => ({ value: s, label: t(`accounting.entry.status.${s}`) }))}
          value={status}
          onChange={setStatus}
          data-testid="invoices-status"
        />
        <CounterpartySelect
          w={240}
          label={t('counterparties.counterparty')}
          clearable
          value={counterpartyId}
          onChange={setCounterpartyId}
          data-testid="invoices-counterparty"
        />
        <DayInput w={150} label={t('accounting.from')} value={from} onChange={setFrom} />
        <DayInput w={150} label={t('accounting.to')} value={to} onChange={setTo} />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(i) => i.id}
        loading={list.isLoading}
        error={list.error}
        testId="invoices-table"
      />
      <CursorPager list={list} />
    </>
  );
}
