import { Button, Menu, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ME_KEY, type Me, useMe } from '../../auth/me';
import { ChevronDownIcon } from '../../ui/icons';
import { notifyError } from '../../ui/notify';

/** The current workspace; a menu to change it when the user belongs to more than one. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (me.tenants.length < 2) {
    return (
      <Text size="sm" c="dimmed" visibleFrom="xs" data-testid="workspace-name">
        {me.tenant.name}
      </Text>
    );
  }

  const switchTo = async (tenantId: string) => {
    try {
      const next = await api.post<Me>('/auth/switch-tenant', { tenantId });
      // Every cached list belonged to the old workspace.
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, next);
      await navigate({ to: '/' });
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Menu position="bottom-start" shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          rightSection={<ChevronDownIcon size={14} />}
          aria-label={t('workspace.switch')}
          data-testid="workspace-switcher"
        >
          {me.tenant.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('workspace.switch')}</Menu.Label>
        {me.tenants.map((tenant) => (
          <Menu.Item
            key={tenant.id}
            disabled={tenant.id === me.tenant.id}
            onClick={() => void switchTo(tenant.id)}
          >
            {tenant.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
