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
import { useJournals } from '../use-accounting-lists';
import { useCompanyChoice } from '../use-company-choice';
import { CounterpartyName, CounterpartySelect } from './counterparty-select';
import { PAYMENT_DIRECTIONS, type PaymentSummary } from './invoicing-types';
import { PaymentDirectionLabel } from './payment-direction';

const column = createColumnHelper<PaymentSummary>();

export function PaymentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write');
  const choice = useCompanyChoice();
  const { companyId } = choice;
  const journals = useJournals(companyId);
  const [direction, setDirection] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [counterpartyId, setCounterpartyId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const list = useCursorList<PaymentSummary>('/payments', {
    companyId,
    direction,
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
        <Anchor component={Link} to={`/accounting/payments/${row.original.id}`} size="sm" fw={600}>
          {row.original.number ?? t('accounting.entry.draftNumber')}
        </Anchor>
      ),
    }),
    column.accessor('direction', {
      header: t('invoicing.payment.direction'),
      cell: (c) => <PaymentDirectionLabel payment={c.row.original} />,
    }),
    column.accessor('paymentDate', {
      header: t('invoicing.payment.paymentDate'),
      cell: (c) => format.day(c.getValue()),
    }),
    column.accessor('counterpartyId', {
      header: t('counterparties.counterparty'),
      cell: (c) => <CounterpartyName id={c.getValue()} />,
    }),
    column.accessor('journalId', {
      header: t('accounting.entry.journal'),
      cell: (c) => journals.nameOf(c.getValue()),
    }),
    column.accessor('reference', { header: t('invoicing.payment.reference') }),
    column.accessor('amount', {
      header: t('accounting.entry.amount'),
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
        title={t('invoicing.payments.title')}
        description={t('invoicing.payments.description')}
        actions={
          canWrite && (
            <Button
              component={Link}
              to="/accounting/payments/new"
              disabled={!companyId}
              data-testid="create-payment"
            >
              {t('invoicing.payments.create')}
            </Button>
          )
        }
      />
      <Group mb="sm" gap="sm" align="flex-end">
        <CompanySelect choice={choice} />
        <Select
          w={150}
          label={t('invoicing.payment.direction')}
          clearable
          data={PAYMENT_DIRECTIONS.map((d) => ({ value: d, label: t(`invoicing.direction.${d}`) }))}
          value={direction}
          onChange={setDirection}
        />
        <Select
          w={150}
          label={t('common.status')}
          clearable
          data={ENTRY_STATUSES.map((s) => ({ value: s, label: t(`accounting.entry.status.${s}`) }))}
          value={status}
          onChange={setStatus}
        />
        <CounterpartySelect
          w={240}
          label={t('counterparties.counterparty')}
          clearable
          value={counterpartyId}
          onChange={setCounterpartyId}
        />
        <DayInput w={150} label={t('accounting.from')} value={from} onChange={setFrom} />
        <DayInput w={150} label={t('accounting.to')} value={to} onChange={setTo} />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(p) => p.id}
        loading={list.isLoading}
        error={list.error}
        testId="payments-table"
      />
      <CursorPager list={list} />
    </>
  );
}
