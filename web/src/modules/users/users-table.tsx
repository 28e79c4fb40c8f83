import { Badge, Button, Group, SegmentedControl } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useMe } from '../../auth/me';
import { ConfirmButton } from '../../ui/confirm-button';
import { CursorPager } from '../../ui/cursor-pager';
import { DataTable } from '../../ui/data-table';
import { FilterInput } from '../../ui/filter-input';
import { useFormat } from '../../ui/format';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useCursorList } from '../../ui/use-cursor-list';
import { useRoleOptions } from '../roles/use-role-options';
import { RoleBadges } from './role-badges';
import { UserEditModal } from './user-edit-modal';
import type { Member } from './user-types';

const column = createColumnHelper<Member>();
const ACTIVE_FILTER: Record<string, boolean | undefined> = { all: undefined, active: true, inactive: false };

export function UsersTable({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const roles = useRoleOptions();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('all');
  const [sort, setSort] = useState('name');
  const [editing, setEditing] = useState<Member | null>(null);
  const list = useCursorList<Member>('/users', { q, active: ACTIVE_FILTER[status], sort });
  const setActive = useApiMutation(
    (m: Member) => api.patch<Member>(`/users/${m.id}`, { active: !m.active }),
    { invalidate: ['/users', '/colleagues'], success: t('common.saved') },
  );

  const columns = [
    column.accessor('name', { header: t('common.name'), meta: { sortKey: 'name' } }),
    column.accessor('email', { header: t('auth.email'), meta: { sortKey: 'email' } }),
    column.accessor('roleIds', {
      header: t('users.roles'),
      cell: (c) => <RoleBadges roleIds={c.getValue()} nameOf={roles.nameOf} />,
    }),
    column.accessor('active', {
      header: t('common.status'),
      cell: (c) =>
        c.getValue() ? (
          <Badge size="sm" color="teal" variant="light">
            {t('users.active')}
          </Badge>
        ) : (
          <Badge size="sm" color="gray" variant="light">
            {t('users.inactive')}
          </Badge>
        ),
    }),
    column.accessor('createdAt', {
      header: t('common.created'),
      cell: (c) => format.dateTime(c.getValue()),
      meta: { sortKey: 'createdAt' },
    }),
    ...(canManage
      ? [
          column.display({
            id: 'actions',
            header: '',
            meta: { align: 'right' },
            cell: ({ row }) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(row.original)}>
                  {t('common.edit')}
                </Button>
                <AccessButton
                  member={row.original}
                  isSelf={row.original.id === me.user.id}
                  onToggle={setActive.mutate}
                />
              </Group>
            ),
          }),
        ]
      : []),
  ];

  return (
    <>
      <Group mb="sm" gap="sm">
        <FilterInput onChange={setQ} placeholder={t('users.filter')} />
        <SegmentedControl
          size="xs"
          value={status}
          onChange={setStatus}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'active', label: t('users.active') },
            { value: 'inactive', label: t('users.inactive') },
          ]}
        />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(m) => m.id}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId="users-table"
      />
      <CursorPager list={list} />
      <UserEditModal member={editing} onClose={() => setEditing(null)} />
    </>
  );
}

interface AccessProps {
  member: Member;
  isSelf: boolean;
  onToggle: (member: Member) => void;
}

/** Deactivate (asks first) or activate a member; locking yourself out is never what was meant. */
function AccessButton({ member, isSelf, onToggle }: AccessProps) {
  const { t } = useTranslation();
  if (isSelf) return null;
  if (!member.active) {
    return (
      <Button size="compact-xs" variant="subtle" color="teal" onClick={() => onToggle(member)}>
        {t('users.activate')}
      </Button>
    );
  }
  return (
    <ConfirmButton
      label={t('users.deactivate')}
      question={t('users.deactivateQuestion', { name: member.name })}
      onConfirm={() => onToggle(member)}
    />
  );
}
