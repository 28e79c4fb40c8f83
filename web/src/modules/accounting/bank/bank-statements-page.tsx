import { Anchor, Button, Group, Select } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../auth/me';
import { CursorPager } from '../../../ui/cursor-pager';
import { DataTable } from '../../../ui/data-table';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useCursorList } from '../../../ui/use-cursor-list';
import { CompanySelect } from '../company-select';
import { trimAmount } from '../decimal-sum';
import { useJournals } from '../use-accounting-lists';
import { useCompanyChoice } from '../use-company-choice';
import type { StatementSummary } from './bank-types';
import { ImportStatementModal } from './import-statement-modal';
import { ProgressBadges } from './progress-badges';

const column = createColumnHelper<StatementSummary>();

/** Imported statements of the company's bank journals, with how far their lines are matched. */
export function BankStatementsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write');
  const choice = useCompanyChoice();
  const { companyId } = choice;
  const journals = useJournals(companyId);
  const bankJournals = journals.options.filter((o) =>
    journals.journals.some((j) => j.id === o.value && j.kind === 'bank'),
  );
  const [journalId, setJournalId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useCursorList<StatementSummary>('/bank-statements', { companyId, journalId });
  const money = (value: string | null, currency: string) =>
    value === null ? '' : format.money(trimAmount(value), currency);

  const columns = [
    column.display({
      id: 'period',
      header: t('bank.period'),
      cell: ({ row }) => (
        <Anchor component={Link} to={`/accounting/bank/${row.original.id}`} size="sm" fw={600}>
          {format.day(row.original.fromDate)} – {format.day(row.original.toDate)}
        </Anchor>
      ),
    }),
    column.accessor('journalId', {
      header: t('accounting.entry.journal'),
      cell: (c) => journals.nameOf(c.getValue()),
    }),
    column.accessor('statementRef', {
      header: t('bank.statementRef'),
      cell: (c) => c.getValue() ?? c.row.original.fileName,
    }),
    column.accessor('format', { header: t('bank.format'), cell: (c) => t(`bank.formats.${c.getValue()}`) }),
    column.accessor('openingBalance', {
      header: t('bank.openingBalance'),
      meta: { align: 'right' },
      cell: (c) => money(c.getValue(), c.row.original.currency),
    }),
    column.accessor('closingBalance', {
      header: t('bank.closingBalance'),
      meta: { align: 'right' },
      cell: (c) => money(c.getValue(), c.row.original.currency),
    }),
    column.accessor('progress', {
      header: t('bank.progress'),
      cell: (c) => <ProgressBadges progress={c.getValue()} />,
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('bank.title')}
        description={t('bank.description')}
        actions={
          canWrite && (
            <Button onClick={() => setImporting(true)} disabled={!companyId} data-testid="import-statement">
              {t('bank.import')}
            </Button>
          )
        }
      />
      <Group mb="sm" gap="sm" align="flex-end">
        <CompanySelect choice={choice} />
        <Select
          w={240}
          label={t('accounting.entry.journal')}
          clearable
          data={bankJournals}
          value={journalId}
          onChange={setJournalId}
        />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(s) => s.id}
        loading={list.isLoading}
        error={list.error}
        testId="bank-statements-table"
      />
      <CursorPager list={list} />
      {importing && companyId && (
        <ImportStatementModal
          journals={bankJournals}
          initialJournalId={journalId ?? bankJournals[0]?.value ?? null}
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}
