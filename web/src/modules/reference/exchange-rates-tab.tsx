import { Select, Stack, TextInput } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { DayInput } from '../../ui/day-input';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useFormat } from '../../ui/format';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { type Check, positiveDecimal, required } from '../../ui/validators';
import { ReferenceList } from './reference-list';
import type { ExchangeRate } from './reference-types';
import { useCurrencyOptions } from './use-reference-options';

const column = createColumnHelper<ExchangeRate>();

export function ExchangeRatesTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const currencies = useCurrencyOptions();
  const [base, setBase] = useState<string | null>(null);
  const [quote, setQuote] = useState<string | null>(null);
  return (
    <ReferenceList<ExchangeRate>
      path="/exchange-rates"
      name="exchange-rate"
      getRowId={(r) => r.id}
      createLabel={t('reference.rateCreate')}
      filters={{ base, quote }}
      toolbar={
        <>
          <Select
            w={180}
            size="sm"
            clearable
            searchable
            placeholder={t('reference.baseCurrency')}
            aria-label={t('reference.baseCurrency')}
            data={currencies}
            value={base}
            onChange={setBase}
          />
          <Select
            w={180}
            size="sm"
            clearable
            searchable
            placeholder={t('reference.quoteCurrency')}
            aria-label={t('reference.quoteCurrency')}
            data={currencies}
            value={quote}
            onChange={setQuote}
          />
        </>
      }
      columns={[
        column.accessor('validOn', {
          header: t('reference.validOn'),
          cell: (c) => format.day(c.getValue()),
          meta: { sortKey: 'validOn' },
        }),
        column.accessor('baseCurrency', { header: t('reference.baseCurrency') }),
        column.accessor('quoteCurrency', { header: t('reference.quoteCurrency') }),
        column.accessor('rate', { header: t('reference.rate'), meta: { align: 'right' } }),
      ]}
      form={(_row, onDone) => <ExchangeRateForm onDone={onDone} />}
    />
  );
}

const differentFromBase: Check<string | null> = (quote, values) =>
  quote && quote === values.baseCurrency ? { key: 'validation.sameCurrency' } : null;

function ExchangeRateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const currencies = useCurrencyOptions();
  const form = useForm(
    {
      baseCurrency: null as string | null,
      quoteCurrency: null as string | null,
      validOn: null as string | null,
      rate: '',
    },
    {
      baseCurrency: [required],
      quoteCurrency: [required, differentFromBase],
      validOn: [required],
      rate: [required, positiveDecimal],
    },
  );
  const save = useApiMutation(
    (v: typeof form.values) => api.post<ExchangeRate>('/exchange-rates', { ...v, rate: v.rate.trim() }),
    {
      invalidate: ['/exchange-rates'],
      success: t('common.saved'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <Select
          label={t('reference.baseCurrency')}
          required
          searchable
          data={currencies}
          {...form.field('baseCurrency')}
        />
        <Select
          label={t('reference.quoteCurrency')}
          required
          searchable
          data={currencies}
          {...form.field('quoteCurrency')}
        />
        <DayInput
          label={t('reference.validOn')}
          placeholder="YYYY-MM-DD"
          required
          {...form.field('validOn')}
        />
        <TextInput
          label={t('reference.rate')}
          description={t('reference.rateHint')}
          required
          inputMode="decimal"
          {...form.text('rate')}
        />
        <FormButtons onCancel={onDone} pending={save.isPending} creating />
      </Stack>
    </form>
  );
}
