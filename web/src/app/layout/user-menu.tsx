import { Avatar, Button, Menu, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useMe } from '../../auth/me';
import { ChevronDownIcon, LogoutIcon, UserIcon } from '../../ui/icons';
import { notifyError } from '../../ui/notify';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const logout = async () => {
    try {
      await api.post('/auth/logout');
    } catch (error) {
      notifyError(error);
      return;
    }
    queryClient.clear();
    await navigate({ to: '/login' });
  };

  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={<Avatar size={22} color="indigo" name={me.user.name} />}
          rightSection={<ChevronDownIcon size={14} />}
          aria-label={me.user.name}
          data-testid="user-menu"
        >
          <Text span inherit visibleFrom="sm">
            {me.user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<UserIcon />}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<LogoutIcon />}
          onClick={() => void logout()}
          data-testid="logout"
        >
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
