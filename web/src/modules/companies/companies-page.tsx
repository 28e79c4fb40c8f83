import { Badge, Button, Group, Switch } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCan } from '../../auth/me';
import { ConfirmButton } from '../../ui/confirm-button';
import { CursorPager } from '../../ui/cursor-pager';
import { DataTable } from '../../ui/data-table';
import { FilterInput } from '../../ui/filter-input';
import { PageHeader } from '../../ui/page-header';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useCursorList } from '../../ui/use-cursor-list';
import { CompanyModal, type CompanyTarget } from './company-modal';
import { type Company, formatAddress } from './company-types';

const column = createColumnHelper<Company>();

export function CompaniesPage() {
  const { t } = useTranslation();
  const canManage = useCan('companies:manage');
  const [q, setQ] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [sort, setSort] = useState('name');
  const [target, setTarget] = useState<CompanyTarget>(null);
  const list = useCursorList<Company>('/companies', {
    q,
    includeArchived: includeArchived || undefined,
    sort,
  });
  const setArchived = useApiMutation(
    ({ company, archive }: { company: Company; archive: boolean }) =>
      api.post<Company>(`/companies/${company.id}/${archive ? 'archive' : 'restore'}`),
    { invalidate: ['/companies'], success: t('common.saved') },
  );

  const columns = [
    column.accessor('name', {
      header: t('common.name'),
      meta: { sortKey: 'name' },
      cell: ({ row }) =>
        canManage ? (
          <Button variant="transparent" size="compact-sm" px={0} onClick={() => setTarget(row.original)}>
            {row.original.name}
          </Button>
        ) : (
          row.original.name
        ),
    }),
    column.accessor('legalName', { header: t('companies.legalName') }),
    column.accessor('taxId', { header: t('companies.taxId') }),
    column.accessor('baseCurrency', { header: t('companies.currencyShort') }),
    column.accessor('address', { header: t('companies.address'), cell: (c) => formatAddress(c.getValue()) }),
    column.display({
      id: 'actions',
      header: '',
      meta: { align: 'right' },
      cell: ({ row }) => {
        const company = row.original;
        if (company.archivedAt) {
          return (
            <Group gap={4} justify="flex-end" wrap="nowrap">
              <Badge size="sm" color="gray" variant="light">
                {t('common.archived')}
              </Badge>
              {canManage && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setArchived.mutate({ company, archive: false })}
                >
                  {t('common.restore')}
                </Button>
              )}
            </Group>
          );
        }
        return (
          canManage && (
            <ConfirmButton
              label={t('common.archive')}
              question={t('companies.archiveQuestion', { name: company.name })}
              onConfirm={() => setArchived.mutate({ company, archive: true })}
            />
          )
        );
      },
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        description={t('companies.description')}
        actions={
          canManage && (
            <Button onClick={() => setTarget('new')} data-testid="create-company">
              {t('companies.create')}
            </Button>
          )
        }
      />
      <Group mb="sm" gap="md">
        <FilterInput onChange={setQ} placeholder={t('companies.filter')} />
        <Switch
          size="sm"
          label={t('common.showArchived')}
          checked={includeArchived}
          onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
        />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(c) => c.id}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId="companies-table"
      />
      <CursorPager list={list} />
      <CompanyModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
