import { Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { FormAlert } from '../ui/form-alert';
import { PasswordField } from '../ui/password-field';
import { useForm } from '../ui/use-form';
import { email, maxLength, required } from '../ui/validators';
import { AuthFrame } from './auth-frame';
import { finishLogin, safeRedirect } from './finish-login';
import type { LoginResult } from './me';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { redirect } = route.useSearch();
  const form = useForm(
    { email: '', password: '' },
    { email: [required, email, maxLength(320)], password: [required, maxLength(200)] },
  );
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api.post<LoginResult>('/auth/login', body, { public: true }),
    onSuccess: async (result) => {
      await finishLogin(queryClient, result);
      router.history.push(safeRedirect(redirect));
    },
    onError: form.applyProblem,
  });

  return (
    <AuthFrame title={t('auth.loginTitle')}>
      <form
        onSubmit={form.onSubmit((v) => login.mutate({ email: v.email.trim(), password: v.password }))}
        noValidate
      >
        <Stack gap="sm">
          <FormAlert message={form.formError} />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            autoFocus
            {...form.text('email')}
          />
          <PasswordField
            label={t('auth.password')}
            autoComplete="current-password"
            {...form.text('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
