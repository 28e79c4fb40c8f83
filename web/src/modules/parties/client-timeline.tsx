import { Alert, Anchor, Badge, Button, Chip, Group, Paper, Text, Timeline } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, problemMessage } from '../../api/client';
import { CenteredLoader } from '../../ui/centered-loader';
import { useFormat } from '../../ui/format';
import { ChecklistIcon, FunnelIcon, KanbanIcon, PhoneIcon } from '../../ui/icons';
import type { TimelineEntry } from './party-types';

export const TIMELINE_TYPES = ['interaction', 'task', 'stage', 'lead'] as const;
const PAGE = 20;

const ICON: Record<string, ReactNode> = {
  interaction: <PhoneIcon size={12} />,
  task: <ChecklistIcon size={12} />,
  stage: <KanbanIcon size={12} />,
  lead: <FunnelIcon size={12} />,
};
const STATUS_COLOR: Record<string, string> = {
  done: 'teal',
  won: 'teal',
  qualified: 'teal',
  planned: 'blue',
  open: 'blue',
  new: 'blue',
  cancelled: 'gray',
  lost: 'red',
  disqualified: 'gray',
};

/** Where an entry opens: its deal for a stage move, else its own page. */
function entryLink(e: TimelineEntry): string | null {
  if (e.type === 'stage' && e.dealId) return `/crm/deals/${e.dealId}`;
  if (e.type === 'interaction') return `/crm/interactions/${e.id}`;
  if (e.type === 'task') return `/crm/tasks/${e.id}`;
  if (e.type === 'lead') return `/crm/leads/${e.id}`;
  return null;
}

/** Everything that happened with a client, newest first, one page at a time. */
export function ClientTimeline({ clientId, crmEnabled }: { clientId: string; crmEnabled: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [types, setTypes] = useState<string[]>([]);
  const query = useInfiniteQuery({
    queryKey: [`/clients/${clientId}/timeline`, types],
    queryFn: ({ pageParam }) =>
      api.get<Page<TimelineEntry>>(`/clients/${clientId}/timeline`, {
        limit: PAGE,
        cursor: pageParam,
        types: types.join(',') || undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];

  const describe = (e: TimelineEntry) => {
    if (e.type === 'interaction' && e.detail)
      return t(`interactions.kind.${e.detail}`, { defaultValue: e.detail });
    if (e.type === 'task' && e.detail) return t(`tasks.priority.${e.detail}`, { defaultValue: e.detail });
    if (e.type === 'stage' && e.detail) return t('timeline.movedTo', { stage: e.detail });
    return e.detail;
  };

  return (
    <Paper withBorder p="sm" data-testid="client-timeline">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{t('timeline.title')}</Text>
        <Chip.Group multiple value={types} onChange={setTypes}>
          <Group gap={4}>
            {TIMELINE_TYPES.filter((type) => crmEnabled || type === 'lead').map((type) => (
              <Chip
                key={type}
                value={type}
                size="xs"
                wrapperProps={{ 'data-testid': `timeline-filter-${type}` }}
              >
                {t(`timeline.type.${type}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      {query.error && <Alert color="red">{problemMessage(query.error)}</Alert>}
      {query.isLoading && <CenteredLoader />}
      {!query.isLoading && entries.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {t('timeline.empty')}
        </Text>
      )}
      <Timeline bulletSize={22} lineWidth={2} active={-1}>
        {entries.map((e) => {
          const link = entryLink(e);
          return (
            <Timeline.Item
              key={`${e.type}-${e.id}`}
              bullet={ICON[e.type]}
              data-testid={`timeline-entry-${e.type}`}
              title={
                <Group gap={6}>
                  <Badge size="xs" variant="light" color="gray">
                    {t(`timeline.one.${e.type}`, { defaultValue: e.type })}
                  </Badge>
                  {link ? (
                    <Anchor component={Link} to={link} size="sm" fw={600}>
                      {e.title || '—'}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600}>
                      {e.title || '—'}
                    </Text>
                  )}
                  {e.status && (
                    <Badge size="xs" variant="dot" color={STATUS_COLOR[e.status] ?? 'gray'}>
                      {t(`timeline.status.${e.status}`, { defaultValue: e.status })}
                    </Badge>
                  )}
                </Group>
              }
            >
              <Text size="sm" c="dimmed" lineClamp={2}>
                {describe(e)}
              </Text>
              <Text size="xs" c="dimmed">
                {format.dateTime(e.at)}
                {e.userName ? ` · ${e.userName}` : ''}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {query.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button
            size="compact-sm"
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
            data-testid="timeline-more"
          >
            {t('timeline.more')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
