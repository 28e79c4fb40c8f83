import { Alert, Paper, ScrollArea, Table, Text, UnstyledButton } from '@mantine/core';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowData,
  useReactTable,
} from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';
import { CenteredLoader } from './centered-loader';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The API's sort field for this column; the header becomes a sort toggle. */
    sortKey?: string;
    align?: 'left' | 'right';
    width?: number | string;
    /** Phantom use of the type parameters, which the interface must keep. */
    _types?: [TData, TValue];
  }
}

interface Props<T> {
  data: T[];
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  /** `name` or `-name`, as the API takes it. */
  sort?: string;
  onSortChange?: (sort: string) => void;
  testId?: string;
}

function SortMark({ sort, sortKey }: { sort: string | undefined; sortKey: string }) {
  if (sort === sortKey) return <> ▲</>;
  if (sort === `-${sortKey}`) return <> ▼</>;
  return (
    <Text span c="dimmed" fz="xs">
      {' ↕'}
    </Text>
  );
}

/** A dense table of one page of rows; sorting happens on the server. */
export function DataTable<T>({
  data,
  columns,
  getRowId,
  loading,
  error,
  sort,
  onSortChange,
  testId,
}: Props<T>) {
  const { t } = useTranslation();
  const table = useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
  });

  if (error) return <Alert color="red">{problemMessage(error)}</Alert>;
  return (
    <Paper withBorder radius="sm">
      <ScrollArea>
        <Table striped highlightOnHover data-testid={testId}>
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  const sortKey = meta?.sortKey;
                  return (
                    <Table.Th key={header.id} w={meta?.width} ta={meta?.align}>
                      {sortKey && onSortChange ? (
                        <UnstyledButton
                          fw={700}
                          fz="sm"
                          onClick={() => onSortChange(sort === sortKey ? `-${sortKey}` : sortKey)}
                        >
                          {label}
                          <SortMark sort={sort} sortKey={sortKey} />
                        </UnstyledButton>
                      ) : (
                        label
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id} data-row-id={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.align}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {loading && <CenteredLoader />}
      {!loading && data.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {t('common.empty')}
        </Text>
      )}
    </Paper>
  );
}
