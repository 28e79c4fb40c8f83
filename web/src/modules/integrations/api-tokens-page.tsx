import { Badge, Button, Code, Switch } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmButton } from '../../ui/confirm-button';
import { CursorPager } from '../../ui/cursor-pager';
import { DataTable } from '../../ui/data-table';
import { useFormat } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useCursorList } from '../../ui/use-cursor-list';
import { useRoleOptions } from '../roles/use-role-options';
import { ApiTokenModal } from './api-token-modal';
import type { ApiToken } from './api-token-types';

const column = createColumnHelper<ApiToken>();

function stateOf(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) < new Date()) return 'expired';
  return 'active';
}
const STATE_COLOR = { active: 'teal', expired: 'orange', revoked: 'gray' };

export function ApiTokensPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const roles = useRoleOptions();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [sort, setSort] = useState('-createdAt');
  const [creating, setCreating] = useState(false);
  const list = useCursorList<ApiToken>('/api-tokens', { includeRevoked: includeRevoked || undefined, sort });
  const revoke = useApiMutation((token: ApiToken) => api.post<ApiToken>(`/api-tokens/${token.id}/revoke`), {
    invalidate: ['/api-tokens'],
    success: t('apiTokens.revoked'),
  });

  const columns = [
    column.accessor('name', { header: t('common.name'), meta: { sortKey: 'name' } }),
    column.accessor('prefix', { header: t('apiTokens.prefix'), cell: (c) => <Code>{c.getValue()}…</Code> }),
    column.accessor('roleId', { header: t('apiTokens.role'), cell: (c) => roles.nameOf(c.getValue()) }),
    column.accessor('createdAt', {
      header: t('common.created'),
      cell: (c) => format.dateTime(c.getValue()),
      meta: { sortKey: 'createdAt' },
    }),
    column.accessor('lastUsedAt', {
      header: t('apiTokens.lastUsed'),
      cell: (c) => format.dateTime(c.getValue()) || t('apiTokens.never'),
    }),
    column.accessor('expiresAt', {
      header: t('apiTokens.expires'),
      cell: (c) => format.dateTime(c.getValue()) || t('apiTokens.noExpiry'),
    }),
    column.display({
      id: 'state',
      header: t('common.status'),
      cell: ({ row }) => {
        const state = stateOf(row.original);
        return (
          <Badge size="sm" variant="light" color={STATE_COLOR[state]}>
            {t(`apiTokens.state.${state}`)}
          </Badge>
        );
      },
    }),
    column.display({
      id: 'actions',
      header: '',
      meta: { align: 'right' },
      cell: ({ row }) =>
        !row.original.revokedAt && (
          <ConfirmButton
            label={t('apiTokens.revoke')}
            question={t('apiTokens.revokeQuestion', { name: row.original.name })}
            onConfirm={() => revoke.mutate(row.original)}
          />
        ),
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('apiTokens.title')}
        description={t('apiTokens.description')}
        actions={
          <Button onClick={() => setCreating(true)} data-testid="create-api-token">
            {t('apiTokens.create')}
          </Button>
        }
      />
      <Switch
        mb="sm"
        size="sm"
        label={t('apiTokens.showRevoked')}
        checked={includeRevoked}
        onChange={(e) => setIncludeRevoked(e.currentTarget.checked)}
      />
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(tk) => tk.id}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId="api-tokens-table"
      />
      <CursorPager list={list} />
      <ApiTokenModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
