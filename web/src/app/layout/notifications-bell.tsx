import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import { useFormat } from '../../ui/format';
import { BellIcon } from '../../ui/icons';
import { notifyError } from '../../ui/notify';

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The inbox: reminders, assignments and new leads; a click marks one read and opens what it is about. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const unread = useQuery({
    queryKey: ['/notifications', 'unread-count'],
    queryFn: () => api.get<{ unread: number }>('/notifications/unread-count'),
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: ['/notifications', 'recent'],
    queryFn: () => api.get<Page<Notification>>('/notifications', { limit: 20 }),
    enabled: opened,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/notifications'] });

  const openOne = async (n: Notification) => {
    try {
      if (!n.readAt) await api.post(`/notifications/${n.id}/read`);
    } catch (error) {
      notifyError(error);
    }
    await refresh();
    setOpened(false);
    if (n.link) void navigate({ to: n.link });
  };
  const readAll = async () => {
    try {
      await api.post('/notifications/read-all');
    } catch (error) {
      notifyError(error);
    }
    await refresh();
  };
  const count = unread.data?.unread ?? 0;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md">
      <Popover.Target>
        <Indicator label={count > 99 ? '99+' : count} size={16} disabled={count === 0} color="red" offset={4}>
          <ActionIcon
            variant="default"
            size="md"
            onClick={() => setOpened((o) => !o)}
            aria-label={t('notifications.label')}
            data-testid="notifications-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb={4}>
          <Text fw={700} size="sm">
            {t('notifications.label')}
          </Text>
          <Button size="compact-xs" variant="subtle" disabled={count === 0} onClick={() => void readAll()}>
            {t('notifications.readAll')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420}>
          <Stack gap={2} data-testid="notifications-list">
            {(list.data?.items ?? []).map((n) => (
              <UnstyledButton key={n.id} onClick={() => void openOne(n)} p={6} style={{ borderRadius: 4 }}>
                <Text size="sm" fw={n.readAt ? 400 : 700}>
                  {n.title}
                </Text>
                {n.body && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {format.dateTime(n.createdAt)}
                </Text>
              </UnstyledButton>
            ))}
            {list.data && list.data.items.length === 0 && (
              <Text size="sm" c="dimmed" ta="center" py="md">
                {t('notifications.empty')}
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
