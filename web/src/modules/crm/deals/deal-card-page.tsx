import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Menu,
  Modal,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, problemMessage } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { FormButtons } from '../../../ui/form-buttons';
import { useFormat } from '../../../ui/format';
import { ChevronDownIcon } from '../../../ui/icons';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { contactName } from '../../parties/party-types';
import { InteractionModal, type InteractionTarget } from '../activities/interaction-modal';
import { type TaskLinks, TaskModal } from '../activities/task-modal';
import type { DealCard, Pipeline } from '../crm-types';
import { useContactOptions } from '../use-client-records';
import { useSourceOptions } from '../use-crm-options';
import { DealModal } from './deal-modal';
import { LoseModal } from './lose-modal';
import { MissingDialog } from './missing-dialog';
import { useMoveDeal } from './move-deal';

const STATUS_COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;

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

export function DealCardPage() {
  const { t } = useTranslation();
  const { dealId } = useParams({ strict: false }) as { dealId: string };
  const query = useQuery({
    queryKey: [`/deals/${dealId}`],
    queryFn: () => api.get<DealCard>(`/deals/${dealId}`),
  });
  if (query.isLoading) return <CenteredLoader />;
  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <Alert color="yellow" title={t('deals.notFound')} maw={560} data-testid="deal-not-found">
        {t('deals.notFoundText')}
      </Alert>
    );
  if (query.error || !query.data) return <Alert color="red">{problemMessage(query.error)}</Alert>;
  return <DealView deal={query.data} />;
}

function DealView({ deal }: { deal: DealCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('crm:write');
  const sources = useSourceOptions();
  const pipeline = useQuery({
    queryKey: ['/pipelines', deal.pipelineId],
    queryFn: () => api.get<Pipeline>(`/pipelines/${deal.pipelineId}`),
  });
  const { move, refused, dismiss } = useMoveDeal();
  const [editing, setEditing] = useState(false);
  const [losing, setLosing] = useState(false);
  const [contactsOpen, setContactsOpen] = useState(false);
  const [interaction, setInteraction] = useState<InteractionTarget | null>(null);
  const [taskLinks, setTaskLinks] = useState<TaskLinks | null>(null);
  const invalidate = ['/deals', `/deals/${deal.id}`, '/pipelines', `/clients/${deal.clientId}/timeline`];
  const win = useApiMutation(() => api.post<DealCard>(`/deals/${deal.id}/win`), {
    invalidate,
    success: t('deals.wonMessage'),
  });
  const lose = useApiMutation(
    (v: { lossReasonId: string; note: string }) =>
      api.post<DealCard>(`/deals/${deal.id}/lose`, {
        lossReasonId: v.lossReasonId,
        ...(v.note ? { note: v.note } : {}),
      }),
    { invalidate, success: t('deals.lostMessage'), onSuccess: () => setLosing(false) },
  );
  const stages = pipeline.data?.stages ?? [];
  const moveTo = (stageId: string) => {
    const stage = stages.find((s) => s.id === stageId);
    if (!stage) return;
    if (stage.outcome === 'lost') return setLosing(true);
    void move({
      dealId: deal.id,
      dealTitle: deal.title,
      clientId: deal.clientId,
      stageId,
      stageName: stage.name,
    });
  };
  const open = deal.status === 'open';

  return (
    <Stack gap="md" data-testid="deal-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3}>{deal.title}</Title>
            <Badge color={STATUS_COLOR[deal.status]} variant="light" data-testid="deal-status">
              {t(`deals.status.${deal.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/clients/${deal.clientId}`} size="sm">
              {deal.clientName}
            </Anchor>
            {' · '}
            {deal.pipeline.name} → <b data-testid="deal-stage">{deal.stage.name}</b> ({deal.stage.probability}
            %)
          </Text>
        </Stack>
        {canWrite && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)} data-testid="deal-edit">
              {t('common.edit')}
            </Button>
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <Button
                  variant="default"
                  rightSection={<ChevronDownIcon size={14} />}
                  data-testid="deal-move"
                >
                  {t('deals.moveTo')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {stages
                  .filter((s) => s.id !== deal.stageId)
                  .map((s) => (
                    <Menu.Item
                      key={s.id}
                      onClick={() => moveTo(s.id)}
                      data-testid={`deal-move-${s.position}`}
                    >
                      {s.name}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
            {open && (
              <>
                <Button
                  color="teal"
                  loading={win.isPending}
                  onClick={() => win.mutate(undefined)}
                  data-testid="deal-win"
                >
                  {t('deals.win')}
                </Button>
                <Button color="red" variant="light" onClick={() => setLosing(true)} data-testid="deal-lose">
                  {t('deals.lose')}
                </Button>
              </>
            )}
          </Group>
        )}
      </Group>

      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label={t('deals.amount')} testId="deal-amount-fact">
            {format.money(deal.amount, deal.currency)}
          </Fact>
          <Fact label={t('deals.expectedClose')}>{format.day(deal.expectedClose)}</Fact>
          <Fact label={t('deals.responsible')}>{deal.responsibleName}</Fact>
          <Fact label={t('deals.source')}>{sources.nameOf(deal.sourceId)}</Fact>
          <Fact label={t('common.created')}>{format.dateTime(deal.createdAt)}</Fact>
          <Fact label={t('deals.closedAt')}>{format.dateTime(deal.closedAt)}</Fact>
          {deal.lossReason && <Fact label={t('deals.lossReason')}>{deal.lossReason.name}</Fact>}
          {deal.lossNote && <Fact label={t('deals.lossNote')}>{deal.lossNote}</Fact>}
        </SimpleGrid>
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Text fw={700}>{t('deals.contacts')}</Text>
              {canWrite && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => setContactsOpen(true)}
                  data-testid="deal-contacts-edit"
                >
                  {t('common.edit')}
                </Button>
              )}
            </Group>
            {deal.contacts.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('deals.noContacts')}
              </Text>
            )}
            <Stack gap={6} data-testid="deal-contacts">
              {deal.contacts.map((c) => (
                <Stack key={c.contactId} gap={0}>
                  <Text size="sm" fw={600}>
                    {contactName(c)}
                    {c.role && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {c.role}
                      </Text>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[...c.phones, ...c.emails].join(' · ')}
                  </Text>
                </Stack>
              ))}
            </Stack>
            {canWrite && (
              <Group gap="xs" mt="sm">
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() =>
                    setInteraction({ clientId: deal.clientId, kind: 'meeting', dealId: deal.id })
                  }
                >
                  {t('interactions.log')}
                </Button>
                <Button size="compact-xs" variant="default" onClick={() => setTaskLinks({ dealId: deal.id })}>
                  {t('tasks.create')}
                </Button>
              </Group>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="sm">
            <Text fw={700} mb="xs">
              {t('deals.history')}
            </Text>
            <Table data-testid="deal-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deals.stage')}</Table.Th>
                  <Table.Th>{t('deals.entered')}</Table.Th>
                  <Table.Th>{t('deals.left')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deal.history.map((h) => (
                  <Table.Tr key={h.id}>
                    <Table.Td fw={600}>{h.stageName}</Table.Td>
                    <Table.Td>
                      {format.dateTime(h.enteredAt)}
                      <Text size="xs" c="dimmed">
                        {h.enteredByName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {format.dateTime(h.leftAt) || '—'}
                      <Text size="xs" c="dimmed">
                        {h.leftByName}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
      </Grid>

      <DealModal target={editing ? deal : null} onClose={() => setEditing(false)} />
      <LoseModal
        opened={losing}
        title={deal.title}
        pending={lose.isPending}
        onClose={() => setLosing(false)}
        onConfirm={(lossReasonId, note) => lose.mutate({ lossReasonId, note })}
      />
      <MissingDialog
        refused={refused}
        onClose={dismiss}
        onRetry={() => refused && void move(refused.request)}
      />
      <DealContactsModal deal={deal} opened={contactsOpen} onClose={() => setContactsOpen(false)} />
      <InteractionModal target={interaction} onClose={() => setInteraction(null)} />
      <TaskModal links={taskLinks} onClose={() => setTaskLinks(null)} />
    </Stack>
  );
}

function DealContactsModal({
  deal,
  opened,
  onClose,
}: {
  deal: DealCard;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const options = useContactOptions(opened ? deal.clientId : null);
  const [ids, setIds] = useState<string[]>(deal.contacts.map((c) => c.contactId));
  const save = useApiMutation(
    (contactIds: string[]) =>
      api.put<DealCard>(`/deals/${deal.id}/contacts`, {
        contacts: contactIds.map((contactId) => ({
          contactId,
          role: deal.contacts.find((c) => c.contactId === contactId)?.role ?? null,
        })),
      }),
    { invalidate: [`/deals/${deal.id}`], success: t('common.saved'), onSuccess: onClose },
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('deals.contacts')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(ids);
        }}
      >
        <Stack gap="sm">
          <MultiSelect label={t('deals.contacts')} data={options} value={ids} onChange={setIds} searchable />
          <FormButtons onCancel={onClose} pending={save.isPending} creating={false} />
        </Stack>
      </form>
    </Modal>
  );
}
