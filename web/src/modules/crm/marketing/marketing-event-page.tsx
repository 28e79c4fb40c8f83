import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { DayInput } from '../../../ui/day-input';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useFormat } from '../../../ui/format';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { maxLength, required } from '../../../ui/validators';
import { ClientSelect } from '../../parties/client-select';
import { useCurrencyOptions } from '../../reference/use-reference-options';
import type { Attendee, MarketingCost, MarketingEvent } from '../crm-types';
import { moneyText } from '../deals/deal-modal';
import { useDefaultCurrency } from '../use-client-records';
import { EventForm } from './event-form';

type EventCard = MarketingEvent & { attendees: Attendee[]; costs: MarketingCost[] };
const ATTENDEE_COLOR = { registered: 'blue', attended: 'teal', no_show: 'gray' } as const;

export function MarketingEventPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('crm:write');
  const canManage = useCan('crm:manage');
  const { eventId } = useParams({ strict: false }) as { eventId: string };
  const [editing, setEditing] = useState(false);
  const [costing, setCosting] = useState(false);
  const [attendee, setAttendee] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>('registered');
  const query = useQuery({
    queryKey: ['/marketing-events', eventId],
    queryFn: () => api.get<EventCard>(`/marketing-events/${eventId}`),
  });
  const register = useApiMutation(
    (clientId: string) => api.post<Attendee>(`/marketing-events/${eventId}/attendees`, { clientId, status }),
    { invalidate: ['/marketing-events'], success: t('common.saved'), onSuccess: () => setAttendee(null) },
  );
  // Archiving takes the event's source out of the pickers too, so the source lists are refreshed.
  const setArchived = useApiMutation(
    (archived: boolean) => api.post(`/marketing-events/${eventId}/${archived ? 'archive' : 'restore'}`),
    { invalidate: ['/marketing-events', '/sources'], success: t('common.saved') },
  );
  if (query.isLoading) return <CenteredLoader />;
  if (query.error || !query.data) return <Alert color="red">{problemMessage(query.error)}</Alert>;
  const event = query.data;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={3}>{event.name}</Title>
            <Badge variant="light">{t(`marketing.kind.${event.kind}`)}</Badge>
            {event.archivedAt && (
              <Badge variant="light" color="gray">
                {t('common.archived')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {format.day(event.startsOn)} – {format.day(event.endsOn)}
            {event.location ? ` · ${event.location}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          {canWrite && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {canManage && (
            <Button
              variant="default"
              loading={setArchived.isPending}
              onClick={() => setArchived.mutate(!event.archivedAt)}
              data-testid="event-archive"
            >
              {event.archivedAt ? t('common.restore') : t('common.archive')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="sm">
          <Text fw={700} mb="xs">
            {t('marketing.attendees')} ({event.attendees.length})
          </Text>
          {canWrite && (
            <Group gap="xs" align="flex-end" mb="sm">
              <ClientSelect w={240} label={t('deals.client')} value={attendee} onChange={setAttendee} />
              <Select
                w={150}
                label={t('common.status')}
                allowDeselect={false}
                data={(['registered', 'attended', 'no_show'] as const).map((s) => ({
                  value: s,
                  label: t(`marketing.attendeeStatus.${s}`),
                }))}
                value={status}
                onChange={setStatus}
              />
              <Button
                disabled={!attendee}
                onClick={() => attendee && register.mutate(attendee)}
                loading={register.isPending}
              >
                {t('marketing.register')}
              </Button>
            </Group>
          )}
          <Table striped data-testid="attendees-table">
            <Table.Tbody>
              {event.attendees.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.clientId && (
                      <Anchor component={Link} to={`/clients/${a.clientId}`} size="sm">
                        {t('marketing.attendeeClient')}
                      </Anchor>
                    )}
                    {a.leadId && (
                      <Anchor component={Link} to={`/crm/leads/${a.leadId}`} size="sm">
                        {t('marketing.attendeeLead')}
                      </Anchor>
                    )}
                    {!a.clientId && !a.leadId && a.contactId && t('marketing.attendeeContact')}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={ATTENDEE_COLOR[a.status]}>
                      {t(`marketing.attendeeStatus.${a.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format.day(a.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {event.attendees.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('common.empty')}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="sm">
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{t('marketing.costs')}</Text>
            {canWrite && (
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => setCosting(true)}
                data-testid="add-cost"
              >
                {t('marketing.addCost')}
              </Button>
            )}
          </Group>
          <Table striped data-testid="costs-table">
            <Table.Tbody>
              {event.costs.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{format.day(c.spentOn)}</Table.Td>
                  <Table.Td>{c.note}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {format.money(c.amount, c.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {event.costs.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('common.empty')}
            </Text>
          )}
        </Paper>
      </SimpleGrid>
      <Modal opened={editing} onClose={() => setEditing(false)} title={event.name}>
        {editing && <EventForm event={event} onDone={() => setEditing(false)} />}
      </Modal>
      <Modal opened={costing} onClose={() => setCosting(false)} title={t('marketing.addCost')}>
        {costing && <CostForm sourceId={event.sourceId} onDone={() => setCosting(false)} />}
      </Modal>
    </Stack>
  );
}

function CostForm({ sourceId, onDone }: { sourceId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const currencies = useCurrencyOptions();
  const defaultCurrency = useDefaultCurrency();
  const form = useForm(
    {
      spentOn: new Date().toISOString().slice(0, 10) as string | null,
      amount: '',
      currency: null as string | null,
      note: '',
    },
    { spentOn: [required], amount: [required, moneyText], note: [maxLength(500)] },
  );
  const save = useApiMutation(
    (v: typeof form.values) =>
      api.post<MarketingCost>('/marketing-costs', {
        sourceId,
        spentOn: v.spentOn,
        amount: v.amount.trim(),
        currency: v.currency ?? defaultCurrency,
        note: v.note.trim() || null,
      }),
    {
      invalidate: ['/marketing-events', '/marketing-costs'],
      success: t('common.saved'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <SimpleGrid cols={3} spacing="sm">
          <DayInput label={t('marketing.spentOn')} required {...form.field('spentOn')} />
          <TextInput label={t('deals.amount')} required inputMode="decimal" {...form.text('amount')} />
          <Select
            label={t('deals.currency')}
            searchable
            placeholder={defaultCurrency}
            data={currencies}
            {...form.field('currency')}
          />
        </SimpleGrid>
        <Textarea label={t('marketing.note')} autosize minRows={2} {...form.text('note')} />
        <FormButtons onCancel={onDone} pending={save.isPending} creating />
      </Stack>
    </form>
  );
}
