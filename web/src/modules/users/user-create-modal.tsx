import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { MIN_PASSWORD_LENGTH } from '../../auth/password-rules';
import { FormAlert } from '../../ui/form-alert';
import { PasswordField } from '../../ui/password-field';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { email, maxLength, minLength, required } from '../../ui/validators';
import { useRoleOptions } from '../roles/use-role-options';
import type { Member } from './user-types';

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.create')}>
      <UserCreateForm onDone={onClose} />
    </Modal>
  );
}

function UserCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const form = useForm(
    { email: '', name: '', password: '', roleIds: [] as string[] },
    {
      email: [required, email, maxLength(320)],
      name: [required, maxLength(200)],
      password: [required, minLength(MIN_PASSWORD_LENGTH), maxLength(200)],
    },
  );
  const create = useApiMutation((body: typeof form.values) => api.post<Member>('/users', body), {
    invalidate: ['/users', '/colleagues'],
    success: t('users.created'),
    onSuccess: onDone,
    onError: form.applyProblem,
  });

  return (
    <form
      onSubmit={form.onSubmit((v) => create.mutate({ ...v, email: v.email.trim(), name: v.name.trim() }))}
      noValidate
    >
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('auth.email')}
          type="email"
          required
          {...form.text('email')}
          data-testid="user-email"
        />
        <TextInput label={t('common.name')} required {...form.text('name')} data-testid="user-name" />
        <PasswordField
          label={t('auth.password')}
          description={t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          required
          autoComplete="new-password"
          {...form.text('password')}
          data-testid="user-password"
        />
        <MultiSelect
          label={t('users.roles')}
          data={roles.options}
          searchable
          {...form.field('roleIds')}
          data-testid="user-roles"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="user-save">
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
