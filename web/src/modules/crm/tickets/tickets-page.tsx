import {
  Badge,
  Button,
  Group,
  Modal,
  Rating,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CursorPager } from '../../../ui/cursor-pager';
import { DataTable } from '../../../ui/data-table';
import { FilterInput } from '../../../ui/filter-input';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useForm } from '../../../ui/use-form';
import { maxLength, required } from '../../../ui/validators';
import { ClientSelect } from '../../parties/client-select';
import type { Client } from '../../parties/party-types';

type TicketStatus = 'new' | 'in_progress' | 'waiting' | 'resolved' | 'closed';
type Priority = 'low' | 'normal' | 'high' | 'urgent';

/** A claim or ticket as GET /tickets returns it. */
export interface Ticket {
  id: string;
  kind: 'claim' | 'ticket';
  subject: string;
  description: string | null;
  category: string | null;
  priority: Priority;
  status: TicketStatus;
  channel: string;
  clientId: string;
  contactId: string | null;
  dealId: string | null;
  responsibleUserId: string;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  escalatedAt: string | null;
  waitingSince: string | null;
  resolution: string | null;
  satisfaction: number | null;
  createdAt: string;
}

const STATUS_COLOR: Record<TicketStatus, string> = {
  new: 'blue',
  in_progress: 'indigo',
  waiting: 'yellow',
  resolved: 'teal',
  closed: 'gray',
};
const PRIORITY_COLOR: Record<Priority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};
const STATUSES = ['all', 'new', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
const KINDS = ['all', 'claim', 'ticket'] as const;
const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
/** Where a ticket may go from each status, as the server allows; closed is final. */
const NEXT: Record<TicketStatus, Exclude<TicketStatus, 'new'>[]> = {
  new: ['in_progress', 'waiting', 'resolved'],
  in_progress: ['waiting', 'resolved'],
  waiting: ['in_progress', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};
const DONE: TicketStatus[] = ['resolved', 'closed'];
const column = createColumnHelper<Ticket>();

/** Claims and tickets: who complained, how urgent, and whether the resolution target holds. */
export function TicketsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('crm:write');
  const [status, setStatus] = useState<string>('all');
  const [kind, setKind] = useState<string>('all');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [working, setWorking] = useState<Ticket | null>(null);
  const list = useCursorList<Ticket>('/tickets', {
    status: status === 'all' ? undefined : status,
    kind: kind === 'all' ? undefined : kind,
    q,
  });
  const now = new Date();

  const columns = [
    column.accessor('subject', {
      header: t('tickets.subject'),
      cell: (c) => (
        <Text size="sm" fw={600} lineClamp={1} maw={320}>
          {c.getValue()}
        </Text>
      ),
    }),
    column.accessor('kind', {
      header: t('tickets.kindLabel'),
      cell: (c) => t(`tickets.kind.${c.getValue()}`),
    }),
    column.accessor('clientId', {
      header: t('tickets.client'),
      cell: (c) => <ClientName id={c.getValue()} />,
    }),
    column.accessor('priority', {
      header: t('tickets.priorityLabel'),
      cell: (c) => (
        <Badge size="xs" variant="light" color={PRIORITY_COLOR[c.getValue()]}>
          {t(`tickets.priority.${c.getValue()}`)}
        </Badge>
      ),
    }),
    column.accessor('status', {
      header: t('common.status'),
      cell: (c) => (
        <Badge size="xs" variant="light" color={STATUS_COLOR[c.getValue()]} data-testid="ticket-status">
          {t(`tickets.status.${c.getValue()}`)}
        </Badge>
      ),
    }),
    column.accessor('resolutionDueAt', {
      header: t('tickets.resolutionDue'),
      cell: ({ row }) => {
        const due = row.original.resolutionDueAt;
        if (!due) return '—';
        const late = new Date(due) < now && !DONE.includes(row.original.status);
        return (
          <Text
            size="sm"
            c={late ? 'red' : undefined}
            fw={late ? 700 : undefined}
            data-late={late || undefined}
          >
            {format.dateTime(due)}
          </Text>
        );
      },
    }),
    column.accessor('waitingSince', {
      header: t('tickets.waitingSince'),
      cell: (c) => (c.getValue() ? format.dateTime(c.getValue() as string) : '—'),
    }),
    column.display({
      id: 'actions',
      header: '',
      meta: { align: 'right' },
      cell: ({ row }) =>
        canWrite &&
        NEXT[row.original.status].length > 0 && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => setWorking(row.original)}
            data-testid="ticket-work"
          >
            {t('tickets.changeStatus')}
          </Button>
        ),
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        description={t('tickets.description')}
        actions={
          canWrite && (
            <Button onClick={() => setCreating(true)} data-testid="create-ticket">
              {t('tickets.create')}
            </Button>
          )
        }
      />
      <Group mb="sm" gap="sm">
        <SegmentedControl
          size="xs"
          value={status}
          onChange={setStatus}
          data={STATUSES.map((s) => ({
            value: s,
            label: s === 'all' ? t('common.all') : t(`tickets.status.${s}`),
          }))}
          data-testid="ticket-status-filter"
        />
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={setKind}
          data={KINDS.map((k) => ({
            value: k,
            label: k === 'all' ? t('common.all') : t(`tickets.kind.${k}`),
          }))}
          data-testid="ticket-kind-filter"
        />
        <FilterInput onChange={setQ} placeholder={t('tickets.filter')} />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(x) => x.id}
        loading={list.isLoading}
        error={list.error}
        testId="tickets-table"
      />
      <CursorPager list={list} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('tickets.create')} size="lg">
        {creating && <TicketCreateForm onDone={() => setCreating(false)} />}
      </Modal>
      <Modal
        opened={!!working}
        onClose={() => setWorking(null)}
        title={working ? working.subject : t('tickets.changeStatus')}
      >
        {working && <TicketStatusForm ticket={working} onDone={() => setWorking(null)} />}
      </Modal>
    </>
  );
}

/** The client's name, linked to its card; one cached request per client. */
function ClientName({ id }: { id: string }) {
  const client = useQuery({
    queryKey: ['/clients', id],
    queryFn: () => api.get<Client>(`/clients/${id}`),
    staleTime: 5 * 60_000,
  });
  return (
    <Text component={Link} to={`/clients/${id}`} size="sm" c="blue">
      {client.data?.name ?? '…'}
    </Text>
  );
}

function TicketCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm(
    {
      subject: '',
      kind: 'claim' as 'claim' | 'ticket',
      clientId: null as string | null,
      priority: 'normal' as Priority,
      category: '',
      description: '',
    },
    {
      subject: [required, maxLength(200)],
      clientId: [required],
      category: [maxLength(100)],
      description: [maxLength(10000)],
    },
  );
  const create = useApiMutation(
    (v: typeof form.values) =>
      api.post<Ticket>('/tickets', {
        subject: v.subject.trim(),
        kind: v.kind,
        clientId: v.clientId,
        priority: v.priority,
        category: v.category.trim() || null,
        description: v.description.trim() || null,
      }),
    {
      invalidate: ['/tickets'],
      success: t('tickets.created'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <SegmentedControl
          value={form.values.kind}
          onChange={(v) => form.setValue('kind', v as 'claim' | 'ticket')}
          data={[
            { value: 'claim', label: t('tickets.kind.claim') },
            { value: 'ticket', label: t('tickets.kind.ticket') },
          ]}
          data-testid="ticket-kind"
        />
        <TextInput
          label={t('tickets.subject')}
          required
          {...form.text('subject')}
          data-testid="ticket-subject"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <ClientSelect
            label={t('tickets.client')}
            required
            value={form.values.clientId}
            onChange={(id) => form.setValue('clientId', id)}
            error={form.errorText('clientId')}
            data-testid="ticket-client"
          />
          <Select
            label={t('tickets.priorityLabel')}
            allowDeselect={false}
            data={PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
            value={form.values.priority}
            onChange={(v) => v && form.setValue('priority', v as Priority)}
            data-testid="ticket-priority"
          />
        </SimpleGrid>
        <TextInput label={t('tickets.category')} {...form.text('category')} data-testid="ticket-category" />
        <Textarea label={t('tickets.descriptionLabel')} autosize minRows={2} {...form.text('description')} />
        <FormButtons onCancel={onDone} pending={create.isPending} creating />
      </Stack>
    </form>
  );
}

function TicketStatusForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t } = useTranslation();
  const choices = NEXT[ticket.status];
  const form = useForm(
    {
      status: choices[0] as string,
      resolution: ticket.resolution ?? '',
      satisfaction: ticket.satisfaction ?? 0,
    },
    {
      resolution: [
        (value, values) =>
          values.status === 'resolved' && !String(value).trim() ? { key: 'validation.required' } : null,
        maxLength(10000),
      ],
    },
  );
  const move = useApiMutation(
    (v: typeof form.values) =>
      api.post<Ticket>(`/tickets/${ticket.id}/status`, {
        status: v.status,
        ...(v.status === 'resolved' ? { resolution: v.resolution.trim() } : {}),
        ...(v.satisfaction > 0 ? { satisfaction: v.satisfaction } : {}),
      }),
    { invalidate: ['/tickets'], success: t('tickets.moved'), onSuccess: onDone, onError: form.applyProblem },
  );
  return (
    <form onSubmit={form.onSubmit((v) => move.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <Text size="sm" c="dimmed">
          {t('tickets.currentStatus', { status: t(`tickets.status.${ticket.status}`) })}
        </Text>
        <SegmentedControl
          value={form.values.status}
          onChange={(v) => form.setValue('status', v)}
          data={choices.map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))}
          data-testid="ticket-next-status"
        />
        {form.values.status === 'resolved' && (
          <Textarea
            label={t('tickets.resolution')}
            required
            autosize
            minRows={3}
            {...form.text('resolution')}
            data-testid="ticket-resolution"
          />
        )}
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('tickets.satisfaction')}
          </Text>
          <Rating
            value={form.values.satisfaction}
            onChange={(v) => form.setValue('satisfaction', v)}
            data-testid="ticket-satisfaction"
          />
        </Stack>
        <FormButtons
          onCancel={onDone}
          pending={move.isPending}
          creating={false}
          label={t('tickets.changeStatus')}
        />
      </Stack>
    </form>
  );
}
