import { Button, Group, Modal, Switch } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryValue } from '../../api/client';
import { useCan } from '../../auth/me';
import { CursorPager } from '../../ui/cursor-pager';
import { DataTable } from '../../ui/data-table';
import { FilterInput } from '../../ui/filter-input';
import { useCursorList } from '../../ui/use-cursor-list';

interface Props<T> {
  path: string;
  /** Names the list in test ids: `create-<name>`, `<name>-table`. */
  name: string;
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Filters beyond the search box, and the inputs that set them. */
  filters?: Record<string, QueryValue>;
  toolbar?: ReactNode;
  /** Offers "show archived" when the list hides archived rows. */
  archivable?: boolean;
  createLabel: string;
  /** The create form (`row` null) or the edit form; without `editable` rows only get created. */
  form: (row: T | null, onDone: () => void) => ReactNode;
  editable?: boolean;
  /** Archive / restore buttons for a row, shown to whoever may edit reference data. */
  rowActions?: (row: T) => ReactNode;
}

/** One reference list: search, table, pages, and a modal form to add or change a row. */
export function ReferenceList<T>(props: Props<T>) {
  const { t } = useTranslation();
  const canManage = useCan('directories:manage');
  const [q, setQ] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [target, setTarget] = useState<T | 'new' | null>(null);
  const [sort, setSort] = useState<string | undefined>(undefined);
  const list = useCursorList<T>(props.path, {
    q,
    includeArchived: includeArchived || undefined,
    sort,
    ...props.filters,
  });
  const close = () => setTarget(null);

  const columns: ColumnDef<T, any>[] = [...props.columns];
  if (canManage && (props.editable || props.rowActions)) {
    columns.push({
      id: 'actions',
      header: '',
      meta: { align: 'right' },
      cell: ({ row }) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {props.editable && (
            <Button size="compact-xs" variant="subtle" onClick={() => setTarget(row.original)}>
              {t('common.edit')}
            </Button>
          )}
          {props.rowActions?.(row.original)}
        </Group>
      ),
    });
  }

  return (
    <div data-testid={`${props.name}-list`}>
      <Group mb="sm" gap="md" justify="space-between">
        <Group gap="sm">
          <FilterInput onChange={setQ} />
          {props.toolbar}
          {props.archivable && (
            <Switch
              size="sm"
              label={t('common.showArchived')}
              checked={includeArchived}
              onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
            />
          )}
        </Group>
        {canManage && (
          <Button onClick={() => setTarget('new')} data-testid={`create-${props.name}`}>
            {props.createLabel}
          </Button>
        )}
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={props.getRowId}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId={`${props.name}-table`}
      />
      <CursorPager list={list} />
      <Modal
        opened={target !== null}
        onClose={close}
        title={target === 'new' ? props.createLabel : t('common.edit')}
      >
        {target !== null && props.form(target === 'new' ? null : target, close)}
      </Modal>
    </div>
  );
}
