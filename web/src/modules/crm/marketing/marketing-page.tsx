import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Tabs, Text } from '@mantine/core';
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
import { DayInput } from '../../../ui/day-input';
import { FilterInput } from '../../../ui/filter-input';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useCurrencyOptions } from '../../reference/use-reference-options';
import type { AttributionRow, MarketingEvent } from '../crm-types';
import { useDefaultCurrency } from '../use-client-records';
import { EventForm } from './event-form';

const column = createColumnHelper<MarketingEvent>();

export function MarketingPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('events');
  return (
    <>
      <PageHeader title={t('marketing.title')} description={t('marketing.description')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="events" data-testid="tab-events">
            {t('marketing.events')}
          </Tabs.Tab>
          <Tabs.Tab value="attribution" data-testid="tab-attribution">
            {t('marketing.attribution')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="events">
          <EventsTab />
        </Tabs.Panel>
        <Tabs.Panel value="attribution">
          <AttributionTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function EventsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('crm:write');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState('-startsOn');
  const [creating, setCreating] = useState(false);
  const list = useCursorList<MarketingEvent>('/marketing-events', { q, sort });
  const columns = [
    column.accessor('name', {
      header: t('common.name'),
      meta: { sortKey: 'name' },
      cell: (c) => (
        <Anchor component={Link} to={`/crm/marketing/${c.row.original.id}`} size="sm" fw={600}>
          {c.getValue()}
        </Anchor>
      ),
    }),
    column.accessor('kind', {
      header: t('marketing.kindLabel'),
      cell: (c) => (
        <Badge size="xs" variant="light">
          {t(`marketing.kind.${c.getValue()}`)}
        </Badge>
      ),
    }),
    column.accessor('startsOn', {
      header: t('marketing.dates'),
      meta: { sortKey: 'startsOn' },
      cell: (c) =>
        c.row.original.endsOn === c.getValue()
          ? format.day(c.getValue())
          : `${format.day(c.getValue())} – ${format.day(c.row.original.endsOn)}`,
    }),
    column.accessor('location', { header: t('marketing.location') }),
  ];
  return (
    <>
      <Group justify="space-between" mb="sm">
        <FilterInput onChange={setQ} />
        {canWrite && (
          <Button onClick={() => setCreating(true)} data-testid="create-event">
            {t('marketing.createEvent')}
          </Button>
        )}
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(e) => e.id}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId="events-table"
      />
      <CursorPager list={list} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('marketing.createEvent')}>
        {creating && <EventForm onDone={() => setCreating(false)} />}
      </Modal>
    </>
  );
}

function firstOfYear() {
  return `${new Date().getFullYear()}-01-01`;
}

/** Which channel or event pays: per source, leads to won money against its cost, in one currency. */
function AttributionTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const currencies = useCurrencyOptions();
  const defaultCurrency = useDefaultCurrency();
  const [from, setFrom] = useState<string | null>(firstOfYear());
  const [to, setTo] = useState<string | null>(new Date().toISOString().slice(0, 10));
  const [currency, setCurrency] = useState<string | null>(null);
  const target = currency ?? defaultCurrency;
  const report = useQuery({
    queryKey: ['/attribution', from, to, target],
    queryFn: () =>
      api.get<{ currency: string; items: AttributionRow[] }>('/attribution', { from, to, currency: target }),
    enabled: !!from && !!to,
  });
  const rows = report.data?.items ?? [];
  const money = (amount: string) => format.money(amount, report.data?.currency ?? target);
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <DayInput label={t('marketing.from')} value={from} onChange={setFrom} w={160} clearable={false} />
        <DayInput label={t('marketing.to')} value={to} onChange={setTo} w={160} clearable={false} />
        <Select
          label={t('deals.currency')}
          w={200}
          searchable
          allowDeselect={false}
          data={currencies}
          value={target}
          onChange={setCurrency}
          data-testid="attribution-currency"
        />
      </Group>
      {report.error && <Alert color="red">{problemMessage(report.error)}</Alert>}
      {report.isLoading && <CenteredLoader />}
      {report.data && (
        <Table striped highlightOnHover withTableBorder data-testid="attribution-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('leads.source')}</Table.Th>
              <Table.Th>{t('marketing.sourceKind')}</Table.Th>
              <Table.Th ta="right">{t('marketing.leads')}</Table.Th>
              <Table.Th ta="right">{t('marketing.firstClients')}</Table.Th>
              <Table.Th ta="right">{t('marketing.deals')}</Table.Th>
              <Table.Th ta="right">{t('marketing.wonDeals')}</Table.Th>
              <Table.Th ta="right">{t('marketing.wonAmount')}</Table.Th>
              <Table.Th ta="right">{t('marketing.cost')}</Table.Th>
              <Table.Th ta="right">{t('marketing.returnOnCost')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.sourceId}>
                <Table.Td fw={600}>{r.name}</Table.Td>
                <Table.Td>{t(`sources.kind.${r.kind}`, { defaultValue: r.kind })}</Table.Td>
                <Table.Td ta="right">{r.leads}</Table.Td>
                <Table.Td ta="right">{r.firstClients}</Table.Td>
                <Table.Td ta="right">{r.deals}</Table.Td>
                <Table.Td ta="right">{r.wonDeals}</Table.Td>
                <Table.Td ta="right">{money(r.wonAmount)}</Table.Td>
                <Table.Td ta="right">{money(r.cost)}</Table.Td>
                <Table.Td ta="right">{r.returnOnCost ? `×${r.returnOnCost}` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {report.data && rows.length === 0 && (
        <Text c="dimmed" ta="center">
          {t('common.empty')}
        </Text>
      )}
      {rows.some((r) => r.unconverted.length > 0) && (
        <Alert color="yellow" variant="light">
          {t('marketing.unconverted', {
            list: rows
              .flatMap((r) =>
                r.unconverted.map(
                  (u) => `${r.name}: ${format.money(u.amount, u.currency)} (${format.day(u.on)})`,
                ),
              )
              .join('; '),
          })}
        </Alert>
      )}
    </Stack>
  );
}
