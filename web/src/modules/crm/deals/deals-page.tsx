import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { CursorPager } from '../../../ui/cursor-pager';
import { DataTable } from '../../../ui/data-table';
import { FilterInput } from '../../../ui/filter-input';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useCurrencyOptions } from '../../reference/use-reference-options';
import type { Board, Deal } from '../crm-types';
import { useDefaultCurrency } from '../use-client-records';
import { usePipelines } from '../use-crm-options';
import { DealBoard } from './deal-board';
import { DealModal, type DealTarget } from './deal-modal';

const STATUS_COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;
const VIEW_KEY = 'tandem.deals.view';

export function DealsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('crm:write');
  const pipelines = usePipelines();
  const currencies = useCurrencyOptions();
  const defaultCurrency = useDefaultCurrency();
  const [view, setView] = useState(() => localStorage.getItem(VIEW_KEY) ?? 'board');
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);
  const [creating, setCreating] = useState<DealTarget>(null);
  const active = (pipelines.data ?? []).filter((p) => !p.archivedAt);
  const pipeline = active.find((p) => p.id === pipelineId) ?? active.find((p) => p.isDefault) ?? active[0];
  const boardCurrency = currency ?? defaultCurrency;
  const board = useQuery({
    queryKey: ['/pipelines', pipeline?.id, 'board', boardCurrency],
    queryFn: () => api.get<Board>(`/pipelines/${pipeline?.id}/board`, { currency: boardCurrency }),
    enabled: !!pipeline && view === 'board',
  });

  const chooseView = (v: string) => {
    localStorage.setItem(VIEW_KEY, v);
    setView(v);
  };

  return (
    <>
      <PageHeader
        title={t('deals.title')}
        description={t('deals.description')}
        actions={
          canWrite && (
            <Button onClick={() => setCreating({ pipelineId: pipeline?.id })} data-testid="create-deal">
              {t('deals.create')}
            </Button>
          )
        }
      />
      <Group mb="sm" gap="sm">
        <SegmentedControl
          size="xs"
          value={view}
          onChange={chooseView}
          data={[
            { value: 'board', label: t('deals.board') },
            { value: 'list', label: t('deals.list') },
          ]}
          data-testid="deals-view"
        />
        <Select
          size="sm"
          w={220}
          aria-label={t('deals.pipeline')}
          allowDeselect={false}
          data={active.map((p) => ({ value: p.id, label: p.name }))}
          value={pipeline?.id ?? null}
          onChange={setPipelineId}
          data-testid="deals-pipeline"
        />
        {view === 'board' && (
          <Select
            size="sm"
            w={200}
            searchable
            aria-label={t('deals.boardCurrency')}
            allowDeselect={false}
            data={currencies}
            value={boardCurrency}
            onChange={setCurrency}
            data-testid="board-currency"
          />
        )}
        {view === 'board' && board.data && (
          <Text size="sm" c="dimmed" data-testid="board-total">
            {t('deals.boardTotal', {
              count: board.data.dealCount,
              total: format.money(board.data.total, board.data.currency),
              weighted: format.money(board.data.weightedTotal, board.data.currency),
            })}
          </Text>
        )}
      </Group>
      {pipelines.isLoading && <CenteredLoader />}
      {!pipelines.isLoading && !pipeline && (
        <Alert color="yellow" variant="light">
          {t('deals.noPipeline')}
        </Alert>
      )}
      {view === 'board' && pipeline && (
        <>
          {board.error && <Alert color="red">{problemMessage(board.error)}</Alert>}
          {board.isLoading && <CenteredLoader />}
          {board.data && <DealBoard board={board.data} canWrite={canWrite} />}
        </>
      )}
      {view === 'list' && pipeline && <DealList pipelineId={pipeline.id} />}
      <DealModal target={creating} onClose={() => setCreating(null)} />
    </>
  );
}

const column = createColumnHelper<Deal>();

function DealList({ pipelineId }: { pipelineId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | null>('open');
  const [sort, setSort] = useState('-createdAt');
  const list = useCursorList<Deal>('/deals', { pipelineId, q, status, sort });
  const columns = [
    column.accessor('title', {
      header: t('deals.titleLabel'),
      meta: { sortKey: 'title' },
      cell: (c) => (
        <Anchor component={Link} to={`/crm/deals/${c.row.original.id}`} size="sm" fw={600}>
          {c.getValue()}
        </Anchor>
      ),
    }),
    column.accessor('clientName', {
      header: t('deals.client'),
      cell: (c) => (
        <Anchor component={Link} to={`/clients/${c.row.original.clientId}`} size="sm">
          {c.getValue()}
        </Anchor>
      ),
    }),
    column.accessor('stageName', { header: t('deals.stage') }),
    column.accessor('status', {
      header: t('common.status'),
      cell: (c) => (
        <Badge size="xs" variant="light" color={STATUS_COLOR[c.getValue()]}>
          {t(`deals.status.${c.getValue()}`)}
        </Badge>
      ),
    }),
    column.accessor('amount', {
      header: t('deals.amount'),
      meta: { align: 'right' },
      cell: (c) => format.money(c.getValue(), c.row.original.currency),
    }),
    column.accessor('expectedClose', {
      header: t('deals.expectedClose'),
      cell: (c) => format.day(c.getValue()),
    }),
    column.accessor('responsibleName', { header: t('deals.responsible') }),
    column.accessor('createdAt', {
      header: t('common.created'),
      meta: { sortKey: 'createdAt' },
      cell: (c) => format.day(c.getValue()),
    }),
  ];
  return (
    <>
      <Group mb="sm" gap="sm">
        <FilterInput onChange={setQ} placeholder={t('deals.filter')} />
        <Select
          size="sm"
          w={160}
          clearable
          placeholder={t('common.all')}
          aria-label={t('common.status')}
          data={(['open', 'won', 'lost'] as const).map((s) => ({ value: s, label: t(`deals.status.${s}`) }))}
          value={status}
          onChange={setStatus}
        />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(d) => d.id}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId="deals-table"
      />
      <CursorPager list={list} />
    </>
  );
}
