import { Stack, TextInput } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, pattern, required } from '../../ui/validators';
import { ArchiveButtons } from './archive-buttons';
import { ArchivedBadge } from './archived-badge';
import { ReferenceList } from './reference-list';
import type { Country } from './reference-types';

const column = createColumnHelper<Country>();

export function CountriesTab() {
  const { t } = useTranslation();
  return (
    <ReferenceList<Country>
      path="/countries"
      name="country"
      getRowId={(c) => c.code}
      createLabel={t('reference.countryCreate')}
      editable
      archivable
      columns={[
        column.accessor('code', { header: t('reference.code'), meta: { width: 90, sortKey: 'code' } }),
        column.accessor('name', { header: t('common.name'), meta: { sortKey: 'name' } }),
        column.accessor('archivedAt', {
          header: t('common.status'),
          cell: (c) => <ArchivedBadge archivedAt={c.getValue()} />,
        }),
      ]}
      rowActions={(c) => (
        <ArchiveButtons
          rowPath={`/countries/${c.code}`}
          listPath="/countries"
          archived={Boolean(c.archivedAt)}
          name={c.name}
        />
      )}
      form={(row, onDone) => <CountryForm country={row} onDone={onDone} />}
    />
  );
}

function CountryForm({ country, onDone }: { country: Country | null; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm(
    { code: country?.code ?? '', name: country?.name ?? '' },
    { code: [required, pattern(/^[A-Z]{2}$/, 'validation.countryCode')], name: [required, maxLength(200)] },
  );
  const save = useApiMutation(
    (v: typeof form.values) =>
      country
        ? api.patch<Country>(`/countries/${country.code}`, { name: v.name.trim() })
        : api.post<Country>('/countries', { code: v.code, name: v.name.trim() }),
    { invalidate: ['/countries'], success: t('common.saved'), onSuccess: onDone, onError: form.applyProblem },
  );

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('reference.code')}
          description={t('reference.countryCodeHint')}
          required
          readOnly={country !== null}
          maxLength={2}
          {...form.text('code')}
          onChange={(e) => form.setValue('code', e.currentTarget.value.toUpperCase())}
        />
        <TextInput label={t('common.name')} required {...form.text('name')} />
        <FormButtons onCancel={onDone} pending={save.isPending} creating={country === null} />
      </Stack>
    </form>
  );
}
