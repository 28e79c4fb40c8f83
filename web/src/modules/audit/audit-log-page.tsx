import { Button, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../ui/cursor-pager';
import { DataTable } from '../../ui/data-table';
import { useFormat } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useCursorList } from '../../ui/use-cursor-list';
import { AuditChangeModal } from './audit-change-modal';
import type { AuditEntry } from './audit-types';

const column = createColumnHelper<AuditEntry>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState({ entity: '', entityId: '', action: '' });
  const [debounced] = useDebouncedValue(filters, 300);
  const [sort, setSort] = useState('-at');
  const [shown, setShown] = useState<AuditEntry | null>(null);
  const entityIdValid = !debounced.entityId || UUID.test(debounced.entityId.trim());
  const list = useCursorList<AuditEntry>('/audit-log', {
    entity: debounced.entity.trim(),
    entityId: entityIdValid ? debounced.entityId.trim() : undefined,
    action: debounced.action.trim(),
    sort,
  });
  const set = (name: keyof typeof filters) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setFilters((f) => ({ ...f, [name]: value }));
  };

  const columns = [
    column.accessor('at', {
      header: t('audit.at'),
      cell: (c) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {format.dateTime(c.getValue())}
        </Text>
      ),
      meta: { sortKey: 'at' },
    }),
    column.display({
      id: 'actor',
      header: t('audit.actor'),
      cell: ({ row }) => {
        const e = row.original;
        if (e.actorName) return e.actorName;
        return (
          <Text size="sm" c="dimmed">
            {e.actorTokenId ? t('audit.apiToken') : t('audit.system')}
          </Text>
        );
      },
    }),
    column.accessor('action', {
      header: t('audit.action'),
      cell: (c) => (
        <Text size="sm" ff="monospace">
          {c.getValue()}
        </Text>
      ),
    }),
    column.accessor('entity', { header: t('audit.entity') }),
    column.accessor('entityId', {
      header: t('audit.entityId'),
      cell: (c) => (
        <Text size="xs" ff="monospace" c="dimmed">
          {c.getValue()}
        </Text>
      ),
    }),
    column.display({
      id: 'details',
      header: '',
      meta: { align: 'right' },
      cell: ({ row }) => (
        <Button size="compact-xs" variant="subtle" onClick={() => setShown(row.original)}>
          {t('audit.changes')}
        </Button>
      ),
    }),
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Group mb="sm" gap="sm" align="flex-start">
        <TextInput
          size="sm"
          w={180}
          placeholder={t('audit.entity')}
          aria-label={t('audit.entity')}
          value={filters.entity}
          onChange={set('entity')}
        />
        <TextInput
          size="sm"
          w={300}
          placeholder={t('audit.entityId')}
          aria-label={t('audit.entityId')}
          value={filters.entityId}
          onChange={set('entityId')}
          error={!entityIdValid && t('validation.uuid')}
        />
        <TextInput
          size="sm"
          w={220}
          placeholder={t('audit.action')}
          aria-label={t('audit.action')}
          value={filters.action}
          onChange={set('action')}
        />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(e) => e.id}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId="audit-table"
      />
      <CursorPager list={list} />
      <AuditChangeModal entry={shown} onClose={() => setShown(null)} />
    </>
  );
}
