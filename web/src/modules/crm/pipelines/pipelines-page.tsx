import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { CenteredLoader } from '../../../ui/centered-loader';
import { ConfirmButton } from '../../../ui/confirm-button';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { PageHeader } from '../../../ui/page-header';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { maxLength, required } from '../../../ui/validators';
import type { Pipeline, Stage } from '../crm-types';
import { useMissingLabel } from '../deals/missing-dialog';
import { usePipelines } from '../use-crm-options';
import { StageModal, type StageTarget } from './stage-modal';

const OUTCOME_COLOR = { open: 'indigo', won: 'teal', lost: 'red' } as const;

/** Settings → Pipelines: stages in board order, their probability and regulation. */
export function PipelinesPage() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = pipelines.data ?? [];
  const current = list.find((p) => p.id === selected) ?? list.find((p) => p.isDefault) ?? list[0];
  return (
    <>
      <PageHeader
        title={t('pipelines.title')}
        description={t('pipelines.description')}
        actions={
          <Button onClick={() => setCreating(true)} data-testid="create-pipeline">
            {t('pipelines.create')}
          </Button>
        }
      />
      {pipelines.isLoading && <CenteredLoader />}
      {pipelines.error && <Alert color="red">{problemMessage(pipelines.error)}</Alert>}
      {!pipelines.isLoading && list.length === 0 && (
        <Alert color="yellow" variant="light">
          {t('deals.noPipeline')}
        </Alert>
      )}
      {current && (
        <Tabs value={current.id} onChange={setSelected}>
          <Tabs.List mb="sm">
            {list.map((p) => (
              <Tabs.Tab key={p.id} value={p.id} data-testid={`pipeline-tab-${p.name}`}>
                {p.name}
                {p.isDefault && (
                  <Badge ml={6} size="xs" variant="light">
                    {t('pipelines.default')}
                  </Badge>
                )}
                {p.archivedAt && (
                  <Badge ml={6} size="xs" color="gray" variant="light">
                    {t('common.archived')}
                  </Badge>
                )}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {current && <PipelineEditor key={current.id} pipeline={current} />}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('pipelines.create')}>
        {creating && (
          <PipelineForm
            onDone={(p) => {
              setCreating(false);
              if (p) setSelected(p.id);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function PipelineEditor({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const label = useMissingLabel();
  const [stageTarget, setStageTarget] = useState<StageTarget>(null);
  const [name, setName] = useState(pipeline.name);
  const [dealType, setDealType] = useState(pipeline.dealType);
  const update = useApiMutation(
    (body: Record<string, unknown>) => api.patch<Pipeline>(`/pipelines/${pipeline.id}`, body),
    { invalidate: ['/pipelines'], success: t('common.saved') },
  );
  const archive = useApiMutation(() => api.post<Pipeline>(`/pipelines/${pipeline.id}/archive`), {
    invalidate: ['/pipelines'],
    success: t('common.saved'),
  });
  const reorder = useApiMutation(
    (stageIds: string[]) => api.post(`/pipelines/${pipeline.id}/stages/reorder`, { stageIds }),
    { invalidate: ['/pipelines'] },
  );
  const stages = [...pipeline.stages].sort((a, b) => a.position - b.position);
  const shift = (stage: Stage, by: -1 | 1) => {
    const ids = stages.map((s) => s.id);
    const from = ids.indexOf(stage.id);
    const to = from + by;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    reorder.mutate(ids);
  };
  const describe = (stage: Stage) => {
    const r = stage.regulation;
    const parts = [
      ...(r.requiredFields ?? []).map(label),
      ...(r.interactionKinds ?? []).map((k) =>
        t('regulation.doneKind', { kind: t(`interactions.kind.${k}`) }),
      ),
      ...(r.tasksDone ? [t('regulation.tasksDoneShort')] : []),
      ...(r.documentType ? [t('regulation.documentShort', { type: r.documentType })] : []),
    ];
    return parts.length ? parts.join(', ') : '—';
  };

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('common.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={260}
          />
          <TextInput
            label={t('pipelines.dealType')}
            value={dealType}
            onChange={(e) => setDealType(e.currentTarget.value)}
            w={200}
          />
          <Button
            variant="default"
            disabled={!name.trim() || (name === pipeline.name && dealType === pipeline.dealType)}
            onClick={() => update.mutate({ name: name.trim(), dealType: dealType.trim() || undefined })}
          >
            {t('common.save')}
          </Button>
          <Switch
            mb={6}
            label={t('pipelines.default')}
            checked={pipeline.isDefault}
            disabled={pipeline.isDefault || !!pipeline.archivedAt}
            onChange={() => update.mutate({ isDefault: true })}
          />
          {!pipeline.archivedAt && (
            <ConfirmButton
              mb={6}
              label={t('common.archive')}
              question={t('pipelines.archiveQuestion', { name: pipeline.name })}
              onConfirm={() => archive.mutate(undefined)}
            />
          )}
        </Group>
      </Paper>
      <Paper withBorder>
        <Table striped data-testid="stages-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t('pipelines.order')}</Table.Th>
              <Table.Th>{t('deals.stage')}</Table.Th>
              <Table.Th ta="right">{t('pipelines.probability')}</Table.Th>
              <Table.Th>{t('pipelines.outcome')}</Table.Th>
              <Table.Th>{t('regulation.label')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stages.map((stage, index) => (
              <Table.Tr key={stage.id} data-testid="stage-row" data-stage-name={stage.name}>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Text size="sm" w={20}>
                      {stage.position}
                    </Text>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      disabled={index === 0}
                      onClick={() => shift(stage, -1)}
                      aria-label={t('pipelines.up')}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      disabled={index === stages.length - 1}
                      onClick={() => shift(stage, 1)}
                      aria-label={t('pipelines.down')}
                    >
                      ↓
                    </ActionIcon>
                  </Group>
                </Table.Td>
                <Table.Td fw={600}>{stage.name}</Table.Td>
                <Table.Td ta="right">{stage.probability}%</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={OUTCOME_COLOR[stage.outcome]}>
                    {t(`pipelines.outcomes.${stage.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {describe(stage)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setStageTarget({ pipelineId: pipeline.id, stage })}
                    data-testid="stage-edit"
                  >
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Group>
        <Button
          variant="light"
          onClick={() => setStageTarget({ pipelineId: pipeline.id, stage: null })}
          data-testid="add-stage"
        >
          {t('pipelines.addStage')}
        </Button>
      </Group>
      <StageModal target={stageTarget} onClose={() => setStageTarget(null)} />
    </Stack>
  );
}

/** A new pipeline starts with open stages and won/lost ones; each can be edited after. */
function PipelineForm({ onDone }: { onDone: (p?: Pipeline) => void }) {
  const { t } = useTranslation();
  const form = useForm(
    { name: '', dealType: 'sales' },
    { name: [required, maxLength(200)], dealType: [maxLength(50)] },
  );
  const create = useApiMutation(
    (v: typeof form.values) =>
      api.post<Pipeline>('/pipelines', {
        name: v.name.trim(),
        dealType: v.dealType.trim() || 'sales',
        stages: [
          { name: t('pipelines.template.new'), probability: '10' },
          { name: t('pipelines.template.proposal'), probability: '50' },
          { name: t('pipelines.template.won'), probability: '100', outcome: 'won' },
          { name: t('pipelines.template.lost'), probability: '0', outcome: 'lost' },
        ],
      }),
    { invalidate: ['/pipelines'], success: t('common.saved'), onSuccess: onDone, onError: form.applyProblem },
  );
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('common.name')} required {...form.text('name')} data-testid="pipeline-name" />
        <TextInput label={t('pipelines.dealType')} {...form.text('dealType')} />
        <Text size="xs" c="dimmed">
          {t('pipelines.templateHint')}
        </Text>
        <FormButtons onCancel={() => onDone()} pending={create.isPending} creating />
      </Stack>
    </form>
  );
}
