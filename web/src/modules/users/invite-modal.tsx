import { Alert, Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { CopyField } from '../../ui/copy-field';
import { FormAlert } from '../../ui/form-alert';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { email, maxLength, required } from '../../ui/validators';
import { useRoleOptions } from '../roles/use-role-options';
import type { CreatedInvitation } from './user-types';

/** The server may answer a path or a full URL; the person copying it needs a full one. */
const absolute = (url: string) => (url.startsWith('/') ? `${window.location.origin}${url}` : url);

export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('users.invite')} size="lg">
      {created ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light">
            {t('users.inviteCreated', { email: created.email })}
          </Alert>
          <CopyField label={t('users.acceptLink')} value={absolute(created.acceptUrl)} testId="invite-link" />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <InviteForm onCreated={setCreated} onCancel={close} />
      )}
    </Modal>
  );
}

function InviteForm({
  onCreated,
  onCancel,
}: {
  onCreated: (i: CreatedInvitation) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const form = useForm({ email: '', roleIds: [] as string[] }, { email: [required, email, maxLength(320)] });
  const invite = useApiMutation(
    (body: typeof form.values) => api.post<CreatedInvitation>('/invitations', body),
    {
      invalidate: ['/invitations'],
      onSuccess: onCreated,
      onError: form.applyProblem,
    },
  );

  return (
    <form onSubmit={form.onSubmit((v) => invite.mutate({ ...v, email: v.email.trim() }))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('auth.email')}
          type="email"
          required
          {...form.text('email')}
          data-testid="invite-email"
        />
        <MultiSelect label={t('users.roles')} data={roles.options} searchable {...form.field('roleIds')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending} data-testid="invite-send">
            {t('users.inviteSend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
