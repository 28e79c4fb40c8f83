import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { useCan, useMe } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { ConfirmButton } from '../../../ui/confirm-button';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useAllItems } from '../../../ui/use-all-items';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useUserOptions } from '../../users/use-user-options';
import { TaskModal } from '../activities/task-modal';
import type { Task } from '../crm-types';

const PRIORITY_COLOR = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' } as const;
type Bucket = 'overdue' | 'today' | 'tomorrow' | 'week' | 'later' | 'noDue';
const BUCKETS: Bucket[] = ['overdue', 'today', 'tomorrow', 'week', 'later', 'noDue'];

function bucketOf(task: Task, now: Date): Bucket {
  if (!task.dueAt) return 'noDue';
  const due = new Date(task.dueAt);
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const day = 24 * 60 * 60 * 1000;
  if (due < now) return 'overdue';
  if (due.getTime() < start.getTime() + day) return 'today';
  if (due.getTime() < start.getTime() + 2 * day) return 'tomorrow';
  if (due.getTime() < start.getTime() + 7 * day) return 'week';
  return 'later';
}

/** The task inbox: my open tasks by due date, with done, cancel and edit at hand. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const canWrite = useCan('crm:write');
  const { taskId } = useParams({ strict: false }) as { taskId?: string };
  const [whose, setWhose] = useState<'me' | 'all'>('me');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Task | null>(null);
  // Earliest due first, tasks without a due date last, as the server sorts them.
  const tasks = useAllItems<Task>('/tasks', {
    sort: 'dueAt',
    status: 'open',
    assigneeUserId: whose === 'me' ? 'me' : undefined,
  });
  const opened = useQuery({
    queryKey: ['/tasks', taskId],
    queryFn: () => api.get<Task>(`/tasks/${taskId}`),
    enabled: !!taskId,
  });
  const now = new Date();
  const sorted = tasks.data ?? [];

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        description={t('tasks.description')}
        actions={
          canWrite && (
            <Button onClick={() => setCreating(true)} data-testid="create-task">
              {t('tasks.create')}
            </Button>
          )
        }
      />
      {!me.ownRecordsOnly && (
        <SegmentedControl
          mb="sm"
          size="xs"
          value={whose}
          onChange={(v) => setWhose(v as 'me' | 'all')}
          data={[
            { value: 'me', label: t('tasks.mine') },
            { value: 'all', label: t('tasks.everyone') },
          ]}
        />
      )}
      {tasks.error && <Alert color="red">{problemMessage(tasks.error)}</Alert>}
      {tasks.isLoading && <CenteredLoader />}
      {!tasks.isLoading && sorted.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" data-testid="tasks-empty">
          {t('tasks.none')}
        </Text>
      )}
      <Stack gap="md" data-testid="tasks-inbox">
        {BUCKETS.map((bucket) => {
          const inBucket = sorted.filter((task) => bucketOf(task, now) === bucket);
          if (inBucket.length === 0) return null;
          return (
            <Stack key={bucket} gap={4}>
              <Text size="xs" fw={700} tt="uppercase" c={bucket === 'overdue' ? 'red' : 'dimmed'}>
                {t(`tasks.bucket.${bucket}`)} · {inBucket.length}
              </Text>
              <Paper withBorder>
                {inBucket.map((task) => (
                  <TaskRow
                    key={task.id}
                    task={task}
                    canWrite={canWrite}
                    showAssignee={whose === 'all'}
                    onEdit={setEditing}
                  />
                ))}
              </Paper>
            </Stack>
          );
        })}
      </Stack>
      <TaskModal links={creating ? {} : null} onClose={() => setCreating(false)} />
      <TaskModal
        links={null}
        task={editing ?? (taskId && opened.data?.status === 'open' ? opened.data : null)}
        onClose={() => {
          setEditing(null);
          if (taskId) void navigate({ to: '/crm/tasks' as string });
        }}
      />
    </>
  );
}

function TaskRow({
  task,
  canWrite,
  showAssignee,
  onEdit,
}: {
  task: Task;
  canWrite: boolean;
  showAssignee: boolean;
  onEdit: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useUserOptions();
  const invalidate = ['/tasks', ...(task.clientId ? [`/clients/${task.clientId}/timeline`] : [])];
  const done = useApiMutation(() => api.post<Task>(`/tasks/${task.id}/done`), {
    invalidate,
    success: t('tasks.doneMessage'),
  });
  const cancel = useApiMutation(() => api.post<Task>(`/tasks/${task.id}/cancel`), {
    invalidate,
    success: t('tasks.cancelled'),
  });
  const overdue = task.dueAt && new Date(task.dueAt) < new Date();
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      px="sm"
      py={6}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      data-testid="task-row"
      data-task-title={task.title}
    >
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Anchor size="sm" fw={600} onClick={() => onEdit(task)} truncate>
            {task.title}
          </Anchor>
          <Badge size="xs" variant="light" color={PRIORITY_COLOR[task.priority]}>
            {t(`tasks.priority.${task.priority}`)}
          </Badge>
        </Group>
        <Group gap={8}>
          <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
            {task.dueAt ? format.dateTime(task.dueAt) : t('tasks.noDueDate')}
          </Text>
          {showAssignee && (
            <Text size="xs" c="dimmed">
              {users.nameOf(task.assigneeUserId)}
            </Text>
          )}
          {task.clientId && (
            <Anchor component={Link} to={`/clients/${task.clientId}`} size="xs">
              {t('tasks.openClient')}
            </Anchor>
          )}
          {task.dealId && (
            <Anchor component={Link} to={`/crm/deals/${task.dealId}`} size="xs">
              {t('tasks.openDeal')}
            </Anchor>
          )}
          {task.leadId && (
            <Anchor component={Link} to={`/crm/leads/${task.leadId}`} size="xs">
              {t('tasks.openLead')}
            </Anchor>
          )}
        </Group>
      </Stack>
      {canWrite && (
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            color="teal"
            variant="light"
            loading={done.isPending}
            onClick={() => done.mutate(undefined)}
            data-testid="task-done"
          >
            {t('tasks.done')}
          </Button>
          <ConfirmButton
            label={t('tasks.cancel')}
            question={t('tasks.cancelQuestion', { title: task.title })}
            onConfirm={() => cancel.mutate(undefined)}
            data-testid="task-cancel"
          />
        </Group>
      )}
    </Group>
  );
}
