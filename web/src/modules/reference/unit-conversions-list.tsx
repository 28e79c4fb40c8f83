import { Select, Stack, TextInput } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { type Check, positiveDecimal, required } from '../../ui/validators';
import { ReferenceList } from './reference-list';
import type { UnitConversion } from './reference-types';
import { useUnitOptions } from './use-reference-options';

const column = createColumnHelper<UnitConversion>();

export function UnitConversionsList() {
  const { t } = useTranslation();
  return (
    <ReferenceList<UnitConversion>
      path="/unit-conversions"
      name="unit-conversion"
      getRowId={(c) => c.id}
      createLabel={t('reference.conversionCreate')}
      columns={[
        column.accessor('fromUnit', {
          header: t('reference.fromUnit'),
          cell: (c) => `1 ${c.getValue()}`,
          meta: { sortKey: 'fromUnit' },
        }),
        column.accessor('factor', { header: t('reference.factor'), meta: { align: 'right' } }),
        column.accessor('toUnit', { header: t('reference.toUnit') }),
      ]}
      form={(_row, onDone) => <ConversionForm onDone={onDone} />}
    />
  );
}

const differentFromSource: Check<string | null> = (to, values) =>
  to && to === values.fromUnit ? { key: 'validation.sameUnit' } : null;

function ConversionForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const units = useUnitOptions();
  const form = useForm(
    { fromUnit: null as string | null, toUnit: null as string | null, factor: '' },
    { fromUnit: [required], toUnit: [required, differentFromSource], factor: [required, positiveDecimal] },
  );
  const save = useApiMutation(
    (v: typeof form.values) =>
      api.post<UnitConversion>('/unit-conversions', { ...v, factor: v.factor.trim() }),
    {
      invalidate: ['/unit-conversions'],
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
          label={t('reference.fromUnit')}
          required
          searchable
          data={units}
          {...form.field('fromUnit')}
        />
        <Select label={t('reference.toUnit')} required searchable data={units} {...form.field('toUnit')} />
        <TextInput
          label={t('reference.factor')}
          description={t('reference.factorHint')}
          required
          inputMode="decimal"
          {...form.text('factor')}
        />
        <FormButtons onCancel={onDone} pending={save.isPending} creating />
      </Stack>
    </form>
  );
}
