import { Anchor, Button, Group, Select, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me';
import { CursorPager } from '../../ui/cursor-pager';
import { DataTable } from '../../ui/data-table';
import { DayInput } from '../../ui/day-input';
import { useFormat } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useCursorList } from '../../ui/use-cursor-list';
import { ENTRY_STATUSES, type JournalEntry } from './accounting-types';
import { CompanySelect } from './company-select';
import { sumAmounts, trimAmount } from './decimal-sum';
import { EntryStatusBadge } from './entry-status-badge';
import { useJournals } from './use-accounting-lists';
import { useCompanyChoice } from './use-company-choice';

const column = createColumnHelper<JournalEntry>();

export function JournalEntriesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write');
  const choice = useCompanyChoice();
  const { companyId } = choice;
  const journals = useJournals(companyId);
  const [journalId, setJournalId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const list = useCursorList<JournalEntry>('/journal-entries', { companyId, journalId, status, from, to });

  const columns = [
    column.display({
      id: 'number',
      header: t('accounting.entry.number'),
      cell: ({ row }) => (
        <Anchor component={Link} to={`/accounting/entries/${row.original.id}`} size="sm" fw={600}>
          {row.original.number ?? t('accounting.entry.draftNumber')}
        </Anchor>
      ),
    }),
    column.accessor('postingDate', {
      header: t('accounting.entry.postingDate'),
      cell: (c) => format.day(c.getValue()),
    }),
    column.accessor('journalId', {
      header: t('accounting.entry.journal'),
      cell: (c) => journals.nameOf(c.getValue()),
    }),
    column.accessor('memo', {
      header: t('accounting.entry.memo'),
      cell: (c) => (
        <Text size="sm" lineClamp={1} maw={320}>
          {c.getValue()}
        </Text>
      ),
    }),
    column.display({
      id: 'amount',
      header: t('accounting.entry.amount'),
      meta: { align: 'right' },
      cell: ({ row }) =>
        format.money(
          trimAmount(sumAmounts(row.original.lines.map((l) => l.debit)).toFixed()),
          row.original.currency,
        ),
    }),
    column.accessor('status', {
      header: t('common.status'),
      cell: (c) => <EntryStatusBadge status={c.getValue()} />,
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('accounting.entries.title')}
        description={t('accounting.entries.description')}
        actions={
          canWrite && (
            <Button
              component={Link}
              to="/accounting/entries/new"
              disabled={!companyId}
              data-testid="create-entry"
            >
              {t('accounting.entries.create')}
            </Button>
          )
        }
      />
      <Group mb="sm" gap="sm" align="flex-end">
        <CompanySelect choice={choice} />
        <Select
          w={200}
          label={t('accounting.entry.journal')}
          clearable
          data={journals.options}
          value={journalId}
          onChange={setJournalId}
        />
        <Select
          w={150}
          label={t('common.status')}
          clearable
          data={ENTRY_STATUSES.map((s) => ({ value: s, label: t(`accounting.entry.status.${s}`) }))}
          value={status}
          onChange={setStatus}
          data-testid="entries-status"
        />
        <DayInput w={150} label={t('accounting.from')} value={from} onChange={setFrom} />
        <DayInput w={150} label={t('accounting.to')} value={to} onChange={setTo} />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(e) => e.id}
        loading={list.isLoading}
        error={list.error}
        testId="entries-table"
      />
      <CursorPager list={list} />
    </>
  );
}
