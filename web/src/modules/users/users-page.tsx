import { Button, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me';
import { PageHeader } from '../../ui/page-header';
import { InvitationsTable } from './invitations-table';
import { InviteModal } from './invite-modal';
import { UserCreateModal } from './user-create-modal';
import { UsersTable } from './users-table';

export function UsersPage() {
  const { t } = useTranslation();
  const canManage = useCan('users:manage');
  const [creating, setCreating] = useState(false);
  const [inviting, setInviting] = useState(false);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          canManage && (
            <>
              <Button variant="default" onClick={() => setInviting(true)} data-testid="invite-user">
                {t('users.invite')}
              </Button>
              <Button onClick={() => setCreating(true)} data-testid="create-user">
                {t('users.create')}
              </Button>
            </>
          )
        }
      />
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="users">{t('users.tabUsers')}</Tabs.Tab>
          <Tabs.Tab value="invitations" data-testid="tab-invitations">
            {t('users.tabInvitations')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTable canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations">
          <InvitationsTable canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
      <UserCreateModal opened={creating} onClose={() => setCreating(false)} />
      <InviteModal opened={inviting} onClose={() => setInviting(false)} />
    </>
  );
}
