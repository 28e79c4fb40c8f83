import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" maw={980}>
        <ProfileForm />
        <PasswordForm />
      </SimpleGrid>
    </>
  );
}
