import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, buildUrl, problemMessage } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { CursorPager } from '../../../ui/cursor-pager';
import { DataTable } from '../../../ui/data-table';
import { FilterInput } from '../../../ui/filter-input';
import { FormAlert } from '../../../ui/form-alert';
import { useFormat } from '../../../ui/format';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useCursorList } from '../../../ui/use-cursor-list';
import { ClientSelect } from '../../parties/client-select';
import { useUserOptions } from '../../users/use-user-options';
import type { Segment, SegmentCriteria, SegmentMember } from '../crm-types';
import { CriteriaBuilder } from './criteria-builder';

const column = createColumnHelper<SegmentMember>();

export function SegmentPage() {
  const { segmentId } = useParams({ strict: false }) as { segmentId: string };
  const segment = useQuery({
    queryKey: ['/segments', segmentId],
    queryFn: () => api.get<Segment>(`/segments/${segmentId}`),
  });
  if (segment.isLoading) return <CenteredLoader />;
  if (segment.error || !segment.data) return <Alert color="red">{problemMessage(segment.error)}</Alert>;
  return <SegmentView key={segment.data.id} segment={segment.data} />;
}

function SegmentView({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useUserOptions();
  const canWrite = useCan('crm:write');
  const [criteria, setCriteria] = useState<SegmentCriteria>(segment.criteria ?? { all: [] });
  const [criteriaError, setCriteriaError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState<string | null>(null);
  const members = useCursorList<SegmentMember>(`/segments/${segment.id}/members`, { q });
  const invalidate = ['/segments', `/segments/${segment.id}/members`];
  const saveCriteria = useApiMutation(
    (next: SegmentCriteria) => api.patch<Segment>(`/segments/${segment.id}`, { criteria: next }),
    {
      invalidate,
      success: t('common.saved'),
      onSuccess: () => setCriteriaError(null),
      onError: (e) => setCriteriaError(problemMessage(e)),
    },
  );
  const recompute = useApiMutation(() => api.post<Segment>(`/segments/${segment.id}/recompute`), {
    invalidate,
    success: t('segments.recomputed'),
  });
  const change = useApiMutation(
    (body: { add?: string[]; remove?: string[] }) =>
      api.post<Segment>(`/segments/${segment.id}/members`, body),
    { invalidate, success: t('common.saved'), onSuccess: () => setAdding(null) },
  );
  const columns = [
    column.accessor('name', {
      header: t('common.name'),
      cell: (c) => (
        <Anchor component={Link} to={`/clients/${c.row.original.id}`} size="sm" fw={600}>
          {c.getValue()}
        </Anchor>
      ),
    }),
    column.accessor('email', { header: t('auth.email') }),
    column.accessor('phone', { header: t('clients.phone') }),
    column.accessor('responsibleUserId', {
      header: t('clients.responsible'),
      cell: (c) => users.nameOf(c.getValue()),
    }),
    ...(segment.kind === 'static' && canWrite
      ? [
          column.display({
            id: 'actions',
            header: '',
            meta: { align: 'right' },
            cell: ({ row }) => (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => change.mutate({ remove: [row.original.id] })}
              >
                {t('common.remove')}
              </Button>
            ),
          }),
        ]
      : []),
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={3}>{segment.name}</Title>
            <Badge variant="light">{t(`segments.kind.${segment.kind}`)}</Badge>
          </Group>
          <Text size="sm" c="dimmed" data-testid="segment-summary">
            {t('segments.summary', {
              count: segment.memberCount,
              at: format.dateTime(segment.computedAt) || '—',
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            variant="default"
            href={buildUrl(`/segments/${segment.id}/members.csv`)}
            download
            data-testid="segment-export"
          >
            {t('segments.exportCsv')}
          </Button>
          {segment.kind === 'dynamic' && canWrite && (
            <Button
              loading={recompute.isPending}
              onClick={() => recompute.mutate(undefined)}
              data-testid="segment-recompute"
            >
              {t('segments.recompute')}
            </Button>
          )}
        </Group>
      </Group>
      {segment.kind === 'dynamic' && (
        <Paper withBorder p="sm">
          <Text fw={700} mb="xs">
            {t('segments.criteria')}
          </Text>
          <FormAlert message={criteriaError} />
          <CriteriaBuilder value={criteria} onChange={setCriteria} />
          {canWrite && (
            <Group justify="flex-end" mt="sm">
              <Button
                loading={saveCriteria.isPending}
                onClick={() => saveCriteria.mutate(criteria)}
                data-testid="segment-save-criteria"
              >
                {t('segments.saveCriteria')}
              </Button>
            </Group>
          )}
        </Paper>
      )}
      {segment.kind === 'static' && canWrite && (
        <Group align="flex-end" gap="xs">
          <ClientSelect w={300} label={t('segments.addClient')} value={adding} onChange={setAdding} />
          <Button disabled={!adding} onClick={() => adding && change.mutate({ add: [adding] })}>
            {t('segments.add')}
          </Button>
        </Group>
      )}
      <FilterInput onChange={setQ} />
      <DataTable
        data={members.items}
        columns={columns}
        getRowId={(m) => m.id}
        loading={members.isLoading}
        error={members.error}
        testId="segment-members-table"
      />
      <CursorPager list={members} />
    </Stack>
  );
}
