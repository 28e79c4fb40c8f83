import {
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, request } from '../../../api/client';
import { ConfirmButton } from '../../../ui/confirm-button';
import { DayInput } from '../../../ui/day-input';
import { FormAlert } from '../../../ui/form-alert';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { maxLength, positiveDecimal, required } from '../../../ui/validators';
import { useCurrencyOptions } from '../../reference/use-reference-options';
import { trimAmount } from '../decimal-sum';
import { useJournals } from '../use-accounting-lists';
import { CounterpartySelect } from './counterparty-select';
import { PAYMENT_DIRECTIONS, type Payment, type PaymentDirection } from './invoicing-types';
import { DOCUMENTS_CHANGED } from './use-invoicing-lists';

const today = () => new Date().toISOString().slice(0, 10);

/** A new payment or a draft: Save, Delete, and Post, optionally allocating by due date. */
export function PaymentEditor({
  payment,
  companyId,
  companyCurrency,
}: {
  payment?: Payment;
  companyId: string;
  companyCurrency: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const currencies = useCurrencyOptions();
  const journals = useJournals(companyId);
  const [saved, setSaved] = useState<Payment | undefined>(payment);
  const [allocateByDueDate, setAllocateByDueDate] = useState(false);
  const form = useForm(
    {
      direction: (payment?.direction ?? 'in') as PaymentDirection,
      counterpartyId: (payment?.counterpartyId ?? null) as string | null,
      journalId: (payment?.journalId ?? null) as string | null,
      paymentDate: (payment?.paymentDate ?? today()) as string | null,
      currency: (payment?.currency ?? companyCurrency) as string | null,
      amount: payment ? trimAmount(payment.amount) : '',
      reference: payment?.reference ?? '',
      isRefund: payment?.isRefund ?? false,
    },
    {
      counterpartyId: [required],
      journalId: [required],
      paymentDate: [required],
      currency: [required],
      amount: [required, positiveDecimal],
      reference: [maxLength(200)],
    },
  );
  const v = form.values;
  const moneyJournals = journals.journals
    .filter((j) => j.kind === 'bank' || j.kind === 'cash')
    .map((j) => ({ value: j.id, label: `${j.code} — ${j.name}` }));

  const body = () => ({
    companyId,
    direction: v.direction,
    counterpartyId: v.counterpartyId,
    journalId: v.journalId,
    paymentDate: v.paymentDate,
    currency: v.currency,
    amount: v.amount.trim(),
    reference: v.reference.trim() || null,
    isRefund: v.isRefund,
  });
  const saveDraft = () =>
    saved ? api.put<Payment>(`/payments/${saved.id}`, body()) : api.post<Payment>('/payments', body());
  const openPayment = (result: Payment) => {
    setSaved(result);
    if (!saved || result.status !== 'draft')
      void navigate({ to: `/accounting/payments/${result.id}`, replace: true });
  };
  const save = useApiMutation(saveDraft, {
    invalidate: ['/payments'],
    success: t('invoicing.payment.saved'),
    onSuccess: openPayment,
    onError: form.applyProblem,
  });
  const post = useApiMutation(
    async () => {
      const draft = await saveDraft();
      setSaved(draft);
      return api.post<Payment>(
        `/payments/${draft.id}/post`,
        allocateByDueDate ? { allocate: 'by_due_date' } : {},
      );
    },
    {
      invalidate: DOCUMENTS_CHANGED,
      success: t('invoicing.payment.postedMessage'),
      onSuccess: openPayment,
      onError: form.applyProblem,
    },
  );
  const remove = useApiMutation(() => request<void>('DELETE', `/payments/${saved?.id}`), {
    invalidate: ['/payments'],
    success: t('invoicing.payment.deleted'),
    onSuccess: () => void navigate({ to: '/accounting/payments' as string }),
  });

  const intent = useRef<'save' | 'post'>('save');
  const submit = form.onSubmit(() => {
    if (intent.current === 'post') post.mutate(undefined);
    else save.mutate(undefined);
  });

  return (
    <form onSubmit={submit} noValidate data-testid="payment-editor">
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <Paper withBorder p="sm">
          <SegmentedControl
            mb="sm"
            value={v.direction}
            onChange={(d) => form.setValue('direction', d as PaymentDirection)}
            data={PAYMENT_DIRECTIONS.map((d) => ({
              value: d,
              label: v.isRefund ? t(`revaluation.refund.direction.${d}`) : t(`invoicing.direction.${d}`),
            }))}
            data-testid="payment-direction"
          />
          <Switch
            mb="sm"
            label={t('revaluation.refund.switch')}
            description={t('revaluation.refund.hint')}
            checked={v.isRefund}
            onChange={(e) => form.setValue('isRefund', e.currentTarget.checked)}
            data-testid="payment-refund"
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <CounterpartySelect
              label={t('counterparties.counterparty')}
              required
              {...form.field('counterpartyId')}
              data-testid="payment-counterparty"
            />
            <Select
              label={t('invoicing.payment.journal')}
              required
              searchable
              data={moneyJournals}
              {...form.field('journalId')}
              data-testid="payment-journal"
            />
            <DayInput
              label={t('invoicing.payment.paymentDate')}
              required
              {...form.field('paymentDate')}
              data-testid="payment-date"
            />
            <Select
              label={t('accounting.currency')}
              required
              searchable
              allowDeselect={false}
              data={currencies}
              {...form.field('currency')}
              data-testid="payment-currency"
            />
            <TextInput
              label={t('accounting.entry.amount')}
              required
              inputMode="decimal"
              {...form.text('amount')}
              data-testid="payment-amount"
            />
            <TextInput
              label={t('invoicing.payment.reference')}
              {...form.text('reference')}
              data-testid="payment-reference"
            />
          </SimpleGrid>
        </Paper>
        <Group justify="space-between">
          <Group gap="xs">
            {saved && (
              <ConfirmButton
                size="sm"
                label={t('accounting.entry.deleteDraft')}
                question={t('invoicing.payment.deleteQuestion')}
                onConfirm={() => remove.mutate(undefined)}
                data-testid="payment-delete"
              />
            )}
          </Group>
          <Group gap="sm">
            <Checkbox
              label={t('invoicing.payment.allocateByDueDate')}
              checked={allocateByDueDate}
              onChange={(e) => setAllocateByDueDate(e.currentTarget.checked)}
              data-testid="payment-allocate-by-due-date"
            />
            <Button
              variant="default"
              type="submit"
              loading={save.isPending}
              onClick={() => {
                intent.current = 'save';
              }}
              data-testid="payment-save"
            >
              {t('accounting.entry.saveDraft')}
            </Button>
            <Button
              color="teal"
              type="submit"
              loading={post.isPending}
              onClick={() => {
                intent.current = 'post';
              }}
              data-testid="payment-post"
            >
              {t('accounting.entry.post')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
