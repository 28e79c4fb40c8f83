import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCan } from '../../auth/me';
import { DayInput } from '../../ui/day-input';
import { FormAlert } from '../../ui/form-alert';
import { useFormat } from '../../ui/format';
import { useApiMutation } from '../../ui/use-api-mutation';
import type { JournalEntry } from './accounting-types';
import { sumAmounts, trimAmount } from './decimal-sum';
import { isZero } from './report-period';
import { BOOKS_CHANGED, useAccounts, useDimensions, useJournals } from './use-accounting-lists';

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </Stack>
  );
}

/** Another entry by its number: the reversal of a cancelled entry, or the entry a reversal cancels. */
export function EntryLink({ entryId, testId }: { entryId: string; testId: string }) {
  const { t } = useTranslation();
  const other = useQuery({
    queryKey: ['/journal-entries', entryId],
    queryFn: () => api.get<JournalEntry>(`/journal-entries/${entryId}`),
  });
  return (
    <Anchor component={Link} to={`/accounting/entries/${entryId}`} size="sm" data-testid={testId}>
      {other.data?.number ?? t('accounting.entry.draftNumber')}
    </Anchor>
  );
}

/** A posted or cancelled entry: read only, with Cancel and the way to its reversal. */
export function EntryView({ entry, companyCurrency }: { entry: JournalEntry; companyCurrency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write');
  const accounts = useAccounts(entry.companyId);
  const journals = useJournals(entry.companyId);
  const { dimensions } = useDimensions(entry.companyId);
  const [cancelling, setCancelling] = useState(false);
  const foreign = entry.currency !== companyCurrency;
  const lines = [...entry.lines].sort((a, b) => a.lineNo - b.lineNo);
  const dimensionNames = (ids: (string | null)[]) =>
    ids
      .map((id) => dimensions.find((d) => d.id === id))
      .filter((d) => d !== undefined)
      .map((d) => d.name)
      .join(', ');
  const total = (pick: (l: (typeof lines)[number]) => string) =>
    trimAmount(sumAmounts(lines.map(pick)).toFixed());
  const amount = (value: string, currency: string) =>
    isZero(value) ? '' : format.money(trimAmount(value), currency);
  const withDimensions = lines.some((l) => l.costCentreId || l.projectId || l.departmentId);

  return (
    <Stack gap="md" data-testid="entry-view">
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Fact label={t('accounting.entry.postingDate')}>{format.day(entry.postingDate)}</Fact>
          <Fact label={t('accounting.entry.journal')}>{journals.nameOf(entry.journalId)}</Fact>
          <Fact label={t('accounting.currency')}>
            {foreign ? `${entry.currency} · ${t('accounting.entry.rate')} ${entry.rate}` : entry.currency}
          </Fact>
          <Fact label={t('accounting.entry.postedAt')}>{format.dateTime(entry.postedAt)}</Fact>
        </SimpleGrid>
        {entry.memo && (
          <Text size="sm" mt="sm">
            {entry.memo}
          </Text>
        )}
        <Group gap="lg" mt="sm">
          {entry.reversedById && (
            <Group gap={4}>
              <Text size="sm">{t('accounting.entry.reversedBy')}</Text>
              <EntryLink entryId={entry.reversedById} testId="entry-reversal-link" />
            </Group>
          )}
          {entry.reversesId && (
            <Group gap={4}>
              <Text size="sm">{t('accounting.entry.reverses')}</Text>
              <EntryLink entryId={entry.reversesId} testId="entry-reversed-link" />
            </Group>
          )}
        </Group>
      </Paper>
      <Table withTableBorder striped data-testid="entry-view-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>#</Table.Th>
            <Table.Th>{t('accounting.line.account')}</Table.Th>
            <Table.Th>{t('accounting.line.description')}</Table.Th>
            {withDimensions && <Table.Th>{t('accounting.line.dimensions')}</Table.Th>}
            <Table.Th ta="right">{t('accounting.debit')}</Table.Th>
            <Table.Th ta="right">{t('accounting.credit')}</Table.Th>
            {foreign && <Table.Th ta="right">{t('accounting.line.debitInCompanyCurrency')}</Table.Th>}
            {foreign && <Table.Th ta="right">{t('accounting.line.creditInCompanyCurrency')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.lineNo}>
              <Table.Td>{line.lineNo}</Table.Td>
              <Table.Td>{accounts.labelOf(line.accountId)}</Table.Td>
              <Table.Td>{line.description}</Table.Td>
              {withDimensions && (
                <Table.Td>{dimensionNames([line.costCentreId, line.projectId, line.departmentId])}</Table.Td>
              )}
              <Table.Td ta="right">{amount(line.debit, entry.currency)}</Table.Td>
              <Table.Td ta="right">{amount(line.credit, entry.currency)}</Table.Td>
              {foreign && (
                <Table.Td ta="right">{amount(line.debitInCompanyCurrency, companyCurrency)}</Table.Td>
              )}
              {foreign && (
                <Table.Td ta="right">{amount(line.creditInCompanyCurrency, companyCurrency)}</Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td colSpan={withDimensions ? 4 : 3} fw={700}>
              {t('accounting.total')}
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              {format.money(
                total((l) => l.debit),
                entry.currency,
              )}
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              {format.money(
                total((l) => l.credit),
                entry.currency,
              )}
            </Table.Td>
            {foreign && (
              <Table.Td ta="right" fw={700}>
                {format.money(
                  total((l) => l.debitInCompanyCurrency),
                  companyCurrency,
                )}
              </Table.Td>
            )}
            {foreign && (
              <Table.Td ta="right" fw={700}>
                {format.money(
                  total((l) => l.creditInCompanyCurrency),
                  companyCurrency,
                )}
              </Table.Td>
            )}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {canWrite && entry.status === 'posted' && (
        <Group justify="flex-end">
          <Button color="red" variant="light" onClick={() => setCancelling(true)} data-testid="entry-cancel">
            {t('accounting.entry.cancel')}
          </Button>
        </Group>
      )}
      <Modal
        opened={cancelling}
        onClose={() => setCancelling(false)}
        title={t('accounting.entry.cancelTitle')}
      >
        {cancelling && <CancelForm entry={entry} onDone={() => setCancelling(false)} />}
      </Modal>
    </Stack>
  );
}

/** Cancelling posts a reversal: on the entry's own date unless that period is closed. */
function CancelForm({ entry, onDone }: { entry: JournalEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancel = useApiMutation(
    () => api.post<JournalEntry>(`/journal-entries/${entry.id}/cancel`, date ? { postingDate: date } : {}),
    {
      invalidate: BOOKS_CHANGED,
      success: t('accounting.entry.cancelled'),
      onSuccess: onDone,
      onError: (e) => setError(e instanceof Error ? e.message : String(e)),
    },
  );
  return (
    <Stack gap="sm">
      <Text size="sm">{t('accounting.entry.cancelExplain', { number: entry.number })}</Text>
      <FormAlert message={error} />
      <DayInput
        label={t('accounting.entry.reversalDate')}
        placeholder={entry.postingDate}
        value={date}
        onChange={setDate}
        data-testid="reversal-date"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.close')}
        </Button>
        <Button
          color="red"
          loading={cancel.isPending}
          onClick={() => cancel.mutate(undefined)}
          data-testid="entry-cancel-confirm"
        >
          {t('accounting.entry.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
