import { Stack, TextInput } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, required } from '../../ui/validators';
import { ArchiveButtons } from './archive-buttons';
import { ArchivedBadge } from './archived-badge';
import { ReferenceList } from './reference-list';
import type { NamedItem } from './reference-types';

const column = createColumnHelper<NamedItem>();

/** Positions and industries: a list of names that can be archived and restored. */
export function NamedListTab({
  path,
  name,
  createLabel,
}: {
  path: string;
  name: string;
  createLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <ReferenceList<NamedItem>
      path={path}
      name={name}
      getRowId={(i) => i.id}
      createLabel={createLabel}
      editable
      archivable
      columns={[
        column.accessor('name', { header: t('common.name'), meta: { sortKey: 'name' } }),
        column.accessor('archivedAt', {
          header: t('common.status'),
          cell: (c) => <ArchivedBadge archivedAt={c.getValue()} />,
        }),
      ]}
      rowActions={(item) => (
        <ArchiveButtons
          rowPath={`${path}/${item.id}`}
          listPath={path}
          archived={Boolean(item.archivedAt)}
          name={item.name}
        />
      )}
      form={(row, onDone) => <NamedItemForm path={path} item={row} onDone={onDone} />}
    />
  );
}

function NamedItemForm({ path, item, onDone }: { path: string; item: NamedItem | null; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ name: item?.name ?? '' }, { name: [required, maxLength(200)] });
  const save = useApiMutation(
    (v: typeof form.values) =>
      item
        ? api.patch<NamedItem>(`${path}/${item.id}`, { name: v.name.trim() })
        : api.post<NamedItem>(path, { name: v.name.trim() }),
    { invalidate: [path], success: t('common.saved'), onSuccess: onDone, onError: form.applyProblem },
  );

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('common.name')} required data-autofocus {...form.text('name')} />
        <FormButtons onCancel={onDone} pending={save.isPending} creating={item === null} />
      </Stack>
    </form>
  );
}
