import { Anchor, Badge, Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me';
import { CursorPager } from '../../ui/cursor-pager';
import { DataTable } from '../../ui/data-table';
import { FilterInput } from '../../ui/filter-input';
import { useFormat } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useCursorList } from '../../ui/use-cursor-list';
import { ArchivedBadge } from '../reference/archived-badge';
import { useUserOptions } from '../users/use-user-options';
import { ClientModal, type ClientTarget } from './client-modal';
import type { Client } from './party-types';

const column = createColumnHelper<Client>();

export function ClientsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('parties:write');
  const users = useUserOptions();
  const [q, setQ] = useState('');
  const [responsible, setResponsible] = useState<string | null>(null);
  const [tagText, setTagText] = useState('');
  const [tag] = useDebouncedValue(tagText.trim(), 300);
  const [archived, setArchived] = useState(false);
  const [sort, setSort] = useState('name');
  const [editing, setEditing] = useState<ClientTarget>(null);
  const list = useCursorList<Client>('/clients', {
    q,
    responsibleUserId: responsible,
    tag,
    includeArchived: archived || undefined,
    sort,
  });

  const columns = [
    column.accessor('name', {
      header: t('common.name'),
      meta: { sortKey: 'name' },
      cell: (c) => (
        <Group gap={6} wrap="nowrap">
          <Anchor component={Link} to={`/clients/${c.row.original.id}`} size="sm" fw={600}>
            {c.getValue()}
          </Anchor>
          <ArchivedBadge archivedAt={c.row.original.archivedAt} />
        </Group>
      ),
    }),
    column.accessor('kind', {
      header: t('clients.kindLabel'),
      cell: (c) => t(`clients.kind.${c.getValue()}`),
    }),
    column.accessor('email', { header: t('auth.email') }),
    column.accessor('phone', { header: t('clients.phone') }),
    column.accessor('responsibleUserId', {
      header: t('clients.responsible'),
      cell: (c) => users.nameOf(c.getValue()),
    }),
    column.accessor('tags', {
      header: t('clients.tags'),
      cell: (c) => (
        <Group gap={4}>
          {c.getValue().map((tag) => (
            <Badge key={tag} size="xs" variant="light" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      ),
    }),
    column.accessor('createdAt', {
      header: t('common.created'),
      meta: { sortKey: 'createdAt' },
      cell: (c) => format.day(c.getValue()),
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        description={t('clients.description')}
        actions={
          canWrite && (
            <Button onClick={() => setEditing('new')} data-testid="create-client">
              {t('clients.create')}
            </Button>
          )
        }
      />
      <Group mb="sm" gap="sm" align="center">
        <FilterInput onChange={setQ} placeholder={t('clients.filter')} />
        <Select
          size="sm"
          w={200}
          clearable
          searchable
          placeholder={t('clients.anyResponsible')}
          aria-label={t('clients.responsible')}
          data={users.options}
          value={responsible}
          onChange={setResponsible}
          data-testid="filter-responsible"
        />
        <TextInput
          size="sm"
          w={160}
          placeholder={t('clients.tag')}
          aria-label={t('clients.tag')}
          value={tagText}
          onChange={(e) => setTagText(e.currentTarget.value)}
          data-testid="filter-tag"
        />
        <Switch
          size="sm"
          label={t('common.showArchived')}
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
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
        testId="clients-table"
      />
      <CursorPager list={list} />
      <ClientModal target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
