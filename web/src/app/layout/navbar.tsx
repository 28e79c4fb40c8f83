import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/me';
import { isVisible } from '../../auth/visible';
import {
  AddressBookIcon,
  BookIcon,
  BuildingIcon,
  ChecklistIcon,
  FormIcon,
  FunnelIcon,
  HistoryIcon,
  HomeIcon,
  KanbanIcon,
  KeyIcon,
  PieIcon,
  PuzzleIcon,
  ShieldIcon,
  SpeakerIcon,
  UserIcon,
  UsersIcon,
} from '../../ui/icons';
import { NAV_GROUPS, NAV_ITEMS } from '../nav-items';

const ICONS: Record<string, ReactNode> = {
  home: <HomeIcon />,
  profile: <UserIcon />,
  users: <UsersIcon />,
  roles: <ShieldIcon />,
  companies: <BuildingIcon />,
  modules: <PuzzleIcon />,
  reference: <BookIcon />,
  audit: <HistoryIcon />,
  'api-tokens': <KeyIcon />,
  clients: <AddressBookIcon />,
  leads: <FunnelIcon />,
  deals: <KanbanIcon />,
  tasks: <ChecklistIcon />,
  segments: <PieIcon />,
  marketing: <SpeakerIcon />,
  pipelines: <KanbanIcon />,
  'web-forms': <FormIcon />,
  'chart-of-accounts': <BookIcon />,
  'journal-entries': <FormIcon />,
  'fiscal-periods': <HistoryIcon />,
  'trial-balance': <PieIcon />,
  'general-ledger': <ChecklistIcon />,
  'profit-and-loss': <PieIcon />,
  'balance-sheet': <BookIcon />,
  invoices: <FormIcon />,
  payments: <BuildingIcon />,
  aging: <HistoryIcon />,
  revaluation: <PieIcon />,
  'invoicing-setup': <PuzzleIcon />,
};

export function Navbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const visible = NAV_ITEMS.filter((item) => isVisible(me, item));

  return (
    <ScrollArea>
      <Stack gap="sm" component="nav" aria-label={t('nav.label')}>
        {NAV_GROUPS.map((group) => {
          const items = visible.filter((i) => i.group === group.key);
          if (items.length === 0) return null;
          return (
            <Stack gap={2} key={group.key} data-testid={`nav-group-${group.key}`}>
              {group.label && (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={4}>
                  {t(group.label)}
                </Text>
              )}
              {items.map((item) => (
                <NavLink
                  key={item.key}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  leftSection={ICONS[item.key]}
                  active={item.to === '/' ? pathname === '/' : pathname.startsWith(item.to)}
                  data-testid={`nav-${item.key}`}
                  onClick={onNavigate}
                  py={6}
                />
              ))}
            </Stack>
          );
        })}
      </Stack>
    </ScrollArea>
  );
}
