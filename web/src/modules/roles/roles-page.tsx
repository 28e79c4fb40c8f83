import { Badge, Button, Group, Switch, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCan } from '../../auth/me';
import { ConfirmButton } from '../../ui/confirm-button';
import { CursorPager } from '../../ui/cursor-pager';
import { DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useCursorList } from '../../ui/use-cursor-list';
import { RoleModal, type RoleTarget } from './role-modal';
import type { Role } from './role-types';
import { roleName } from './use-role-options';

const column = createColumnHelper<Role>();

export function RolesPage() {
  const { t } = useTranslation();
  const canManage = useCan('users:manage');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [sort, setSort] = useState('name');
  const [target, setTarget] = useState<RoleTarget>(null);
  const list = useCursorList<Role>('/roles', { includeArchived: includeArchived || undefined, sort });
  const setArchived = useApiMutation(
    ({ role, archive }: { role: Role; archive: boolean }) =>
      api.post<Role>(`/roles/${role.id}/${archive ? 'archive' : 'restore'}`),
    { invalidate: ['/roles'], success: t('common.saved') },
  );

  const columns = [
    column.accessor('name', {
      header: t('common.name'),
      meta: { sortKey: 'name' },
      cell: ({ row }) => (
        <Button variant="transparent" size="compact-sm" px={0} onClick={() => setTarget(row.original)}>
          {roleName(t, row.original)}
        </Button>
      ),
    }),
    column.accessor('description', {
      header: t('common.description'),
      cell: ({ row }) => (
        <Text size="sm" c="dimmed" lineClamp={1}>
          {row.original.key
            ? t(`roleDescriptions.${row.original.key}`, { defaultValue: row.original.description ?? '' })
            : row.original.description}
        </Text>
      ),
    }),
    column.accessor('permissions', {
      header: t('roles.permissions'),
      cell: (c) => (c.getValue().includes('*') ? t('roles.everything') : c.getValue().length),
    }),
    column.display({
      id: 'kind',
      header: t('roles.kind'),
      cell: ({ row }) => (
        <Group gap={4}>
          <Badge size="sm" variant="light" color={row.original.builtin ? 'gray' : 'indigo'}>
            {row.original.builtin ? t('roles.kindBuiltin') : t('roles.kindCustom')}
          </Badge>
          {row.original.ownRecordsOnly && (
            <Badge size="sm" variant="light" color="yellow">
              {t('roles.ownOnlyShort')}
            </Badge>
          )}
          {row.original.archivedAt && (
            <Badge size="sm" variant="light" color="red">
              {t('common.archived')}
            </Badge>
          )}
        </Group>
      ),
    }),
    column.display({
      id: 'actions',
      header: '',
      meta: { align: 'right' },
      cell: ({ row }) => {
        const role = row.original;
        if (!canManage || role.builtin) return null;
        return role.archivedAt ? (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setArchived.mutate({ role, archive: false })}
          >
            {t('common.restore')}
          </Button>
        ) : (
          <ConfirmButton
            label={t('common.archive')}
            question={t('roles.archiveQuestion', { name: role.name })}
            onConfirm={() => setArchived.mutate({ role, archive: true })}
          />
        );
      },
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        description={t('roles.description')}
        actions={
          canManage && (
            <Button onClick={() => setTarget('new')} data-testid="create-role">
              {t('roles.create')}
            </Button>
          )
        }
      />
      <Switch
        mb="sm"
        size="sm"
        label={t('common.showArchived')}
        checked={includeArchived}
        onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
      />
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(r) => r.id}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId="roles-table"
      />
      <CursorPager list={list} />
      <RoleModal target={target} onClose={() => setTarget(null)} canManage={canManage} />
    </>
  );
}
