import {
  Divider,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { type Check, maxLength, pattern, required } from '../../../ui/validators';
import { useCustomFields } from '../../parties/use-party-options';
import { INTERACTION_KINDS, type Stage, type StageOutcome, type StageRegulation } from '../crm-types';

const BUILTIN_FIELDS = ['amount', 'expectedClose', 'counterpartyId', 'contacts'];
const probability: Check<string> = (value) =>
  value && !/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/.test(value.trim())
    ? { key: 'validation.probability' }
    : null;

export type StageTarget = { pipelineId: string; stage: Stage | null } | null;

/** A stage's name, probability and regulation: what a deal needs before it may enter. */
export function StageModal({ target, onClose }: { target: StageTarget; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target?.stage ? target.stage.name : t('pipelines.addStage')}
      size="lg"
    >
      {target && <StageForm pipelineId={target.pipelineId} stage={target.stage} onDone={onClose} />}
    </Modal>
  );
}

function StageForm({
  pipelineId,
  stage,
  onDone,
}: {
  pipelineId: string;
  stage: Stage | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const customFields = useCustomFields('deal');
  const r = stage?.regulation ?? {};
  const form = useForm(
    {
      name: stage?.name ?? '',
      probability: stage?.probability ?? '',
      outcome: (stage?.outcome ?? 'open') as string | null,
      requiredFields: r.requiredFields ?? [],
      tasksDone: r.tasksDone ?? false,
      interactionKinds: r.interactionKinds ?? [],
      documentType: r.documentType ?? '',
    },
    {
      name: [required, maxLength(200)],
      probability: [required, probability],
      documentType: [pattern(/^[a-z][a-z0-9_]{0,49}$/, 'validation.documentType')],
    },
  );
  const regulation = (v: typeof form.values): StageRegulation => ({
    ...(v.requiredFields.length ? { requiredFields: v.requiredFields } : {}),
    ...(v.tasksDone ? { tasksDone: true } : {}),
    ...(v.interactionKinds.length ? { interactionKinds: v.interactionKinds } : {}),
    ...(v.documentType.trim() ? { documentType: v.documentType.trim() } : {}),
  });
  const save = useApiMutation(
    (v: typeof form.values) =>
      stage
        ? api.patch<Stage>(`/stages/${stage.id}`, {
            name: v.name.trim(),
            probability: v.probability.trim(),
            regulation: regulation(v),
          })
        : api.post<Stage>(`/pipelines/${pipelineId}/stages`, {
            name: v.name.trim(),
            probability: v.probability.trim(),
            outcome: v.outcome ?? 'open',
            regulation: regulation(v),
          }),
    { invalidate: ['/pipelines'], success: t('common.saved'), onSuccess: onDone, onError: form.applyProblem },
  );
  const fieldOptions = [
    ...BUILTIN_FIELDS.map((f) => ({ value: f, label: t(`regulation.field.${f}`) })),
    ...customFields.map((f) => ({ value: `custom.${f.key}`, label: f.label })),
    // A custom field archived since it was required keeps showing, so it can be taken off.
    ...(r.requiredFields ?? [])
      .filter((f) => f.startsWith('custom.') && !customFields.some((c) => `custom.${c.key}` === f))
      .map((f) => ({ value: f, label: f })),
  ];

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('common.name')} required {...form.text('name')} data-testid="stage-name" />
          <TextInput
            label={t('pipelines.probability')}
            rightSection="%"
            required
            inputMode="decimal"
            {...form.text('probability')}
            data-testid="stage-probability"
          />
          <Select
            label={t('pipelines.outcome')}
            disabled={!!stage}
            allowDeselect={false}
            data={(['open', 'won', 'lost'] as StageOutcome[]).map((o) => ({
              value: o,
              label: t(`pipelines.outcomes.${o}`),
            }))}
            {...form.field('outcome')}
          />
        </SimpleGrid>
        <Divider label={t('regulation.label')} labelPosition="left" />
        <Text size="xs" c="dimmed">
          {t('regulation.hint')}
        </Text>
        <MultiSelect
          label={t('regulation.requiredFields')}
          data={fieldOptions}
          clearable
          searchable
          {...form.field('requiredFields')}
          data-testid="regulation-fields"
        />
        <MultiSelect
          label={t('regulation.interactionKinds')}
          data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`interactions.kind.${k}`) }))}
          clearable
          searchable
          {...form.field('interactionKinds')}
          data-testid="regulation-kinds"
        />
        <Switch
          label={t('regulation.tasksDone')}
          {...form.checkbox('tasksDone')}
          data-testid="regulation-tasks"
        />
        <TextInput
          label={t('regulation.documentType')}
          description={t('regulation.documentTypeHint')}
          {...form.text('documentType')}
        />
        <FormButtons onCancel={onDone} pending={save.isPending} creating={!stage} />
      </Stack>
    </form>
  );
}
