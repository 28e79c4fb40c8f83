import { Badge, Checkbox, CloseButton, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { can } from '../../auth/can';
import { CenteredLoader } from '../../ui/centered-loader';
import type { PermissionInfo } from './role-types';

interface Props {
  value: string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
  error?: string;
}

const isWildcard = (p: string) => p === '*' || p.endsWith(':*');

function byModule(items: PermissionInfo[]): [string, PermissionInfo[]][] {
  const groups = new Map<string, PermissionInfo[]>();
  for (const item of items) groups.set(item.module, [...(groups.get(item.module) ?? []), item]);
  return [...groups];
}

/**
 * One checkbox per permission, grouped by module. A wildcard grant (`crm:*`, `*`) made through
 * the API shows as a badge that can be removed; the permissions it covers show checked and locked.
 */
export function PermissionPicker({ value, onChange, disabled, error }: Props) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['/permissions'],
    queryFn: () => api.get<{ items: PermissionInfo[] }>('/permissions'),
    staleTime: 5 * 60_000,
  });
  if (query.isLoading) return <CenteredLoader />;
  const wildcards = value.filter(isWildcard);
  const coveredByWildcard = (key: string) => can(wildcards, key);
  const toggle = (keys: string[], on: boolean) => {
    const rest = value.filter((p) => !keys.includes(p));
    onChange(on ? [...rest, ...keys] : rest);
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('roles.permissions')}
      </Text>
      {wildcards.length > 0 && (
        <Group gap={4}>
          {wildcards.map((w) => (
            <Badge
              key={w}
              variant="outline"
              tt="none"
              rightSection={
                !disabled && (
                  <CloseButton size="xs" aria-label={t('common.remove')} onClick={() => toggle([w], false)} />
                )
              }
            >
              {w === '*' ? t('roles.everything') : t('roles.allOf', { area: w.slice(0, -2) })}
            </Badge>
          ))}
        </Group>
      )}
      {byModule(query.data?.items ?? []).map(([module, items]) => {
        const keys = items.map((i) => i.key);
        const checked = keys.filter((k) => value.includes(k) || coveredByWildcard(k)).length;
        return (
          <Paper key={module} withBorder p="xs" data-testid={`permission-group-${module}`}>
            <Checkbox
              mb={6}
              fw={600}
              label={t(`modules.${module}`, { defaultValue: module })}
              checked={checked === keys.length}
              indeterminate={checked > 0 && checked < keys.length}
              disabled={disabled}
              onChange={(e) => toggle(keys, e.currentTarget.checked)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={4} pl="lg">
              {items.map((item) => (
                <Checkbox
                  key={item.key}
                  size="xs"
                  label={t(`permissions.${item.key}`, { defaultValue: item.description })}
                  description={item.key}
                  checked={value.includes(item.key) || coveredByWildcard(item.key)}
                  disabled={disabled || coveredByWildcard(item.key)}
                  onChange={(e) => toggle([item.key], e.currentTarget.checked)}
                  data-testid={`permission-${item.key}`}
                />
              ))}
            </SimpleGrid>
          </Paper>
        );
      })}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
