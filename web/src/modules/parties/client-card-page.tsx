import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Page, problemMessage } from '../../api/client';
import { can } from '../../auth/can';
import { isModuleEnabled, useMe } from '../../auth/me';
import { CenteredLoader } from '../../ui/centered-loader';
import { DataTable } from '../../ui/data-table';
import { useFormat } from '../../ui/format';
import { ChevronDownIcon, PlusIcon } from '../../ui/icons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { formatAddress } from '../companies/company-types';
import { InteractionModal, type InteractionTarget } from '../crm/activities/interaction-modal';
import { type TaskLinks, TaskModal } from '../crm/activities/task-modal';
import type { Deal } from '../crm/crm-types';
import { DealModal, type DealTarget } from '../crm/deals/deal-modal';
import { FirstSourceFact } from '../crm/marketing/first-source-fact';
import { ArchivedBadge } from '../reference/archived-badge';
import { useUserOptions } from '../users/use-user-options';
import { ClientModal } from './client-modal';
import { ClientTimeline } from './client-timeline';
import { ContactsPanel } from './contacts-panel';
import { CounterpartiesPanel } from './counterparties-panel';
import { MergeModal } from './merge-modal';
import type { ClientCard } from './party-types';
import { useCustomFields, useIndustryOptions } from './use-party-options';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </Stack>
  );
}

/** The client card: who they are, who signs for them, who we talk to, what we sell, what happened. */
export function ClientCardPage() {
  const { t } = useTranslation();
  const { clientId } = useParams({ strict: false }) as { clientId: string };
  const query = useQuery({
    queryKey: [`/clients/${clientId}`],
    queryFn: () => api.get<ClientCard>(`/clients/${clientId}`),
  });
  if (query.isLoading) return <CenteredLoader />;
  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <Alert color="yellow" title={t('clients.notFound')} maw={560} data-testid="client-not-found">
        {t('clients.notFoundText')}
      </Alert>
    );
  if (query.error || !query.data) return <Alert color="red">{problemMessage(query.error)}</Alert>;
  return <ClientCardView client={query.data} />;
}

function ClientCardView({ client }: { client: ClientCard }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const format = useFormat();
  const users = useUserOptions();
  const industries = useIndustryOptions();
  const fields = useCustomFields('client');
  const crm = isModuleEnabled(me, 'crm') && can(me.permissions, 'crm:read');
  const crmWrite = crm && can(me.permissions, 'crm:write');
  const canWrite = can(me.permissions, 'parties:write');
  const canMerge = can(me.permissions, 'parties:merge');
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [interaction, setInteraction] = useState<InteractionTarget | null>(null);
  const [taskLinks, setTaskLinks] = useState<TaskLinks | null>(null);
  const [deal, setDeal] = useState<DealTarget>(null);
  const archive = useApiMutation(
    (archived: boolean) => api.post(`/clients/${client.id}/${archived ? 'archive' : 'restore'}`),
    { invalidate: [`/clients/${client.id}`, '/clients'], success: t('common.saved') },
  );

  return (
    <Stack gap="md" data-testid="client-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3} data-testid="client-card-name">
              {client.name}
            </Title>
            <Badge variant="light" size="sm">
              {t(`clients.kind.${client.kind}`)}
            </Badge>
            <ArchivedBadge archivedAt={client.archivedAt} />
          </Group>
          <Text size="sm" c="dimmed" data-testid="client-card-responsible">
            {t('clients.responsibleManager')}: <b>{users.nameOf(client.responsibleUserId)}</b>
          </Text>
        </Stack>
        <Group gap="xs">
          {crmWrite && !client.archivedAt && (
            <>
              <Button
                size="sm"
                variant="light"
                onClick={() => setInteraction({ clientId: client.id, kind: 'call_out' })}
                data-testid="quick-call"
              >
                {t('clients.quick.call')}
              </Button>
              <Button
                size="sm"
                variant="light"
                onClick={() => setInteraction({ clientId: client.id, kind: 'meeting' })}
                data-testid="quick-meeting"
              >
                {t('clients.quick.meeting')}
              </Button>
              <Button
                size="sm"
                variant="light"
                onClick={() => setInteraction({ clientId: client.id, kind: 'note' })}
                data-testid="quick-note"
              >
                {t('clients.quick.note')}
              </Button>
              <Button
                size="sm"
                variant="light"
                onClick={() => setTaskLinks({ clientId: client.id })}
                data-testid="quick-task"
              >
                {t('clients.quick.task')}
              </Button>
              <Button
                size="sm"
                leftSection={<PlusIcon />}
                onClick={() => setDeal({ clientId: client.id })}
                data-testid="quick-deal"
              >
                {t('clients.quick.deal')}
              </Button>
            </>
          )}
          {(canWrite || canMerge) && (
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <Button
                  variant="default"
                  rightSection={<ChevronDownIcon size={14} />}
                  data-testid="client-menu"
                >
                  {t('clients.more')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {canWrite && (
                  <Menu.Item onClick={() => setEditing(true)} data-testid="client-edit">
                    {t('common.edit')}
                  </Menu.Item>
                )}
                {canMerge && !client.archivedAt && (
                  <Menu.Item onClick={() => setMerging(true)} data-testid="client-merge">
                    {t('clients.merge')}
                  </Menu.Item>
                )}
                {canWrite && (
                  <Menu.Item
                    color={client.archivedAt ? undefined : 'red'}
                    onClick={() => archive.mutate(!client.archivedAt)}
                  >
                    {client.archivedAt ? t('common.restore') : t('common.archive')}
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>

      {client.mergedIntoId && (
        <Alert color="orange" variant="light">
          {t('clients.mergedInto')}{' '}
          <Anchor component={Link} to={`/clients/${client.mergedIntoId}`}>
            {t('clients.openSurvivor')}
          </Anchor>
        </Alert>
      )}

      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
          <Fact label={t('auth.email')} testId="fact-email">
            {client.email}
          </Fact>
          <Fact label={t('clients.phone')}>{client.phone}</Fact>
          <Fact label={t('clients.website')}>{client.website}</Fact>
          <Fact label={t('clients.industry')}>{industries.nameOf(client.industryId)}</Fact>
          <Fact label={t('clients.tags')}>
            {client.tags.length > 0 && (
              <Group gap={4} component="span">
                {client.tags.map((tag) => (
                  <Badge key={tag} size="xs" variant="light" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
          </Fact>
          <Fact label={t('common.created')}>{format.day(client.createdAt)}</Fact>
          {crm && <FirstSourceFact clientId={client.id} editable={crmWrite && !client.archivedAt} />}
          <Fact label={t('companies.address')}>{formatAddress(client.address)}</Fact>
          {fields.map((f) => (
            <Fact key={f.id} label={f.label}>
              {client.custom[f.key] === undefined || client.custom[f.key] === null
                ? ''
                : f.type === 'date'
                  ? format.day(String(client.custom[f.key]))
                  : String(client.custom[f.key])}
            </Fact>
          ))}
          {client.notes && <Fact label={t('clients.notes')}>{client.notes}</Fact>}
        </SimpleGrid>
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Tabs defaultValue={crm ? 'deals' : 'contacts'} keepMounted={false}>
            <Tabs.List mb="sm">
              {crm && (
                <Tabs.Tab value="deals" data-testid="tab-deals">
                  {t('clients.tabs.deals')}
                </Tabs.Tab>
              )}
              <Tabs.Tab value="contacts" data-testid="tab-contacts">
                {t('clients.tabs.contacts')} ({client.contacts.length})
              </Tabs.Tab>
              <Tabs.Tab value="counterparties" data-testid="tab-counterparties">
                {t('clients.tabs.counterparties')} ({client.counterparties.length})
              </Tabs.Tab>
            </Tabs.List>
            {crm && (
              <Tabs.Panel value="deals">
                <ClientDeals
                  clientId={client.id}
                  onOpen={(id) => void navigate({ to: `/crm/deals/${id}` })}
                />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="contacts">
              <ContactsPanel clientId={client.id} contacts={client.contacts} canWrite={canWrite} />
            </Tabs.Panel>
            <Tabs.Panel value="counterparties">
              <CounterpartiesPanel clientId={client.id} canWrite={canWrite} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ClientTimeline clientId={client.id} crmEnabled={crm} />
        </Grid.Col>
      </Grid>

      <ClientModal target={editing ? client : null} onClose={() => setEditing(false)} />
      <MergeModal
        client={merging ? client : null}
        onClose={() => setMerging(false)}
        onMerged={(into) => void navigate({ to: `/clients/${into}` })}
      />
      {crmWrite && (
        <>
          <InteractionModal target={interaction} onClose={() => setInteraction(null)} />
          <TaskModal links={taskLinks} onClose={() => setTaskLinks(null)} />
          <DealModal target={deal} onClose={() => setDeal(null)} />
        </>
      )}
    </Stack>
  );
}

const dealColumn = createColumnHelper<Deal>();

function ClientDeals({ clientId, onOpen }: { clientId: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const deals = useQuery({
    queryKey: ['/deals', { clientId, status: 'open' }],
    queryFn: () => api.get<Page<Deal>>('/deals', { clientId, status: 'open', limit: 100 }),
  });
  const columns = [
    dealColumn.accessor('title', {
      header: t('deals.titleLabel'),
      cell: (c) => (
        <Anchor size="sm" fw={600} onClick={() => onOpen(c.row.original.id)}>
          {c.getValue()}
        </Anchor>
      ),
    }),
    dealColumn.accessor('stageName', { header: t('deals.stage') }),
    dealColumn.accessor('amount', {
      header: t('deals.amount'),
      meta: { align: 'right' },
      cell: (c) => format.money(c.getValue(), c.row.original.currency),
    }),
    dealColumn.accessor('expectedClose', {
      header: t('deals.expectedClose'),
      cell: (c) => format.day(c.getValue()),
    }),
    dealColumn.accessor('responsibleName', { header: t('deals.responsible') }),
  ];
  return (
    <DataTable
      data={deals.data?.items ?? []}
      columns={columns}
      getRowId={(d) => d.id}
      loading={deals.isLoading}
      error={deals.error}
      testId="client-deals-table"
    />
  );
}
