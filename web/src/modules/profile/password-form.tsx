import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { MIN_PASSWORD_LENGTH } from '../../auth/password-rules';
import { FormAlert } from '../../ui/form-alert';
import { PasswordField } from '../../ui/password-field';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, minLength, required, sameAs } from '../../ui/validators';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

export function PasswordForm() {
  const { t } = useTranslation();
  const form = useForm(EMPTY, {
    currentPassword: [required],
    newPassword: [required, minLength(MIN_PASSWORD_LENGTH), maxLength(200)],
    repeat: [sameAs('newPassword', 'validation.passwordsDiffer')],
  });
  const change = useApiMutation(
    (v: typeof EMPTY) =>
      api.post<void>('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    { success: t('profile.passwordChanged'), onSuccess: () => form.reset(EMPTY), onError: form.applyProblem },
  );

  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((v) => change.mutate(v))} noValidate>
        <Stack gap="sm">
          <Title order={5}>{t('profile.changePassword')}</Title>
          <FormAlert message={form.formError} />
          <PasswordField
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            {...form.text('currentPassword')}
          />
          <PasswordField
            label={t('profile.newPassword')}
            description={t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            {...form.text('newPassword')}
          />
          <PasswordField
            label={t('profile.repeatPassword')}
            autoComplete="new-password"
            required
            {...form.text('repeat')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending} data-testid="password-save">
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
