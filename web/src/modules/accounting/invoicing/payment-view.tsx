import { Group, Paper, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { ConfirmButton } from '../../../ui/confirm-button';
import { useFormat } from '../../../ui/format';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { trimAmount } from '../decimal-sum';
import { EntryLink, Fact } from '../entry-view';
import { useJournals } from '../use-accounting-lists';
import { AllocationPanel } from './allocation-panel';
import { CounterpartyName } from './counterparty-select';
import type { Payment } from './invoicing-types';
import { PaymentDirectionLabel } from './payment-direction';
import { DOCUMENTS_CHANGED } from './use-invoicing-lists';

/** A posted or cancelled payment: what it was, what it settled, and Cancel. */
export function PaymentView({ payment, companyCurrency }: { payment: Payment; companyCurrency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write');
  const journals = useJournals(payment.companyId);
  const cancel = useApiMutation(() => api.post<Payment>(`/payments/${payment.id}/cancel`), {
    invalidate: DOCUMENTS_CHANGED,
    success: t('invoicing.payment.cancelledMessage'),
  });
  const foreign = payment.currency !== companyCurrency;
  return (
    <Stack gap="md" data-testid="payment-view">
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Fact label={t('invoicing.payment.direction')}>
            <PaymentDirectionLabel payment={payment} />
          </Fact>
          <Fact label={t('counterparties.counterparty')}>
            <CounterpartyName id={payment.counterpartyId} />
          </Fact>
          <Fact label={t('invoicing.payment.journal')}>{journals.nameOf(payment.journalId)}</Fact>
          <Fact label={t('invoicing.payment.paymentDate')}>{format.day(payment.paymentDate)}</Fact>
          <Fact label={t('accounting.entry.amount')}>
            {format.money(trimAmount(payment.amount), payment.currency)}
            {foreign &&
              ` · ${t('accounting.entry.rate')} ${trimAmount(payment.rate, 0)} · ${format.money(trimAmount(payment.amountInCompanyCurrency), companyCurrency)}`}
          </Fact>
          <Fact label={t('invoicing.payment.reference')}>{payment.reference}</Fact>
          <Fact label={t('invoicing.invoice.journalEntry')}>
            {payment.journalEntryId && (
              <EntryLink entryId={payment.journalEntryId} testId="payment-entry-link" />
            )}
          </Fact>
        </SimpleGrid>
      </Paper>
      <AllocationPanel payment={payment} />
      {canWrite && payment.status === 'posted' && (
        <Group justify="flex-end">
          <ConfirmButton
            size="sm"
            variant="light"
            label={t('invoicing.payment.cancel')}
            question={t('invoicing.payment.cancelQuestion', { number: payment.number })}
            onConfirm={() => cancel.mutate(undefined)}
            data-testid="payment-cancel"
          />
        </Group>
      )}
    </Stack>
  );
}
