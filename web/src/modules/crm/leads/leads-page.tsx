import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { CursorPager } from '../../../ui/cursor-pager';
import { DataTable } from '../../../ui/data-table';
import { FilterInput } from '../../../ui/filter-input';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useUserOptions } from '../../users/use-user-options';
import type { Lead } from '../crm-types';
import { useSourceOptions } from '../use-crm-options';
import { DisqualifyModal, LeadCreateModal, leadName, QualifyModal } from './lead-modals';

const STATUS_COLOR = { new: 'blue', qualified: 'teal', disqualified: 'gray' } as const;
const STATUSES = ['new', 'qualified', 'disqualified', 'all'] as const;
const column = createColumnHelper<Lead>();

export function LeadsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const canWrite = useCan('crm:write');
  const sources = useSourceOptions();
  const search = useSearch({ strict: false }) as { status?: string };
  const { leadId } = useParams({ strict: false }) as { leadId?: string };
  const [status, setStatus] = useState<string>(search.status ?? 'new');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [qualifying, setQualifying] = useState<Lead | null>(null);
  const [disqualifying, setDisqualifying] = useState<Lead | null>(null);
  const list = useCursorList<Lead>('/leads', { status: status === 'all' ? undefined : status, q });

  const columns = [
    column.display({
      id: 'name',
      header: t('common.name'),
      cell: ({ row }) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/crm/leads/${row.original.id}`} size="sm" fw={600}>
            {leadName(row.original)}
          </Anchor>
          {row.original.contactName && row.original.clientName && (
            <Text size="xs" c="dimmed">
              {row.original.clientName}
            </Text>
          )}
        </Stack>
      ),
    }),
    column.accessor('email', { header: t('auth.email') }),
    column.accessor('phone', { header: t('clients.phone') }),
    column.accessor('sourceId', { header: t('leads.source'), cell: (c) => sources.nameOf(c.getValue()) }),
    column.accessor('message', {
      header: t('leads.message'),
      cell: (c) => (
        <Text size="sm" lineClamp={1} maw={280}>
          {c.getValue()}
        </Text>
      ),
    }),
    column.accessor('status', {
      header: t('common.status'),
      cell: (c) => (
        <Badge size="xs" variant="light" color={STATUS_COLOR[c.getValue()]}>
          {t(`leads.status.${c.getValue()}`)}
        </Badge>
      ),
    }),
    column.accessor('createdAt', { header: t('common.created'), cell: (c) => format.dateTime(c.getValue()) }),
    column.display({
      id: 'actions',
      header: '',
      meta: { align: 'right' },
      cell: ({ row }) =>
        canWrite &&
        row.original.status === 'new' && (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="compact-xs" onClick={() => setQualifying(row.original)} data-testid="lead-qualify">
              {t('leads.qualify')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => setDisqualifying(row.original)}
              data-testid="lead-disqualify"
            >
              {t('leads.disqualify')}
            </Button>
          </Group>
        ),
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        description={t('leads.description')}
        actions={
          canWrite && (
            <Button onClick={() => setCreating(true)} data-testid="create-lead">
              {t('leads.create')}
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
            label: s === 'all' ? t('common.all') : t(`leads.status.${s}`),
          }))}
          data-testid="lead-status"
        />
        <FilterInput onChange={setQ} placeholder={t('leads.filter')} />
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(l) => l.id}
        loading={list.isLoading}
        error={list.error}
        testId="leads-table"
      />
      <CursorPager list={list} />
      <LeadCreateModal opened={creating} onClose={() => setCreating(false)} />
      <QualifyModal lead={qualifying} onClose={() => setQualifying(null)} />
      <DisqualifyModal lead={disqualifying} onClose={() => setDisqualifying(null)} />
      {leadId && (
        <LeadDetails
          leadId={leadId}
          onClose={() => void navigate({ to: '/crm/leads' as string })}
          onQualify={setQualifying}
          onDisqualify={setDisqualifying}
        />
      )}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </Stack>
  );
}

/** One lead, opened from a notification or the list. */
function LeadDetails({
  leadId,
  onClose,
  onQualify,
  onDisqualify,
}: {
  leadId: string;
  onClose: () => void;
  onQualify: (lead: Lead) => void;
  onDisqualify: (lead: Lead) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('crm:write');
  const sources = useSourceOptions();
  const users = useUserOptions();
  const lead = useQuery({ queryKey: ['/leads', leadId], queryFn: () => api.get<Lead>(`/leads/${leadId}`) });
  const l = lead.data;
  return (
    <Modal opened onClose={onClose} title={l ? leadName(l) : t('leads.title')} size="lg">
      {!l ? (
        lead.error ? (
          <Text c="red">{t('leads.notFound')}</Text>
        ) : (
          <CenteredLoader />
        )
      ) : (
        <Stack gap="sm" data-testid="lead-details">
          <SimpleGrid cols={2} spacing="sm">
            <Fact label={t('leads.person')}>{l.contactName}</Fact>
            <Fact label={t('leads.company')}>{l.clientName}</Fact>
            <Fact label={t('auth.email')}>{l.email}</Fact>
            <Fact label={t('clients.phone')}>{l.phone}</Fact>
            <Fact label={t('leads.source')}>{sources.nameOf(l.sourceId)}</Fact>
            <Fact label={t('leads.responsible')}>{users.nameOf(l.responsibleUserId)}</Fact>
            <Fact label={t('common.status')}>{t(`leads.status.${l.status}`)}</Fact>
            <Fact label={t('common.created')}>{format.dateTime(l.createdAt)}</Fact>
          </SimpleGrid>
          <Fact label={t('leads.message')}>{l.message}</Fact>
          {l.disqualifyReason && <Fact label={t('leads.disqualifyReason')}>{l.disqualifyReason}</Fact>}
          <Group gap="xs">
            {l.clientId && (
              <Anchor component={Link} to={`/clients/${l.clientId}`} size="sm">
                {t('leads.openClient')}
              </Anchor>
            )}
            {l.dealId && (
              <Anchor component={Link} to={`/crm/deals/${l.dealId}`} size="sm">
                {t('leads.openDeal')}
              </Anchor>
            )}
          </Group>
          {canWrite && l.status === 'new' && (
            <Group justify="flex-end">
              <Button variant="subtle" color="red" onClick={() => onDisqualify(l)}>
                {t('leads.disqualify')}
              </Button>
              <Button onClick={() => onQualify(l)}>{t('leads.qualify')}</Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}
