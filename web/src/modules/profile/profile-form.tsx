import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ME_KEY, type Me, useMe } from '../../auth/me';
import { changeLanguage } from '../../i18n/i18n';
import { isLanguage, LANGUAGES } from '../../i18n/languages';
import { FormAlert } from '../../ui/form-alert';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, required } from '../../ui/validators';

export function ProfileForm() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const form = useForm(
    {
      name: me.user.name,
      locale: (isLanguage(me.user.locale) ? me.user.locale : i18n.language) as string | null,
    },
    { name: [required, maxLength(200)], locale: [required] },
  );
  const save = useApiMutation(
    (body: { name: string; locale: string | null }) => api.patch<Me>('/auth/me', body),
    {
      success: t('common.saved'),
      onSuccess: async (next) => {
        queryClient.setQueryData(ME_KEY, next);
        if (isLanguage(next.user.locale)) await changeLanguage(next.user.locale);
      },
      onError: form.applyProblem,
    },
  );

  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((v) => save.mutate({ ...v, name: v.name.trim() }))} noValidate>
        <Stack gap="sm">
          <Title order={5}>{t('profile.details')}</Title>
          <FormAlert message={form.formError} />
          <TextInput label={t('auth.email')} value={me.user.email} readOnly variant="filled" />
          <TextInput label={t('common.name')} required {...form.text('name')} data-testid="profile-name" />
          <Select
            label={t('language.label')}
            required
            allowDeselect={false}
            data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
            {...form.field('locale')}
            data-testid="profile-locale"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="profile-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
