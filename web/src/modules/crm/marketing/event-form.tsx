import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { DayInput } from '../../../ui/day-input';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { type Check, maxLength, required } from '../../../ui/validators';
import type { MarketingEvent } from '../crm-types';

const EVENT_KINDS = ['exhibition', 'seminar', 'webinar', 'other'] as const;

const endAfterStart: Check<string | null> = (end, values) =>
  end && values.startsOn && end < String(values.startsOn) ? { key: 'marketing.endBeforeStart' } : null;

export function EventForm({ event, onDone }: { event?: MarketingEvent; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm(
    {
      name: event?.name ?? '',
      kind: (event?.kind ?? 'exhibition') as string | null,
      startsOn: (event?.startsOn ?? null) as string | null,
      endsOn: (event?.endsOn ?? null) as string | null,
      location: event?.location ?? '',
    },
    {
      name: [required, maxLength(200)],
      startsOn: [required],
      endsOn: [required, endAfterStart],
      location: [maxLength(300)],
    },
  );
  const save = useApiMutation(
    (v: typeof form.values) => {
      const body = {
        name: v.name.trim(),
        kind: v.kind,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        location: v.location.trim() || null,
      };
      return event
        ? api.patch<MarketingEvent>(`/marketing-events/${event.id}`, body)
        : api.post<MarketingEvent>('/marketing-events', body);
    },
    {
      invalidate: ['/marketing-events', '/sources'],
      success: t('common.saved'),
      onSuccess: (saved) => {
        onDone();
        if (!event) void navigate({ to: `/crm/marketing/${saved.id}` });
      },
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('common.name')} required {...form.text('name')} data-testid="event-name" />
        <Select
          label={t('marketing.kindLabel')}
          allowDeselect={false}
          data={EVENT_KINDS.map((k) => ({ value: k, label: t(`marketing.kind.${k}`) }))}
          {...form.field('kind')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <DayInput label={t('marketing.startsOn')} required {...form.field('startsOn')} />
          <DayInput label={t('marketing.endsOn')} required {...form.field('endsOn')} />
        </SimpleGrid>
        <TextInput label={t('marketing.location')} {...form.text('location')} />
        <FormButtons onCancel={onDone} pending={save.isPending} creating={!event} />
      </Stack>
    </form>
  );
}
