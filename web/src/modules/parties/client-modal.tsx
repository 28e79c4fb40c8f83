import {
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCan, useMe } from '../../auth/me';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { type Check, email, maxLength, required } from '../../ui/validators';
import type { Address } from '../companies/company-types';
import { useCountryOptions } from '../reference/use-reference-options';
import { useUserOptions } from '../users/use-user-options';
import { CustomFieldInputs, type CustomValues, customBody, customFormValues } from './custom-field-inputs';
import { MergeModal } from './merge-modal';
import type { Client, ClientKind, CreatedClient, DuplicateCandidate } from './party-types';
import { useCustomFields, useIndustryOptions } from './use-party-options';

export type ClientTarget = Client | 'new' | null;

const ADDRESS_PARTS = ['region', 'city', 'street', 'building', 'postcode'] as const;

function initialValues(c: Client | null, me: string) {
  const a = c?.address;
  return {
    kind: (c?.kind ?? 'organization') as ClientKind,
    name: c?.name ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    website: c?.website ?? '',
    industryId: c?.industryId ?? null,
    responsibleUserId: (c?.responsibleUserId ?? me) as string | null,
    tags: c?.tags ?? [],
    notes: c?.notes ?? '',
    country: (a?.country ?? null) as string | null,
    region: a?.region ?? '',
    city: a?.city ?? '',
    street: a?.street ?? '',
    building: a?.building ?? '',
    postcode: a?.postcode ?? '',
  };
}
type Values = ReturnType<typeof initialValues>;

const countryWhenAddressed: Check<string | null> = (country, values) =>
  !country && ADDRESS_PARTS.some((p) => String(values[p] ?? '').trim())
    ? { key: 'companies.countryNeeded' }
    : null;

function toBody(v: Values, custom: CustomValues) {
  const address: Address | null = v.country ? { country: v.country } : null;
  if (address) {
    for (const part of ADDRESS_PARTS) {
      const text = v[part].trim();
      if (text) address[part] = text;
    }
  }
  return {
    kind: v.kind,
    name: v.name.trim(),
    email: v.email.trim() || null,
    phone: v.phone.trim() || null,
    website: v.website.trim() || null,
    industryId: v.industryId,
    ...(v.responsibleUserId ? { responsibleUserId: v.responsibleUserId } : {}),
    tags: v.tags,
    notes: v.notes.trim() || null,
    address,
    custom: customBody(custom),
  };
}

/** Add or change a client; after adding, the possible duplicates the server found are shown. */
export function ClientModal({ target, onClose }: { target: ClientTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = target === 'new' ? null : target;
  const [created, setCreated] = useState<CreatedClient | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  const open = (id: string) => {
    close();
    void navigate({ to: `/clients/${id}` });
  };
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={created ? t('clients.possibleDuplicates') : client ? client.name : t('clients.create')}
      size="lg"
    >
      {created ? (
        <DuplicatesStep created={created} onOpen={open} onDone={close} />
      ) : (
        target !== null && (
          <ClientForm
            client={client}
            onCancel={close}
            onSaved={(saved) => {
              if ('possibleDuplicates' in saved && saved.possibleDuplicates.length > 0) setCreated(saved);
              else if (!client) open(saved.id);
              else close();
            }}
          />
        )
      )}
    </Modal>
  );
}

function DuplicatesStep({
  created,
  onOpen,
  onDone,
}: {
  created: CreatedClient;
  onOpen: (id: string) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const canMerge = useCan('parties:merge');
  const [merging, setMerging] = useState(false);
  return (
    <Stack gap="sm" data-testid="duplicate-warning">
      <Alert color="yellow" variant="light">
        {t('clients.duplicatesFound', { name: created.name })}
      </Alert>
      <Stack gap={4}>
        {created.possibleDuplicates.map((d: DuplicateCandidate) => (
          <Group key={d.id} justify="space-between" wrap="nowrap" data-testid="duplicate-candidate">
            <Stack gap={0}>
              <Anchor component={Link} to={`/clients/${d.id}`} fw={600} onClick={onDone}>
                {d.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[d.email, d.phone].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            <Group gap={4}>
              {d.matchedBy.map((m) => (
                <Badge key={m} size="xs" variant="light" color="orange">
                  {t(`clients.matchedBy.${m}`, { defaultValue: m })}
                </Badge>
              ))}
            </Group>
          </Group>
        ))}
      </Stack>
      <Group justify="flex-end">
        {canMerge && (
          <Button
            variant="default"
            color="orange"
            onClick={() => setMerging(true)}
            data-testid="duplicate-merge"
          >
            {t('clients.merge')}
          </Button>
        )}
        <Button onClick={() => onOpen(created.id)} data-testid="duplicate-keep">
          {t('clients.keepBoth')}
        </Button>
      </Group>
      <MergeModal
        client={merging ? created : null}
        candidates={created.possibleDuplicates}
        onClose={() => setMerging(false)}
        onMerged={(into) => onOpen(into)}
      />
    </Stack>
  );
}

function ClientForm({
  client,
  onCancel,
  onSaved,
}: {
  client: Client | null;
  onCancel: () => void;
  onSaved: (saved: Client | CreatedClient) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUserOptions();
  const industries = useIndustryOptions();
  const countries = useCountryOptions();
  const fields = useCustomFields('client');
  const [custom, setCustom] = useState<CustomValues>(() => customFormValues([], client?.custom));
  const customValues = { ...customFormValues(fields, client?.custom), ...custom };
  const form = useForm(initialValues(client, me.user.id), {
    name: [required, maxLength(200)],
    email: [email, maxLength(320)],
    phone: [maxLength(40)],
    website: [maxLength(300)],
    country: [countryWhenAddressed],
  });
  const save = useApiMutation(
    (v: Values) =>
      client
        ? api.patch<Client>(`/clients/${client.id}`, toBody(v, customValues))
        : api.post<CreatedClient>('/clients', toBody(v, customValues)),
    {
      invalidate: ['/clients', '/search'],
      success: t('common.saved'),
      onSuccess: onSaved,
      onError: form.applyProblem,
    },
  );
  const customError = (key: string) => form.errorText(`custom.${key}` as keyof Values);

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <SegmentedControl
          size="xs"
          data={[
            { value: 'organization', label: t('clients.kind.organization') },
            { value: 'person', label: t('clients.kind.person') },
          ]}
          value={form.values.kind}
          onChange={(v) => form.setValue('kind', v as ClientKind)}
          data-testid="client-kind"
        />
        <TextInput label={t('common.name')} required {...form.text('name')} data-testid="client-name" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('auth.email')}
            type="email"
            {...form.text('email')}
            data-testid="client-email"
          />
          <TextInput label={t('clients.phone')} {...form.text('phone')} data-testid="client-phone" />
          <TextInput label={t('clients.website')} {...form.text('website')} />
          <Select
            label={t('clients.industry')}
            searchable
            clearable
            data={industries.options}
            {...form.field('industryId')}
          />
          <Select
            label={t('clients.responsible')}
            searchable
            data={users.options}
            {...form.field('responsibleUserId')}
            data-testid="client-responsible"
          />
          <TagsInput label={t('clients.tags')} {...form.field('tags')} data-testid="client-tags" />
        </SimpleGrid>
        <CustomFieldInputs
          fields={fields}
          values={customValues}
          onChange={(key, value) => setCustom((c) => ({ ...c, [key]: value }))}
          errorOf={customError}
        />
        <Divider label={t('companies.address')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('companies.country')}
            searchable
            clearable
            data={countries}
            {...form.field('country')}
          />
          <TextInput label={t('companies.region')} {...form.text('region')} />
          <TextInput label={t('companies.city')} {...form.text('city')} />
          <TextInput label={t('companies.postcode')} {...form.text('postcode')} />
          <TextInput label={t('companies.street')} {...form.text('street')} />
          <TextInput label={t('companies.building')} {...form.text('building')} />
        </SimpleGrid>
        <Textarea label={t('clients.notes')} autosize minRows={2} maxRows={6} {...form.text('notes')} />
        <FormButtons onCancel={onCancel} pending={save.isPending} creating={!client} />
      </Stack>
    </form>
  );
}
