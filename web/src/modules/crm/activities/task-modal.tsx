import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useMe } from '../../../auth/me';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { maxLength, required } from '../../../ui/validators';
import { useUserOptions } from '../../users/use-user-options';
import { PRIORITIES, type Task } from '../crm-types';
import { isoFromLocal, localInputValue } from '../use-client-records';

/** What the task is about; all optional (a task can be about nothing in particular). */
export interface TaskLinks {
  clientId?: string | null;
  dealId?: string | null;
  contactId?: string | null;
  leadId?: string | null;
}

function tomorrowAtNine() {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d;
}

export function TaskModal({
  links,
  task,
  onClose,
}: {
  /** Set to create a task with these links. */
  links: TaskLinks | null;
  /** Set to edit a task. */
  task?: Task | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const opened = links !== null || !!task;
  return (
    <Modal opened={opened} onClose={onClose} title={task ? task.title : t('tasks.create')} size="lg">
      {opened && <TaskForm links={links ?? {}} task={task ?? null} onDone={onClose} />}
    </Modal>
  );
}

function TaskForm({ links, task, onDone }: { links: TaskLinks; task: Task | null; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUserOptions();
  const form = useForm(
    {
      title: task?.title ?? '',
      description: task?.description ?? '',
      dueAt: task
        ? task.dueAt
          ? localInputValue(new Date(task.dueAt))
          : ''
        : localInputValue(tomorrowAtNine()),
      priority: (task?.priority ?? 'normal') as string | null,
      assigneeUserId: (task?.assigneeUserId ?? me.user.id) as string | null,
    },
    { title: [required, maxLength(300)], description: [maxLength(20_000)] },
  );
  const clientId = task?.clientId ?? links.clientId;
  const save = useApiMutation(
    (v: typeof form.values) => {
      const body = {
        title: v.title.trim(),
        description: v.description.trim() || null,
        dueAt: isoFromLocal(v.dueAt),
        priority: v.priority ?? 'normal',
        ...(v.assigneeUserId ? { assigneeUserId: v.assigneeUserId } : {}),
      };
      return task
        ? api.patch<Task>(`/tasks/${task.id}`, body)
        : api.post<Task>('/tasks', {
            ...body,
            ...Object.fromEntries(Object.entries(links).filter(([, id]) => id)),
          });
    },
    {
      invalidate: ['/tasks', ...(clientId ? [`/clients/${clientId}/timeline`] : [])],
      success: task ? t('common.saved') : t('tasks.created'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('tasks.titleLabel')} required {...form.text('title')} data-testid="task-title" />
        <Textarea
          label={t('common.description')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.text('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            type="datetime-local"
            label={t('tasks.due')}
            {...form.text('dueAt')}
            data-testid="task-due"
          />
          <Select
            label={t('tasks.priorityLabel')}
            allowDeselect={false}
            data={PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))}
            {...form.field('priority')}
          />
          <Select
            label={t('tasks.assignee')}
            searchable
            allowDeselect={false}
            data={users.options}
            {...form.field('assigneeUserId')}
          />
        </SimpleGrid>
        <FormButtons onCancel={onDone} pending={save.isPending} creating={!task} />
      </Stack>
    </form>
  );
}
