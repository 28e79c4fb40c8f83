import {
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { maxLength, required } from '../../../ui/validators';
import { CALL_OUTCOMES, INTERACTION_KINDS, type Interaction, type InteractionKind } from '../crm-types';
import { isoFromLocal, localInputValue, useContactOptions, useOpenDealOptions } from '../use-client-records';

export interface InteractionTarget {
  clientId: string;
  kind: InteractionKind;
  dealId?: string | null;
}

const isCall = (kind: string) => kind === 'call_in' || kind === 'call_out';

/** Log a call, meeting, note... with a client: done now by default, or planned for later. */
export function InteractionModal({
  target,
  onClose,
}: {
  target: InteractionTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('interactions.log')} size="lg">
      {target && <InteractionForm target={target} onDone={onClose} />}
    </Modal>
  );
}

function InteractionForm({ target, onDone }: { target: InteractionTarget; onDone: () => void }) {
  const { t } = useTranslation();
  const contacts = useContactOptions(target.clientId);
  const deals = useOpenDealOptions(target.clientId);
  const form = useForm(
    {
      kind: target.kind as string,
      status: 'done',
      subject: '',
      body: '',
      occursAt: localInputValue(new Date()),
      contactId: null as string | null,
      dealId: (target.dealId ?? null) as string | null,
      durationMinutes: '' as string | number,
      outcome: null as string | null,
    },
    { subject: [required, maxLength(300)], body: [maxLength(20_000)] },
  );
  const v = form.values;
  const log = useApiMutation(
    (values: typeof v) =>
      api.post<Interaction>('/interactions', {
        clientId: target.clientId,
        kind: values.kind,
        status: values.status,
        subject: values.subject.trim(),
        body: values.body.trim() || null,
        occursAt: isoFromLocal(values.occursAt) ?? undefined,
        contactId: values.contactId,
        dealId: values.dealId,
        ...(isCall(values.kind)
          ? {
              durationSeconds:
                values.durationMinutes === '' ? null : Math.round(Number(values.durationMinutes) * 60),
              outcome: values.outcome,
            }
          : {}),
      }),
    {
      invalidate: [`/clients/${target.clientId}/timeline`, '/interactions', '/deals'],
      success: t('interactions.logged'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );

  return (
    <form onSubmit={form.onSubmit((values) => log.mutate(values))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('interactions.kindLabel')}
            data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`interactions.kind.${k}`) }))}
            allowDeselect={false}
            {...form.field('kind')}
            onChange={(value) => form.setValue('kind', value ?? 'note')}
            data-testid="interaction-kind"
          />
          <SegmentedControl
            mt={24}
            size="xs"
            data={[
              { value: 'done', label: t('interactions.status.done') },
              { value: 'planned', label: t('interactions.status.planned') },
            ]}
            value={v.status}
            onChange={(value) => form.setValue('status', value)}
          />
        </SimpleGrid>
        <TextInput
          label={t('interactions.subject')}
          required
          {...form.text('subject')}
          data-testid="interaction-subject"
        />
        <Textarea label={t('interactions.body')} autosize minRows={2} maxRows={8} {...form.text('body')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="datetime-local" label={t('interactions.when')} {...form.text('occursAt')} />
          <Select label={t('interactions.contact')} clearable data={contacts} {...form.field('contactId')} />
          <Select label={t('interactions.deal')} clearable data={deals} {...form.field('dealId')} />
          {isCall(v.kind) && (
            <>
              <NumberInput
                label={t('interactions.durationMinutes')}
                min={0}
                max={1440}
                value={v.durationMinutes}
                onChange={(value) => form.setValue('durationMinutes', value)}
              />
              <Select
                label={t('interactions.outcome')}
                clearable
                data={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`interactions.outcomes.${o}`) }))}
                {...form.field('outcome')}
              />
            </>
          )}
        </SimpleGrid>
        <FormButtons onCancel={onDone} pending={log.isPending} creating />
      </Stack>
    </form>
  );
}
