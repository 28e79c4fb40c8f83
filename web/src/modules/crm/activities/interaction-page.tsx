import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { useFormat } from '../../../ui/format';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useUserOptions } from '../../users/use-user-options';
import type { Interaction } from '../crm-types';

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

/** One interaction, opened from its reminder or the client's timeline. */
export function InteractionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useUserOptions();
  const canWrite = useCan('crm:write');
  const { interactionId } = useParams({ strict: false }) as { interactionId: string };
  const query = useQuery({
    queryKey: ['/interactions', interactionId],
    queryFn: () => api.get<Interaction>(`/interactions/${interactionId}`),
  });
  const invalidate = ['/interactions', ...(query.data ? [`/clients/${query.data.clientId}/timeline`] : [])];
  const done = useApiMutation(() => api.post<Interaction>(`/interactions/${interactionId}/done`), {
    invalidate,
    success: t('common.saved'),
  });
  const cancel = useApiMutation(() => api.post<Interaction>(`/interactions/${interactionId}/cancel`), {
    invalidate,
    success: t('common.saved'),
  });
  if (query.isLoading) return <CenteredLoader />;
  if (query.error || !query.data) return <Alert color="red">{problemMessage(query.error)}</Alert>;
  const i = query.data;
  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3}>{i.subject}</Title>
          <Badge variant="light">{t(`interactions.kind.${i.kind}`)}</Badge>
          <Badge variant="dot">{t(`interactions.status.${i.status}`)}</Badge>
        </Group>
        {canWrite && i.status === 'planned' && (
          <Group gap="xs">
            <Button color="teal" onClick={() => done.mutate(undefined)} loading={done.isPending}>
              {t('interactions.markDone')}
            </Button>
            <Button
              variant="default"
              color="red"
              onClick={() => cancel.mutate(undefined)}
              loading={cancel.isPending}
            >
              {t('common.cancel')}
            </Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label={t('interactions.when')}>{format.dateTime(i.occursAt)}</Fact>
          <Fact label={t('interactions.responsible')}>{users.nameOf(i.responsibleUserId)}</Fact>
          <Fact label={t('interactions.outcome')}>
            {i.outcome ? t(`interactions.outcomes.${i.outcome}`, { defaultValue: i.outcome }) : ''}
          </Fact>
          <Fact label={t('interactions.durationMinutes')}>
            {i.durationSeconds === null ? '' : String(Math.round(i.durationSeconds / 60))}
          </Fact>
        </SimpleGrid>
      </Paper>
      {i.body && (
        <Paper withBorder p="sm">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {i.body}
          </Text>
        </Paper>
      )}
      <Group gap="md">
        <Anchor component={Link} to={`/clients/${i.clientId}`} size="sm">
          {t('tasks.openClient')}
        </Anchor>
        {i.dealId && (
          <Anchor component={Link} to={`/crm/deals/${i.dealId}`} size="sm">
            {t('tasks.openDeal')}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
