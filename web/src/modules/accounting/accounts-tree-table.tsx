import { Badge, Button, Group, Select, Switch, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmButton } from '../../ui/confirm-button';
import { DataTable } from '../../ui/data-table';
import { FilterInput } from '../../ui/filter-input';
import { useApiMutation } from '../../ui/use-api-mutation';
import { accountTree, type TreeRow } from './account-tree';
import { ACCOUNT_TYPES, type Account } from './accounting-types';
import { useCompanyItems } from './use-accounting-lists';

const column = createColumnHelper<TreeRow>();

/** The chart as a tree: groups bold, each level indented under its parent. */
export function AccountsTreeTable({
  companyId,
  canManage,
  onEdit,
}: {
  companyId: string | null;
  canManage: boolean;
  onEdit: (account: Account) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [archived, setArchived] = useState(false);
  const list = useCompanyItems<Account>('/accounts', companyId, {
    q,
    type,
    includeArchived: archived || undefined,
  });
  const archive = useApiMutation(
    ({ account, restore }: { account: Account; restore: boolean }) =>
      api.post<Account>(`/accounts/${account.id}/${restore ? 'restore' : 'archive'}`),
    { invalidate: ['/accounts'], success: t('common.saved') },
  );

  const columns = [
    column.display({
      id: 'code',
      header: t('accounting.account.code'),
      meta: { width: 120 },
      cell: ({ row }) => (
        <Text size="sm" ff="monospace" fw={row.original.account.isGroup ? 700 : 400}>
          {row.original.account.code}
        </Text>
      ),
    }),
    column.display({
      id: 'name',
      header: t('common.name'),
      cell: ({ row }) => {
        const { account, depth } = row.original;
        return (
          <Group gap={6} pl={depth * 20} wrap="nowrap">
            {canManage ? (
              <Button
                variant="transparent"
                size="compact-sm"
                px={0}
                fw={account.isGroup ? 700 : 400}
                onClick={() => onEdit(account)}
              >
                {account.name}
              </Button>
            ) : (
              <Text size="sm" fw={account.isGroup ? 700 : 400}>
                {account.name}
              </Text>
            )}
            {account.isGroup && (
              <Badge size="xs" variant="light" color="gray">
                {t('accounting.account.group')}
              </Badge>
            )}
            {account.archivedAt && (
              <Badge size="xs" variant="light" color="gray">
                {t('common.archived')}
              </Badge>
            )}
          </Group>
        );
      },
    }),
    column.display({
      id: 'type',
      header: t('accounting.account.type'),
      cell: ({ row }) => t(`accounting.accountType.${row.original.account.type}`),
    }),
    column.display({
      id: 'currency',
      header: t('accounting.currency'),
      cell: ({ row }) => row.original.account.currency ?? '',
    }),
    column.display({
      id: 'reconcilable',
      header: t('accounting.account.reconcilable'),
      cell: ({ row }) => (row.original.account.reconcilable ? '✓' : ''),
    }),
    column.display({
      id: 'actions',
      header: '',
      meta: { align: 'right' },
      cell: ({ row }) => {
        const { account } = row.original;
        if (!canManage) return null;
        if (account.archivedAt)
          return (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => archive.mutate({ account, restore: true })}
              data-testid="account-restore"
            >
              {t('common.restore')}
            </Button>
          );
        return (
          <ConfirmButton
            label={t('common.archive')}
            question={t('accounting.account.archiveQuestion', { name: account.name })}
            onConfirm={() => archive.mutate({ account, restore: false })}
            data-testid="account-archive"
          />
        );
      },
    }),
  ];

  return (
    <>
      <Group mb="sm" gap="sm" align="center">
        <FilterInput onChange={setQ} placeholder={t('accounting.account.filter')} />
        <Select
          size="sm"
          w={180}
          clearable
          placeholder={t('accounting.account.anyType')}
          aria-label={t('accounting.account.type')}
          data={ACCOUNT_TYPES.map((k) => ({ value: k, label: t(`accounting.accountType.${k}`) }))}
          value={type}
          onChange={setType}
        />
        <Switch
          label={t('common.showArchived')}
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
        />
      </Group>
      <DataTable
        data={accountTree(list.data ?? [])}
        columns={columns}
        getRowId={(r) => r.account.id}
        loading={list.isLoading}
        error={list.error}
        testId="accounts-table"
      />
    </>
  );
}
