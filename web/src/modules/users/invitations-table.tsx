import { Badge, Select } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmButton } from '../../ui/confirm-button';
import { CursorPager } from '../../ui/cursor-pager';
import { DataTable } from '../../ui/data-table';
import { useFormat } from '../../ui/format';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useCursorList } from '../../ui/use-cursor-list';
import { useRoleOptions } from '../roles/use-role-options';
import { RoleBadges } from './role-badges';
import type { Invitation } from './user-types';

type State = 'open' | 'accepted' | 'revoked' | 'expired';
const STATE_COLOR: Record<State, string> = {
  open: 'blue',
  accepted: 'teal',
  revoked: 'gray',
  expired: 'orange',
};

function stateOf(i: Invitation): State {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return new Date(i.expiresAt) < new Date() ? 'expired' : 'open';
}

const column = createColumnHelper<Invitation>();

export function InvitationsTable({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roles = useRoleOptions();
  const [status, setStatus] = useState<string | null>(null);
  const [sort, setSort] = useState('-createdAt');
  const list = useCursorList<Invitation>('/invitations', { status, sort });
  const revoke = useApiMutation((i: Invitation) => api.post<Invitation>(`/invitations/${i.id}/revoke`), {
    invalidate: ['/invitations'],
    success: t('users.inviteRevoked'),
  });

  const columns = [
    column.accessor('email', { header: t('auth.email'), meta: { sortKey: 'email' } }),
    column.accessor('roleIds', {
      header: t('users.roles'),
      cell: (c) => <RoleBadges roleIds={c.getValue()} nameOf={roles.nameOf} />,
    }),
    column.display({
      id: 'state',
      header: t('common.status'),
      cell: ({ row }) => {
        const state = stateOf(row.original);
        return (
          <Badge size="sm" variant="light" color={STATE_COLOR[state]}>
            {t(`users.inviteState.${state}`)}
          </Badge>
        );
      },
    }),
    column.accessor('createdAt', {
      header: t('common.created'),
      cell: (c) => format.dateTime(c.getValue()),
      meta: { sortKey: 'createdAt' },
    }),
    column.accessor('expiresAt', { header: t('users.expires'), cell: (c) => format.dateTime(c.getValue()) }),
    column.display({
      id: 'actions',
      header: '',
      meta: { align: 'right' },
      cell: ({ row }) =>
        canManage &&
        stateOf(row.original) === 'open' && (
          <ConfirmButton
            label={t('users.revoke')}
            question={t('users.revokeQuestion', { email: row.original.email })}
            onConfirm={() => revoke.mutate(row.original)}
          />
        ),
    }),
  ];

  return (
    <>
      <Select
        mb="sm"
        w={220}
        size="sm"
        clearable
        placeholder={t('users.inviteStateAll')}
        aria-label={t('common.status')}
        value={status}
        onChange={setStatus}
        data={(['open', 'accepted', 'revoked'] as const).map((s) => ({
          value: s,
          label: t(`users.inviteState.${s}`),
        }))}
      />
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(i) => i.id}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId="invitations-table"
      />
      <CursorPager list={list} />
    </>
  );
}
