import { Badge, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ME_KEY, type ModuleState } from '../../auth/me';
import { DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { useApiMutation } from '../../ui/use-api-mutation';

const column = createColumnHelper<ModuleState>();

/** Functional options: which modules this workspace uses. A switched-off module's pages and API go away. */
export function ModulesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const modules = useQuery({
    queryKey: ['/modules'],
    queryFn: () => api.get<{ items: ModuleState[] }>('/modules'),
  });
  const toggle = useApiMutation(
    ({ key, enabled }: { key: string; enabled: boolean }) =>
      api.put<ModuleState>(`/modules/${key}`, { enabled }),
    {
      invalidate: ['/modules'],
      success: t('common.saved'),
      // The navbar reads the module states from /auth/me.
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: ME_KEY }),
    },
  );

  const columns = [
    column.accessor('key', {
      header: t('modulesPage.module'),
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {t(`modules.${row.original.key}`, { defaultValue: row.original.title })}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`moduleDescriptions.${row.original.key}`, { defaultValue: '' })}
          </Text>
        </Stack>
      ),
    }),
    column.accessor('switchable', {
      header: t('modulesPage.kind'),
      cell: (c) =>
        c.getValue() ? (
          <Badge size="sm" variant="light">
            {t('modulesPage.optional')}
          </Badge>
        ) : (
          <Badge size="sm" variant="light" color="gray">
            {t('modulesPage.core')}
          </Badge>
        ),
    }),
    column.accessor('enabled', {
      header: t('modulesPage.enabled'),
      meta: { align: 'right', width: 120 },
      cell: ({ row }) => {
        const m = row.original;
        // A platform module has no off position: a greyed-out switch would only look like "off".
        if (!m.switchable) return null;
        const pending = toggle.isPending && toggle.variables?.key === m.key;
        return (
          <Group justify="flex-end">
            <Switch
              checked={m.enabled}
              disabled={pending}
              onChange={(e) => toggle.mutate({ key: m.key, enabled: e.currentTarget.checked })}
              aria-label={t(`modules.${m.key}`, { defaultValue: m.title })}
              data-testid={`module-switch-${m.key}`}
            />
          </Group>
        );
      },
    }),
  ];

  return (
    <>
      <PageHeader title={t('modulesPage.title')} description={t('modulesPage.description')} />
      <Paper maw={820}>
        <DataTable
          data={modules.data?.items ?? []}
          columns={columns}
          getRowId={(m) => m.key}
          loading={modules.isLoading}
          error={modules.error}
          testId="modules-table"
        />
      </Paper>
    </>
  );
}
