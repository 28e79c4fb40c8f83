import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, request } from '../../../api/client';
import { ConfirmButton } from '../../../ui/confirm-button';
import { DayInput } from '../../../ui/day-input';
import { FormAlert } from '../../../ui/form-alert';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { maxLength, required } from '../../../ui/validators';
import { useCurrencyOptions } from '../../reference/use-reference-options';
import { parseAmount } from '../decimal-sum';
import { splitLineProblems } from '../entry-draft';
import { useAccounts } from '../use-accounting-lists';
import { CounterpartySelect } from './counterparty-select';
import { type InvoiceLineDraft, invoiceLineBody, invoiceLines, isBlankInvoiceLine } from './invoice-draft';
import { InvoiceLinesGrid } from './invoice-lines-grid';
import { InvoiceTotals } from './invoice-totals';
import { INVOICE_KINDS, type Invoice, type InvoiceKind } from './invoicing-types';
import { DOCUMENTS_CHANGED, usePaymentTerms, useTaxes } from './use-invoicing-lists';

const today = () => new Date().toISOString().slice(0, 10);

/** A new invoice or a draft: header, lines, Save (the server computes the totals), Post, Delete. */
export function InvoiceEditor({
  invoice,
  companyId,
  companyCurrency,
}: {
  invoice?: Invoice;
  companyId: string;
  companyCurrency: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const currencies = useCurrencyOptions();
  const accounts = useAccounts(companyId);
  const taxes = useTaxes(companyId);
  const terms = usePaymentTerms(companyId);
  const [saved, setSaved] = useState<Invoice | undefined>(invoice);
  const [lines, setLines] = useState<InvoiceLineDraft[]>(() => invoiceLines(invoice));
  const [lineErrors, setLineErrors] = useState<Record<string, Record<string, string>>>({});
  const form = useForm(
    {
      kind: (invoice?.kind ?? 'customer_invoice') as InvoiceKind | null,
      counterpartyId: (invoice?.counterpartyId ?? null) as string | null,
      invoiceDate: (invoice?.invoiceDate ?? today()) as string | null,
      currency: (invoice?.currency ?? companyCurrency) as string | null,
      paymentTermsId: (invoice?.paymentTermsId ?? null) as string | null,
      memo: invoice?.memo ?? '',
    },
    {
      kind: [required],
      counterpartyId: [required],
      invoiceDate: [required],
      currency: [required],
      memo: [maxLength(2000)],
    },
  );
  const v = form.values;
  const filled = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => !isBlankInvoiceLine(line));

  const body = () => ({
    companyId,
    kind: v.kind,
    counterpartyId: v.counterpartyId,
    invoiceDate: v.invoiceDate,
    currency: v.currency,
    paymentTermsId: v.paymentTermsId,
    memo: v.memo.trim() || null,
    lines: filled.map(({ line }) => invoiceLineBody(line)),
  });
  const onProblem = (error: unknown) => {
    const { byLine, rest } = splitLineProblems(
      error,
      filled.map(({ index }) => index),
    );
    setLineErrors(byLine);
    form.applyProblem(rest);
  };
  const saveDraft = () =>
    saved ? api.put<Invoice>(`/invoices/${saved.id}`, body()) : api.post<Invoice>('/invoices', body());
  const openInvoice = (result: Invoice) => {
    setLineErrors({});
    setSaved(result);
    if (!saved) void navigate({ to: `/accounting/invoices/${result.id}`, replace: true });
  };

  const save = useApiMutation(saveDraft, {
    invalidate: ['/invoices'],
    success: t('invoicing.invoice.saved'),
    onSuccess: openInvoice,
    onError: onProblem,
  });
  // Posting saves what is on the screen first: the accountant posts what they see.
  const post = useApiMutation(
    async () => {
      const draft = await saveDraft();
      setSaved(draft);
      return api.post<Invoice>(`/invoices/${draft.id}/post`);
    },
    {
      invalidate: DOCUMENTS_CHANGED,
      success: t('invoicing.invoice.postedMessage'),
      onSuccess: (result) => {
        setLineErrors({});
        void navigate({ to: `/accounting/invoices/${result.id}`, replace: true });
      },
      onError: onProblem,
    },
  );
  const remove = useApiMutation(() => request<void>('DELETE', `/invoices/${saved?.id}`), {
    invalidate: ['/invoices'],
    success: t('invoicing.invoice.deleted'),
    onSuccess: () => void navigate({ to: '/accounting/invoices' as string }),
  });

  // Both buttons submit the form, so the header checks run for either; this says which was pressed.
  const intent = useRef<'save' | 'post'>('save');
  const submit = form.onSubmit(() => {
    const badNumber = lines.some(
      (l) =>
        parseAmount(l.quantity) === null ||
        parseAmount(l.unitPrice) === null ||
        parseAmount(l.discountPercent) === null,
    );
    if (badNumber) return;
    if (intent.current === 'post') post.mutate(undefined);
    else save.mutate(undefined);
  });

  return (
    <form onSubmit={submit} noValidate data-testid="invoice-editor">
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <Paper withBorder p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <Select
              label={t('invoicing.invoice.kind')}
              required
              allowDeselect={false}
              data={INVOICE_KINDS.map((k) => ({ value: k, label: t(`invoicing.kind.${k}`) }))}
              {...form.field('kind')}
              data-testid="invoice-kind"
            />
            <CounterpartySelect
              label={t('counterparties.counterparty')}
              required
              {...form.field('counterpartyId')}
              data-testid="invoice-counterparty"
            />
            <DayInput
              label={t('invoicing.invoice.invoiceDate')}
              required
              {...form.field('invoiceDate')}
              data-testid="invoice-date"
            />
            <Select
              label={t('accounting.currency')}
              required
              searchable
              allowDeselect={false}
              data={currencies}
              {...form.field('currency')}
              data-testid="invoice-currency"
            />
            <Select
              label={t('invoicing.invoice.paymentTerms')}
              clearable
              placeholder={t('invoicing.invoice.dueOnDate')}
              data={terms.options}
              {...form.field('paymentTermsId')}
              data-testid="invoice-terms"
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('accounting.entry.memo')}
            autosize
            minRows={1}
            {...form.text('memo')}
            data-testid="invoice-memo"
          />
        </Paper>
        <InvoiceLinesGrid
          lines={lines}
          onChange={setLines}
          accounts={accounts.postable}
          taxes={taxes.options}
          currency={v.currency ?? companyCurrency}
          errors={lineErrors}
        />
        <Group justify="space-between" align="flex-start">
          <Text size="xs" c="dimmed" maw={420}>
            {t('invoicing.invoice.totalsHint')}
          </Text>
          {saved && <InvoiceTotals invoice={saved} />}
        </Group>
        <Group justify="space-between">
          <Group gap="xs">
            {saved && (
              <ConfirmButton
                size="sm"
                label={t('accounting.entry.deleteDraft')}
                question={t('invoicing.invoice.deleteQuestion')}
                onConfirm={() => remove.mutate(undefined)}
                data-testid="invoice-delete"
              />
            )}
          </Group>
          <Group gap="xs">
            <Button
              variant="default"
              type="submit"
              loading={save.isPending}
              onClick={() => {
                intent.current = 'save';
              }}
              data-testid="invoice-save"
            >
              {t('accounting.entry.saveDraft')}
            </Button>
            <Button
              color="teal"
              type="submit"
              loading={post.isPending}
              disabled={filled.length === 0}
              onClick={() => {
                intent.current = 'post';
              }}
              data-testid="invoice-post"
            >
              {t('accounting.entry.post')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
