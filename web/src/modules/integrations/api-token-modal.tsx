import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { CopyField } from '../../ui/copy-field';
import { DayInput } from '../../ui/day-input';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { type Check, maxLength, required } from '../../ui/validators';
import { useRoleOptions } from '../roles/use-role-options';
import type { CreatedApiToken } from './api-token-types';

const today = () => new Date().toISOString().slice(0, 10);
const inFuture: Check<string | null> = (day) =>
  day && day <= today() ? { key: 'validation.futureDate' } : null;

export function ApiTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('apiTokens.create')} size="lg">
      {created ? (
        <Stack gap="sm">
          <Alert color="yellow" variant="light">
            {t('apiTokens.shownOnce')}
          </Alert>
          <CopyField label={created.name} value={created.token} testId="api-token-secret" />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <ApiTokenForm onCreated={setCreated} onCancel={close} />
      )}
    </Modal>
  );
}

function ApiTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (t: CreatedApiToken) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const form = useForm(
    { name: '', roleId: null as string | null, expiresOn: null as string | null },
    { name: [required, maxLength(200)], roleId: [required], expiresOn: [inFuture] },
  );
  const create = useApiMutation(
    (v: typeof form.values) =>
      api.post<CreatedApiToken>('/api-tokens', {
        name: v.name.trim(),
        roleId: v.roleId,
        // The token works through the whole chosen day, in the user's time zone.
        ...(v.expiresOn ? { expiresAt: new Date(`${v.expiresOn}T23:59:59`).toISOString() } : {}),
      }),
    { invalidate: ['/api-tokens'], onSuccess: onCreated, onError: form.applyProblem },
  );

  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('common.name')}
          description={t('apiTokens.nameHint')}
          required
          {...form.text('name')}
        />
        <Select
          label={t('apiTokens.role')}
          required
          searchable
          data={roles.options}
          {...form.field('roleId')}
        />
        <DayInput
          label={t('apiTokens.expiresOn')}
          description={t('apiTokens.expiresHint')}
          {...form.field('expiresOn')}
        />
        <FormButtons onCancel={onCancel} pending={create.isPending} creating />
      </Stack>
    </form>
  );
}
