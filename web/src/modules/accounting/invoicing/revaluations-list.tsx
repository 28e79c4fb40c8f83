import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { ConfirmButton } from '../../../ui/confirm-button';
import { useFormat } from '../../../ui/format';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { EntryLink } from '../entry-view';
import type { Revaluation } from './revaluation-types';
import { DOCUMENTS_CHANGED } from './use-invoicing-lists';

export const REVALUATIONS_CHANGED = [...DOCUMENTS_CHANGED, '/accounting/revaluations'];

/** The company's revaluations with their two entries, and Cancel for those that stand. */
export function RevaluationsList({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write');
  const list = useQuery({
    queryKey: ['/accounting/revaluations', { companyId }],
    queryFn: () => api.get<{ items: Revaluation[] }>('/accounting/revaluations', { companyId }),
  });
  const cancel = useApiMutation(
    (revaluation: Revaluation) => api.post<Revaluation>(`/accounting/revaluations/${revaluation.id}/cancel`),
    { invalidate: REVALUATIONS_CHANGED, success: t('revaluation.cancelled') },
  );
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {t('revaluation.posted')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('revaluation.none')}
        </Text>
      ) : (
        <Table striped data-testid="revaluations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('revaluation.date')}</Table.Th>
              <Table.Th>{t('invoicing.invoice.journalEntry')}</Table.Th>
              <Table.Th>{t('revaluation.reversal')}</Table.Th>
              <Table.Th ta="right">{t('revaluation.gain')}</Table.Th>
              <Table.Th ta="right">{t('revaluation.loss')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid="revaluation-row" data-date={r.date}>
                <Table.Td>{format.day(r.date)}</Table.Td>
                <Table.Td>
                  <EntryLink entryId={r.entryId} testId="revaluation-entry-link" />
                </Table.Td>
                <Table.Td>
                  {r.reversalEntryId && (
                    <>
                      <EntryLink entryId={r.reversalEntryId} testId="revaluation-reversal-link" />
                      {r.reversalDate && ` · ${format.day(r.reversalDate)}`}
                    </>
                  )}
                </Table.Td>
                <Table.Td ta="right">{format.money(r.gain, r.currency)}</Table.Td>
                <Table.Td ta="right">{format.money(r.loss, r.currency)}</Table.Td>
                <Table.Td ta="right">
                  {r.status === 'cancelled' ? (
                    <Badge size="sm" color="gray" variant="light">
                      {t('accounting.entry.status.cancelled')}
                    </Badge>
                  ) : (
                    canWrite && (
                      <ConfirmButton
                        label={t('revaluation.cancel')}
                        question={t('revaluation.cancelQuestion', { date: format.day(r.date) })}
                        onConfirm={() => cancel.mutate(r)}
                        data-testid="revaluation-cancel"
                      />
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
