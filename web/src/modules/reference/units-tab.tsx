import { Divider, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { integerBetween, maxLength, required } from '../../ui/validators';
import { ArchiveButtons } from './archive-buttons';
import { ArchivedBadge } from './archived-badge';
import { ReferenceList } from './reference-list';
import type { Unit } from './reference-types';
import { UnitConversionsList } from './unit-conversions-list';

const column = createColumnHelper<Unit>();

export function UnitsTab() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <ReferenceList<Unit>
        path="/units"
        name="unit"
        getRowId={(u) => u.code}
        createLabel={t('reference.unitCreate')}
        editable
        archivable
        columns={[
          column.accessor('code', { header: t('reference.code'), meta: { width: 110, sortKey: 'code' } }),
          column.accessor('name', { header: t('common.name'), meta: { sortKey: 'name' } }),
          column.accessor('precision', { header: t('reference.precision'), meta: { align: 'right' } }),
          column.accessor('archivedAt', {
            header: t('common.status'),
            cell: (c) => <ArchivedBadge archivedAt={c.getValue()} />,
          }),
        ]}
        rowActions={(u) => (
          <ArchiveButtons
            rowPath={`/units/${encodeURIComponent(u.code)}`}
            listPath="/units"
            archived={Boolean(u.archivedAt)}
            name={u.name}
          />
        )}
        form={(row, onDone) => <UnitForm unit={row} onDone={onDone} />}
      />
      <Divider />
      <Title order={5}>{t('reference.conversions')}</Title>
      <UnitConversionsList />
    </Stack>
  );
}

function UnitForm({ unit, onDone }: { unit: Unit | null; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm(
    { code: unit?.code ?? '', name: unit?.name ?? '', precision: (unit?.precision ?? 0) as number | string },
    {
      code: [required, maxLength(20)],
      name: [required, maxLength(200)],
      precision: [required, integerBetween(0, 6)],
    },
  );
  const save = useApiMutation(
    (v: typeof form.values) => {
      const body = { name: v.name.trim(), precision: Number(v.precision) };
      return unit
        ? api.patch<Unit>(`/units/${encodeURIComponent(unit.code)}`, body)
        : api.post<Unit>('/units', { ...body, code: v.code.trim() });
    },
    { invalidate: ['/units'], success: t('common.saved'), onSuccess: onDone, onError: form.applyProblem },
  );

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('reference.code')} required readOnly={unit !== null} {...form.text('code')} />
        <TextInput label={t('common.name')} required {...form.text('name')} />
        <NumberInput
          label={t('reference.precision')}
          description={t('reference.unitPrecisionHint')}
          min={0}
          max={6}
          allowDecimal={false}
          required
          {...form.field('precision')}
        />
        <FormButtons onCancel={onDone} pending={save.isPending} creating={unit === null} />
      </Stack>
    </form>
  );
}
