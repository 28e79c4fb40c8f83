import {
  Button,
  Divider,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useMe } from '../../../auth/me';
import { DayInput } from '../../../ui/day-input';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { email, maxLength, required } from '../../../ui/validators';
import { ClientSelect } from '../../parties/client-select';
import { useCurrencyOptions } from '../../reference/use-reference-options';
import { useUserOptions } from '../../users/use-user-options';
import type { DealCard, Lead } from '../crm-types';
import { moneyText } from '../deals/deal-modal';
import { useDefaultCurrency } from '../use-client-records';
import { usePipelines, useSourceOptions } from '../use-crm-options';

export const leadName = (l: Pick<Lead, 'contactName' | 'clientName' | 'email' | 'phone'>) =>
  l.contactName ?? l.clientName ?? l.email ?? l.phone ?? '—';

/** A lead entered by hand: who asked, how to reach them, where they came from. */
export function LeadCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.create')} size="lg">
      {opened && <LeadCreateForm onDone={onClose} />}
    </Modal>
  );
}

function LeadCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const sources = useSourceOptions();
  const users = useUserOptions();
  const form = useForm(
    {
      contactName: '',
      clientName: '',
      email: '',
      phone: '',
      message: '',
      sourceId: null as string | null,
      responsibleUserId: me.user.id as string | null,
    },
    {
      contactName: [maxLength(200)],
      clientName: [maxLength(200)],
      email: [email, maxLength(320)],
      phone: [maxLength(40)],
      sourceId: [required],
    },
  );
  const create = useApiMutation(
    (v: typeof form.values) =>
      api.post<Lead>('/leads', {
        contactName: v.contactName.trim() || null,
        clientName: v.clientName.trim() || null,
        email: v.email.trim() || null,
        phone: v.phone.trim() || null,
        message: v.message.trim() || null,
        sourceId: v.sourceId,
        ...(v.responsibleUserId ? { responsibleUserId: v.responsibleUserId } : {}),
      }),
    { invalidate: ['/leads'], success: t('leads.created'), onSuccess: onDone, onError: form.applyProblem },
  );
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('leads.person')} {...form.text('contactName')} data-testid="lead-person" />
          <TextInput label={t('leads.company')} {...form.text('clientName')} />
          <TextInput label={t('auth.email')} type="email" {...form.text('email')} data-testid="lead-email" />
          <TextInput label={t('clients.phone')} {...form.text('phone')} />
          <Select
            label={t('leads.source')}
            required
            searchable
            data={sources.options}
            {...form.field('sourceId')}
          />
          <Select
            label={t('leads.responsible')}
            searchable
            allowDeselect={false}
            data={users.options}
            {...form.field('responsibleUserId')}
          />
        </SimpleGrid>
        <Textarea label={t('leads.message')} autosize minRows={2} {...form.text('message')} />
        <FormButtons onCancel={onDone} pending={create.isPending} creating />
      </Stack>
    </form>
  );
}

/** Closes a lead that will not become a client; the reason feeds the source's quality report. */
export function DisqualifyModal({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const disqualify = useApiMutation(
    (why: string) => api.post<Lead>(`/leads/${lead?.id}/disqualify`, { note: why }),
    {
      invalidate: ['/leads'],
      success: t('leads.disqualified'),
      onSuccess: () => {
        setReason('');
        onClose();
      },
      onError: (e) => setError(e instanceof Error ? e.message : String(e)),
    },
  );
  return (
    <Modal
      opened={lead !== null}
      onClose={onClose}
      title={t('leads.disqualifyTitle', { name: lead ? leadName(lead) : '' })}
    >
      <Stack gap="sm">
        <FormAlert message={error} />
        <Textarea
          label={t('leads.disqualifyReason')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="disqualify-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!reason.trim()}
            loading={disqualify.isPending}
            onClick={() => disqualify.mutate(reason.trim())}
            data-testid="disqualify-confirm"
          >
            {t('leads.disqualify')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface QualifyResult {
  leadId: string;
  clientId: string;
  contactId: string;
  deal: DealCard;
}

/** Turns a lead into a client (new or existing), a contact there and a deal, in one step. */
export function QualifyModal({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={lead !== null}
      onClose={onClose}
      title={t('leads.qualifyTitle', { name: lead ? leadName(lead) : '' })}
      size="lg"
    >
      {lead && <QualifyForm lead={lead} onDone={onClose} />}
    </Modal>
  );
}

function splitName(full: string | null) {
  const parts = (full ?? '').trim().split(/\s+/).filter(Boolean);
  return { first: parts[0] ?? '', last: parts.slice(1).join(' ') };
}

function QualifyForm({ lead, onDone }: { lead: Lead; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const currencies = useCurrencyOptions();
  const pipelines = usePipelines().data ?? [];
  const defaultCurrency = useDefaultCurrency();
  const name = splitName(lead.contactName);
  const newClientName = lead.clientName ?? lead.contactName ?? '';
  const form = useForm(
    {
      clientMode: (lead.clientId ? 'existing' : 'new') as 'new' | 'existing',
      clientId: lead.clientId,
      clientName: newClientName,
      clientKind: (lead.clientName ? 'organization' : 'person') as string | null,
      firstName: name.first,
      lastName: name.last,
      email: lead.email ?? '',
      phone: lead.phone ?? '',
      role: '',
      title: newClientName ? t('leads.dealTitleFor', { name: newClientName }) : '',
      pipelineId: null as string | null,
      amount: '',
      currency: null as string | null,
      expectedClose: null as string | null,
    },
    {
      firstName: [required, maxLength(100)],
      lastName: [maxLength(100)],
      email: [email],
      title: [required, maxLength(200)],
      amount: [moneyText],
    },
  );
  const v = form.values;
  const qualify = useApiMutation(
    (values: typeof v) =>
      api.post<QualifyResult>(`/leads/${lead.id}/qualify`, {
        ...(values.clientMode === 'existing'
          ? { clientId: values.clientId }
          : { newClient: { name: values.clientName.trim(), kind: values.clientKind ?? 'organization' } }),
        contact: {
          firstName: values.firstName.trim(),
          lastName: values.lastName.trim() || null,
          email: values.email.trim() || null,
          phone: values.phone.trim() || null,
          role: values.role.trim() || null,
        },
        deal: {
          title: values.title.trim(),
          ...(values.pipelineId ? { pipelineId: values.pipelineId } : {}),
          amount: values.amount.trim() || null,
          currency: values.currency ?? defaultCurrency,
          expectedClose: values.expectedClose,
        },
      }),
    {
      invalidate: ['/leads', '/clients', '/deals', '/pipelines'],
      success: t('leads.qualified'),
      onSuccess: (result) => {
        onDone();
        void navigate({ to: `/crm/deals/${result.deal.id}` });
      },
      onError: form.applyProblem,
    },
  );

  return (
    <form onSubmit={form.onSubmit((values) => qualify.mutate(values))} noValidate data-testid="qualify-form">
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <Divider label={t('leads.client')} labelPosition="left" />
        <SegmentedControl
          size="xs"
          value={v.clientMode}
          onChange={(m) => form.setValue('clientMode', m as 'new' | 'existing')}
          data={[
            { value: 'new', label: t('leads.newClient') },
            { value: 'existing', label: t('leads.existingClient') },
          ]}
          data-testid="qualify-client-mode"
        />
        {v.clientMode === 'new' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('common.name')}
              required
              {...form.text('clientName')}
              data-testid="qualify-client-name"
            />
            <Select
              label={t('clients.kindLabel')}
              allowDeselect={false}
              data={[
                { value: 'organization', label: t('clients.kind.organization') },
                { value: 'person', label: t('clients.kind.person') },
              ]}
              {...form.field('clientKind')}
            />
          </SimpleGrid>
        ) : (
          <ClientSelect
            label={t('leads.client')}
            required
            value={v.clientId}
            onChange={(id) => form.setValue('clientId', id)}
            error={form.errorText('clientId')}
          />
        )}
        <Divider label={t('leads.contact')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('contacts.firstName')}
            required
            {...form.text('firstName')}
            data-testid="qualify-first-name"
          />
          <TextInput label={t('contacts.lastName')} {...form.text('lastName')} />
          <TextInput label={t('auth.email')} {...form.text('email')} />
          <TextInput label={t('clients.phone')} {...form.text('phone')} />
          <TextInput label={t('contacts.role')} {...form.text('role')} />
        </SimpleGrid>
        <Divider label={t('leads.deal')} labelPosition="left" />
        <TextInput
          label={t('deals.titleLabel')}
          required
          {...form.text('title')}
          data-testid="qualify-deal-title"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('deals.pipeline')}
            clearable
            placeholder={pipelines.find((p) => p.isDefault)?.name}
            data={pipelines.filter((p) => !p.archivedAt).map((p) => ({ value: p.id, label: p.name }))}
            {...form.field('pipelineId')}
          />
          <DayInput label={t('deals.expectedClose')} {...form.field('expectedClose')} />
          <TextInput label={t('deals.amount')} inputMode="decimal" {...form.text('amount')} />
          <Select
            label={t('deals.currency')}
            searchable
            placeholder={defaultCurrency}
            data={currencies}
            {...form.field('currency')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={qualify.isPending} data-testid="qualify-confirm">
            {t('leads.qualify')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
