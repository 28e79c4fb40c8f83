import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../api/client';
import { CenteredLoader } from '../ui/centered-loader';
import { FormAlert } from '../ui/form-alert';
import { useFormat } from '../ui/format';
import { PasswordField } from '../ui/password-field';
import { useForm } from '../ui/use-form';
import { maxLength, minLength, required, sameAs } from '../ui/validators';
import { AuthFrame } from './auth-frame';
import { finishLogin } from './finish-login';
import type { LoginResult } from './me';
import { MIN_PASSWORD_LENGTH } from './password-rules';

const route = getRouteApi('/invite/$token');

interface Invitation {
  email: string;
  tenantName: string;
  expiresAt: string;
  /** The email already has a Tandem login: the person proves it with that password. */
  hasLogin?: boolean;
}

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const invitation = useQuery({
    queryKey: ['/auth/invitations', token],
    queryFn: () =>
      api.get<Invitation>(`/auth/invitations/${encodeURIComponent(token)}`, undefined, { public: true }),
    retry: false,
  });

  return (
    <AuthFrame
      title={t('invitation.title')}
      subtitle={invitation.data && t('invitation.subtitle', { workspace: invitation.data.tenantName })}
    >
      {invitation.isLoading && <CenteredLoader />}
      {invitation.error && (
        <Alert color="red" data-testid="invitation-error">
          {problemMessage(invitation.error)}
        </Alert>
      )}
      {invitation.data && <AcceptForm token={token} invitation={invitation.data} />}
    </AuthFrame>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const router = useRouter();
  const queryClient = useQueryClient();
  const newLogin = !invitation.hasLogin;
  const form = useForm(
    { name: '', password: '', repeat: '' },
    {
      name: newLogin ? [required, maxLength(200)] : [],
      password: newLogin ? [required, minLength(MIN_PASSWORD_LENGTH), maxLength(200)] : [required],
      repeat: newLogin ? [sameAs('password', 'validation.passwordsDiffer')] : [],
    },
  );
  const accept = useMutation({
    mutationFn: (body: { token: string; name: string; password: string }) =>
      api.post<LoginResult>('/auth/invitations/accept', body, { public: true }),
    onSuccess: async (result) => {
      await finishLogin(queryClient, result);
      router.history.push('/');
    },
    onError: form.applyProblem,
  });

  const submit = form.onSubmit((v) => {
    accept.mutate({
      token,
      name: newLogin ? v.name.trim() : invitation.email.split('@')[0],
      password: v.password,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('auth.email')} value={invitation.email} readOnly data-testid="invitation-email" />
        <Alert variant="light" py={6}>
          {newLogin ? t('invitation.newLogin') : t('invitation.existingLogin')}{' '}
          {t('invitation.expires', { date: format.dateTime(invitation.expiresAt) })}
        </Alert>
        <FormAlert message={form.formError} />
        {newLogin && <TextInput label={t('common.name')} autoComplete="name" {...form.text('name')} />}
        <PasswordField
          label={t('auth.password')}
          autoComplete={newLogin ? 'new-password' : 'current-password'}
          {...form.text('password')}
        />
        {newLogin && (
          <PasswordField
            label={t('profile.repeatPassword')}
            autoComplete="new-password"
            {...form.text('repeat')}
          />
        )}
        <Button type="submit" loading={accept.isPending} fullWidth data-testid="invitation-accept">
          {t('invitation.accept')}
        </Button>
      </Stack>
    </form>
  );
}
