import { Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useMe } from '../../../auth/me';
import { DayInput } from '../../../ui/day-input';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { type Check, maxLength, required } from '../../../ui/validators';
import { ClientSelect } from '../../parties/client-select';
import type { CounterpartyLink } from '../../parties/party-types';
import { useCurrencyOptions } from '../../reference/use-reference-options';
import { useUserOptions } from '../../users/use-user-options';
import type { DealCard } from '../crm-types';
import { useContactOptions, useDefaultCurrency } from '../use-client-records';
import { usePipelines, useSourceOptions } from '../use-crm-options';

/** Money typed by a person: digits, one point, at most four places; kept as the string typed. */
export const moneyText: Check<string> = (value) =>
  value && !/^\d{1,15}(\.\d{1,4})?$/.test(value.trim()) ? { key: 'validation.money' } : null;

export type DealTarget = { clientId?: string; pipelineId?: string } | DealCard | null;

const isCard = (t: DealTarget): t is DealCard => !!t && 'stage' in t;

/** Open a new deal (optionally for a given client or pipeline), or change a deal's fields. */
export function DealModal({ target, onClose }: { target: DealTarget; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={isCard(target) ? target.title : t('deals.create')}
      size="lg"
    >
      {target !== null &&
        (isCard(target) ? (
          <DealEditForm deal={target} onDone={onClose} />
        ) : (
          <DealCreateForm clientId={target.clientId} pipelineId={target.pipelineId} onDone={onClose} />
        ))}
    </Modal>
  );
}

function DealCreateForm({
  clientId,
  pipelineId,
  onDone,
}: {
  clientId?: string;
  pipelineId?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const users = useUserOptions();
  const currencies = useCurrencyOptions();
  const sources = useSourceOptions();
  const pipelines = usePipelines().data ?? [];
  const currency = useDefaultCurrency();
  const form = useForm(
    {
      title: '',
      clientId: (clientId ?? null) as string | null,
      pipelineId: (pipelineId ?? null) as string | null,
      amount: '',
      currency: null as string | null,
      expectedClose: null as string | null,
      responsibleUserId: me.user.id as string | null,
      sourceId: null as string | null,
      contactIds: [] as string[],
    },
    { title: [required, maxLength(200)], clientId: [required], amount: [moneyText] },
  );
  const contacts = useContactOptions(form.values.clientId);
  const create = useApiMutation(
    (v: typeof form.values) =>
      api.post<DealCard>('/deals', {
        title: v.title.trim(),
        clientId: v.clientId,
        ...(v.pipelineId ? { pipelineId: v.pipelineId } : {}),
        currency: v.currency ?? currency,
        amount: v.amount.trim() || null,
        expectedClose: v.expectedClose,
        ...(v.responsibleUserId ? { responsibleUserId: v.responsibleUserId } : {}),
        sourceId: v.sourceId,
        contacts: v.contactIds.map((contactId) => ({ contactId })),
      }),
    {
      invalidate: ['/deals', '/pipelines', `/clients/${clientId}/timeline`],
      success: t('deals.created'),
      onSuccess: (deal) => {
        onDone();
        void navigate({ to: `/crm/deals/${deal.id}` });
      },
      onError: form.applyProblem,
    },
  );

  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('deals.titleLabel')} required {...form.text('title')} data-testid="deal-title" />
        {!clientId && (
          <ClientSelect
            label={t('deals.client')}
            required
            value={form.values.clientId}
            onChange={(id) => form.setValue('clientId', id)}
            error={form.errorText('clientId')}
            data-testid="deal-client"
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('deals.pipeline')}
            placeholder={pipelines.find((p) => p.isDefault)?.name}
            clearable
            data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
            {...form.field('pipelineId')}
          />
          <Select
            label={t('deals.responsible')}
            searchable
            allowDeselect={false}
            data={users.options}
            {...form.field('responsibleUserId')}
          />
          <TextInput
            label={t('deals.amount')}
            inputMode="decimal"
            {...form.text('amount')}
            data-testid="deal-amount"
          />
          <Select
            label={t('deals.currency')}
            searchable
            placeholder={currency}
            data={currencies}
            {...form.field('currency')}
          />
          <DayInput label={t('deals.expectedClose')} {...form.field('expectedClose')} />
          <Select
            label={t('deals.source')}
            clearable
            searchable
            data={sources.options}
            {...form.field('sourceId')}
          />
        </SimpleGrid>
        <MultiSelect label={t('deals.contacts')} searchable data={contacts} {...form.field('contactIds')} />
        <FormButtons onCancel={onDone} pending={create.isPending} creating />
      </Stack>
    </form>
  );
}

/** The fields a person may change; the stage changes by a move, where its regulation is checked. */
export function DealEditForm({
  deal,
  onDone,
  only,
  saveLabel,
}: {
  deal: DealCard;
  onDone: (saved?: DealCard) => void;
  /** Show just these fields (a stage regulation asked for them). */
  only?: string[];
  saveLabel?: string;
}) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const currencies = useCurrencyOptions();
  const sources = useSourceOptions();
  const links = useQuery({
    queryKey: [`/clients/${deal.clientId}/counterparties`],
    queryFn: () => api.get<{ items: CounterpartyLink[] }>(`/clients/${deal.clientId}/counterparties`),
  });
  const form = useForm(
    {
      title: deal.title,
      amount: deal.amount ?? '',
      currency: deal.currency as string | null,
      expectedClose: deal.expectedClose,
      responsibleUserId: deal.responsibleUserId as string | null,
      counterpartyId: deal.counterpartyId,
      sourceId: deal.sourceId,
    },
    { title: [required, maxLength(200)], amount: [moneyText] },
  );
  const show = (field: string) => !only || only.includes(field);
  const save = useApiMutation(
    (v: typeof form.values) => {
      const all = {
        title: v.title.trim(),
        amount: v.amount.trim() || null,
        currency: v.currency ?? deal.currency,
        expectedClose: v.expectedClose,
        responsibleUserId: v.responsibleUserId ?? deal.responsibleUserId,
        counterpartyId: v.counterpartyId,
        sourceId: v.sourceId,
      };
      const body = only
        ? Object.fromEntries(Object.entries(all).filter(([k]) => only.includes(k) || k === 'currency'))
        : all;
      return api.patch<DealCard>(`/deals/${deal.id}`, body);
    },
    {
      invalidate: ['/deals', '/pipelines', `/clients/${deal.clientId}/timeline`],
      success: t('common.saved'),
      onSuccess: (saved) => onDone(saved),
      onError: form.applyProblem,
    },
  );
  const counterparties = [
    ...new Map((links.data?.items ?? []).map((l) => [l.counterpartyId, l.legalName])),
  ].map(([value, label]) => ({ value, label }));

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="deal-edit-form">
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        {show('title') && <TextInput label={t('deals.titleLabel')} required {...form.text('title')} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {show('amount') && (
            <>
              <TextInput
                label={t('deals.amount')}
                inputMode="decimal"
                {...form.text('amount')}
                data-testid="deal-amount"
              />
              <Select
                label={t('deals.currency')}
                searchable
                allowDeselect={false}
                data={currencies}
                {...form.field('currency')}
              />
            </>
          )}
          {show('expectedClose') && (
            <DayInput
              label={t('deals.expectedClose')}
              {...form.field('expectedClose')}
              data-testid="deal-expected-close"
            />
          )}
          {show('responsibleUserId') && (
            <Select
              label={t('deals.responsible')}
              searchable
              allowDeselect={false}
              data={users.options}
              {...form.field('responsibleUserId')}
            />
          )}
          {show('counterpartyId') && (
            <Select
              label={t('deals.counterparty')}
              clearable
              data={counterparties}
              {...form.field('counterpartyId')}
              data-testid="deal-counterparty"
            />
          )}
          {show('sourceId') && (
            <Select
              label={t('deals.source')}
              clearable
              searchable
              data={sources.options}
              {...form.field('sourceId')}
            />
          )}
        </SimpleGrid>
        <FormButtons onCancel={() => onDone()} pending={save.isPending} creating={false} label={saveLabel} />
      </Stack>
    </form>
  );
}
