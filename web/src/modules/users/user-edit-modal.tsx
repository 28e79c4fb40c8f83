import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, required } from '../../ui/validators';
import { useRoleOptions } from '../roles/use-role-options';
import type { Member } from './user-types';

/** Name and roles of a member; access (active) has its own button in the list. */
export function UserEditModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={member !== null} onClose={onClose} title={t('users.edit')}>
      {member && <UserEditForm member={member} onDone={onClose} />}
    </Modal>
  );
}

function UserEditForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const form = useForm({ name: member.name, roleIds: member.roleIds }, { name: [required, maxLength(200)] });
  const save = useApiMutation((body: typeof form.values) => api.patch<Member>(`/users/${member.id}`, body), {
    invalidate: ['/users', '/colleagues'],
    success: t('common.saved'),
    onSuccess: onDone,
    onError: form.applyProblem,
  });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate({ ...v, name: v.name.trim() }))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('auth.email')} value={member.email} readOnly variant="filled" />
        <TextInput label={t('common.name')} required {...form.text('name')} />
        <MultiSelect label={t('users.roles')} data={roles.options} searchable {...form.field('roleIds')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
