import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { DayInput } from '../../../ui/day-input';
import { useFormat } from '../../../ui/format';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { parseAmount, trimAmount } from '../decimal-sum';
import { EntryLink } from '../entry-view';
import {
  leftToAllocate,
  sideOfPayment,
  stillCredits,
  stillOwes,
  suggestedAllocation,
} from './allocation-amount';
import type { Allocation, OpenItem, Payment } from './invoicing-types';
import { OpenItemsTable } from './open-items-table';
import { DOCUMENTS_CHANGED } from './use-invoicing-lists';

/** Every item of the payment's counterparty on its side, settled ones too, to name what allocations settled. */
function useCounterpartyItems(payment: Payment) {
  return useQuery({
    queryKey: ['/open-items', { paymentId: payment.id, counterpartyId: payment.counterpartyId }],
    queryFn: () =>
      api.get<Page<OpenItem>>('/open-items', {
        companyId: payment.companyId,
        counterpartyId: payment.counterpartyId,
        side: sideOfPayment(payment),
        limit: 200,
      }),
  });
}

/**
 * A posted payment's allocations with Undo, and the counterparty's open items in the payment's
 * currency with an amount to allocate to each.
 */
export function AllocationPanel({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write') && payment.status === 'posted';
  const items = useCounterpartyItems(payment);
  const [allocatedOn, setAllocatedOn] = useState<string | null>(null);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const all = items.data?.items ?? [];
  const itemOf = (id: string) => all.find((i) => i.id === id);
  const left = leftToAllocate(payment.openItem?.outstanding);
  // What the payment can settle: items owed (positive) in its currency, with something outstanding;
  // a refund pays back credits (negative): credit notes and other payments' advances.
  const owed = all.filter((i) =>
    payment.isRefund
      ? i.currency === payment.currency && i.id !== payment.openItem?.id && stillCredits(i.outstanding)
      : i.currency === payment.currency && i.paymentId === null && stillOwes(i.outstanding),
  );

  const allocate = useApiMutation(
    (item: OpenItem) =>
      api.post<Payment>(`/payments/${payment.id}/allocations`, {
        openItemId: item.id,
        amount: (amounts[item.id] ?? suggestedAllocation(item.outstanding, left)).trim(),
        ...(allocatedOn ? { allocatedOn } : {}),
      }),
    {
      invalidate: DOCUMENTS_CHANGED,
      success: t('invoicing.allocation.allocated'),
      onSuccess: () => setAmounts({}),
    },
  );
  const undo = useApiMutation((allocation: Allocation) => api.post(`/allocations/${allocation.id}/undo`), {
    invalidate: DOCUMENTS_CHANGED,
    success: t('invoicing.allocation.undone'),
  });

  const allocations = [...payment.allocations].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  return (
    <Stack gap="sm" data-testid="allocation-panel">
      <Group justify="space-between">
        <Title order={5}>{t('invoicing.allocation.title')}</Title>
        <Text size="sm" data-testid="payment-left">
          {t('invoicing.allocation.left', { amount: format.money(left, payment.currency) })}
        </Text>
      </Group>
      {allocations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('invoicing.allocation.none')}
        </Text>
      ) : (
        <Table withTableBorder striped data-testid="allocations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoicing.allocation.allocatedOn')}</Table.Th>
              <Table.Th>{t('invoicing.openItem.document')}</Table.Th>
              <Table.Th ta="right">{t('accounting.entry.amount')}</Table.Th>
              <Table.Th>{t('invoicing.allocation.exchangeEntry')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {allocations.map((a) => {
              const item = itemOf(a.openItemId);
              return (
                <Table.Tr key={a.id} data-testid="allocation">
                  <Table.Td>{format.day(a.allocatedOn)}</Table.Td>
                  <Table.Td>
                    {item?.invoiceId ? (
                      <Anchor component={Link} to={`/accounting/invoices/${item.invoiceId}`} size="sm">
                        {t('invoicing.allocation.itemOfInvoice', {
                          instalment: item.instalment,
                          due: format.day(item.dueDate),
                        })}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="allocation-amount">
                    {format.money(trimAmount(a.amount), payment.currency)}
                  </Table.Td>
                  <Table.Td>
                    {a.exchangeEntryId && (
                      <EntryLink entryId={a.exchangeEntryId} testId="allocation-exchange-entry" />
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {a.undoesId && (
                      <Badge size="xs" color="gray" variant="light">
                        {t('invoicing.allocation.undoing')}
                      </Badge>
                    )}
                    {a.undoneById && (
                      <Badge size="xs" color="gray" variant="light">
                        {t('invoicing.allocation.undoneBadge')}
                      </Badge>
                    )}
                    {canWrite && !a.undoesId && !a.undoneById && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        loading={undo.isPending}
                        onClick={() => undo.mutate(a)}
                        data-testid="allocation-undo"
                      >
                        {t('invoicing.allocation.undo')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && !parseAmount(left)?.isZero() && (
        <Stack gap="xs">
          <Group justify="space-between" align="flex-end">
            <Text size="sm" fw={600}>
              {t('invoicing.allocation.openItems')}
            </Text>
            <DayInput
              w={220}
              size="xs"
              label={t('invoicing.allocation.allocatedOnOptional')}
              value={allocatedOn}
              onChange={setAllocatedOn}
            />
          </Group>
          <OpenItemsTable
            items={owed}
            showDocument
            testId="allocatable-items"
            action={(item) => (
              <Group gap={4} wrap="nowrap" justify="flex-end">
                <TextInput
                  size="xs"
                  w={110}
                  inputMode="decimal"
                  aria-label={t('accounting.entry.amount')}
                  styles={{ input: { textAlign: 'right' } }}
                  value={amounts[item.id] ?? suggestedAllocation(item.outstanding, left)}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setAmounts((current) => ({ ...current, [item.id]: value }));
                  }}
                  data-testid="allocate-amount"
                />
                <Button
                  size="compact-sm"
                  loading={allocate.isPending}
                  onClick={() => allocate.mutate(item)}
                  data-testid="allocate"
                >
                  {t('invoicing.allocation.allocate')}
                </Button>
              </Group>
            )}
          />
        </Stack>
      )}
    </Stack>
  );
}
