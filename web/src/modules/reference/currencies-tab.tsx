import { Badge, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { integerBetween, maxLength, pattern, required } from '../../ui/validators';
import { ReferenceList } from './reference-list';
import type { Currency } from './reference-types';

const column = createColumnHelper<Currency>();

export function CurrenciesTab() {
  const { t } = useTranslation();
  return (
    <ReferenceList<Currency>
      path="/currencies"
      name="currency"
      getRowId={(c) => c.code}
      createLabel={t('reference.currencyCreate')}
      editable
      columns={[
        column.accessor('code', { header: t('reference.code'), meta: { width: 90, sortKey: 'code' } }),
        column.accessor('name', { header: t('common.name'), meta: { sortKey: 'name' } }),
        column.accessor('symbol', { header: t('reference.symbol') }),
        column.accessor('precision', { header: t('reference.precision'), meta: { align: 'right' } }),
        column.accessor('active', {
          header: t('common.status'),
          cell: (c) => (
            <Badge size="sm" variant="light" color={c.getValue() ? 'teal' : 'gray'}>
              {c.getValue() ? t('reference.active') : t('reference.inactive')}
            </Badge>
          ),
        }),
      ]}
      form={(row, onDone) => <CurrencyForm currency={row} onDone={onDone} />}
    />
  );
}

function CurrencyForm({ currency, onDone }: { currency: Currency | null; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm(
    {
      code: currency?.code ?? '',
      name: currency?.name ?? '',
      symbol: currency?.symbol ?? '',
      precision: (currency?.precision ?? 2) as number | string,
      active: currency?.active ?? true,
    },
    {
      code: [required, pattern(/^[A-Z]{3}$/, 'validation.currencyCode')],
      name: [required, maxLength(200)],
      symbol: [maxLength(10)],
      precision: [required, integerBetween(0, 4)],
    },
  );
  const save = useApiMutation(
    (v: typeof form.values) => {
      const body = {
        name: v.name.trim(),
        symbol: v.symbol.trim() || null,
        precision: Number(v.precision),
        active: v.active,
      };
      return currency
        ? api.patch<Currency>(`/currencies/${currency.code}`, body)
        : api.post<Currency>('/currencies', { ...body, code: v.code });
    },
    {
      invalidate: ['/currencies'],
      success: t('common.saved'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );
  const code = form.text('code');

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('reference.code')}
          description={t('reference.currencyCodeHint')}
          required
          readOnly={currency !== null}
          maxLength={3}
          {...code}
          onChange={(e) => form.setValue('code', e.currentTarget.value.toUpperCase())}
        />
        <TextInput label={t('common.name')} required {...form.text('name')} />
        <TextInput label={t('reference.symbol')} {...form.text('symbol')} />
        <NumberInput
          label={t('reference.precision')}
          description={t('reference.precisionHint')}
          min={0}
          max={4}
          allowDecimal={false}
          required
          {...form.field('precision')}
        />
        <Switch label={t('reference.active')} {...form.checkbox('active')} />
        <FormButtons onCancel={onDone} pending={save.isPending} creating={currency === null} />
      </Stack>
    </form>
  );
}
