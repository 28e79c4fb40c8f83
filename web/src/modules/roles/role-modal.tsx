import { Alert, Button, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, required } from '../../ui/validators';
import { PermissionPicker } from './permission-picker';
import type { Role } from './role-types';
import { roleName } from './use-role-options';

/** `new` makes a custom role; a role opens for editing, or read-only when it is built in. */
export type RoleTarget = Role | 'new' | null;

export function RoleModal({
  target,
  onClose,
  canManage,
}: {
  target: RoleTarget;
  onClose: () => void;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const role = target === 'new' ? null : target;
  const title = role ? roleName(t, role) : t('roles.create');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target !== null && (
        <RoleForm role={role} readOnly={!canManage || Boolean(role?.builtin)} onDone={onClose} />
      )}
    </Modal>
  );
}

function RoleForm({ role, readOnly, onDone }: { role: Role | null; readOnly: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm(
    {
      name: role?.name ?? '',
      description: role?.description ?? '',
      permissions: role?.permissions ?? [],
      ownRecordsOnly: role?.ownRecordsOnly ?? false,
    },
    { name: [required, maxLength(200)], description: [maxLength(500)] },
  );
  const save = useApiMutation(
    (v: typeof form.values) => {
      const body = { ...v, name: v.name.trim(), description: v.description.trim() || null };
      return role ? api.patch<Role>(`/roles/${role.id}`, body) : api.post<Role>('/roles', body);
    },
    { invalidate: ['/roles'], success: t('common.saved'), onSuccess: onDone, onError: form.applyProblem },
  );
  const permissions = form.field('permissions');

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {role?.builtin && (
          <Alert variant="light" py={6}>
            {t('roles.builtinReadOnly')}
          </Alert>
        )}
        <FormAlert message={form.formError} />
        <TextInput
          label={t('common.name')}
          required
          readOnly={readOnly}
          {...form.text('name')}
          data-testid="role-name"
        />
        <Textarea
          label={t('common.description')}
          autosize
          minRows={1}
          readOnly={readOnly}
          {...form.text('description')}
        />
        <Switch
          label={t('roles.ownRecordsOnly')}
          description={t('roles.ownRecordsOnlyHint')}
          disabled={readOnly}
          {...form.checkbox('ownRecordsOnly')}
        />
        <PermissionPicker
          value={permissions.value}
          onChange={permissions.onChange}
          error={permissions.error}
          disabled={readOnly}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {readOnly ? t('common.close') : t('common.cancel')}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={save.isPending} data-testid="role-save">
              {role ? t('common.save') : t('common.create')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
