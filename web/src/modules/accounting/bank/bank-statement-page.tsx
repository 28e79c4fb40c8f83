import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { DataTable } from '../../../ui/data-table';
import { useFormat } from '../../../ui/format';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { trimAmount } from '../decimal-sum';
import { Fact } from '../entry-view';
import { useJournals } from '../use-accounting-lists';
import { BANK_CHANGED, type LineSuggestions, type Statement, type StatementLine } from './bank-types';
import { LineMatchModal } from './line-match-modal';
import { ProgressBadges } from './progress-badges';

const column = createColumnHelper<StatementLine>();
const STATUS_COLOR = { open: 'yellow', confirmed: 'green', ignored: 'gray' } as const;

/** One statement: its lines, what each most likely pays, and confirming or ignoring them. */
export function BankStatementPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write');
  const { statementId } = useParams({ strict: false }) as { statementId: string };
  const [matching, setMatching] = useState<StatementLine | null>(null);
  const query = useQuery({
    queryKey: ['/bank-statements', statementId],
    queryFn: () => api.get<Statement>(`/bank-statements/${statementId}`),
  });
  const suggestions = useQuery({
    queryKey: ['/bank-statements', statementId, 'suggestions'],
    queryFn: () => api.get<LineSuggestions[]>(`/bank-statements/${statementId}/suggestions`),
  });
  const journals = useJournals(query.data?.companyId ?? null);
  const reopen = useApiMutation((id: string) => api.post(`/bank-statement-lines/${id}/reopen`), {
    invalidate: BANK_CHANGED,
  });
  if (query.isLoading) return <CenteredLoader />;
  if (query.error || !query.data)
    return (
      <Alert color="red" data-testid="statement-not-found">
        {problemMessage(query.error)}
      </Alert>
    );
  const statement = query.data;
  const suggested = new Map((suggestions.data ?? []).map((s) => [s.lineId, s.suggestions]));
  const money = (value: string | null) =>
    value === null ? '—' : format.money(trimAmount(value), statement.currency);

  const columns = [
    column.accessor('lineNo', { header: '#' }),
    column.accessor('bookingDate', { header: t('bank.bookingDate'), cell: (c) => format.day(c.getValue()) }),
    column.accessor('amount', {
      header: t('accounting.entry.amount'),
      meta: { align: 'right' },
      cell: (c) => (
        <Text size="sm" c={c.getValue().startsWith('-') ? 'red' : 'green'} fw={600}>
          {money(c.getValue())}
        </Text>
      ),
    }),
    column.display({
      id: 'counterparty',
      header: t('bank.payer'),
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm">{row.original.counterpartyName}</Text>
          <Text size="xs" c="dimmed">
            {row.original.counterpartyIban}
          </Text>
        </Stack>
      ),
    }),
    column.accessor('reference', { header: t('bank.reference') }),
    column.display({
      id: 'suggestion',
      header: t('bank.suggestion'),
      cell: ({ row }) => {
        const best = row.original.status === 'open' ? suggested.get(row.original.id)?.[0] : undefined;
        return best ? (
          <Text size="sm">
            {best.documentNumber ?? best.counterpartyName} · <Badge size="sm">{best.score}</Badge>
          </Text>
        ) : null;
      },
    }),
    column.accessor('status', {
      header: t('common.status'),
      cell: ({ row }) => (
        <Stack gap={2}>
          <Badge
            color={STATUS_COLOR[row.original.status]}
            variant="light"
            data-testid={`line-status-${row.original.lineNo}`}
          >
            {t(`bank.status.${row.original.status}`)}
          </Badge>
          {row.original.paymentId && (
            <Anchor component={Link} to={`/accounting/payments/${row.original.paymentId}`} size="xs">
              {row.original.paymentNumber}
            </Anchor>
          )}
          {row.original.cancelledPaymentId && (
            <Text size="xs" c="orange">
              {t('bank.paymentCancelled')}
            </Text>
          )}
          {row.original.note && (
            <Text size="xs" c="dimmed">
              {row.original.note}
            </Text>
          )}
        </Stack>
      ),
    }),
    column.display({
      id: 'actions',
      header: '',
      cell: ({ row }) => {
        if (!canWrite) return null;
        if (row.original.status === 'open')
          return (
            <Button
              size="xs"
              onClick={() => setMatching(row.original)}
              loading={suggestions.isLoading}
              data-testid={`match-line-${row.original.lineNo}`}
            >
              {t('bank.match')}
            </Button>
          );
        if (row.original.status === 'ignored')
          return (
            <Button size="xs" variant="subtle" onClick={() => reopen.mutate(row.original.id)}>
              {t('bank.reopen')}
            </Button>
          );
        return null;
      },
    }),
  ];

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/accounting/bank" size="sm">
        ← {t('bank.title')}
      </Anchor>
      <Group justify="space-between">
        <Title order={3}>
          {t('bank.statement')} {statement.statementRef ?? statement.fileName ?? ''}
        </Title>
        <ProgressBadges progress={statement.progress} />
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          <Fact label={t('accounting.entry.journal')}>{journals.nameOf(statement.journalId)}</Fact>
          <Fact label={t('bank.period')}>
            {format.day(statement.fromDate)} – {format.day(statement.toDate)}
          </Fact>
          <Fact label={t('bank.account')}>{statement.accountIban}</Fact>
          <Fact label={t('bank.openingBalance')}>{money(statement.openingBalance)}</Fact>
          <Fact label={t('bank.closingBalance')}>{money(statement.closingBalance)}</Fact>
        </SimpleGrid>
      </Paper>
      <DataTable data={statement.lines} columns={columns} getRowId={(l) => l.id} testId="statement-lines" />
      {matching && (
        <LineMatchModal
          line={matching}
          companyId={statement.companyId}
          suggestions={suggested.get(matching.id) ?? []}
          onClose={() => setMatching(null)}
        />
      )}
    </Stack>
  );
}
