import {
  Badge,
  Button,
  Group,
  Modal,
  Popover,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import { DataTable } from '../../ui/data-table';
import { DayInput } from '../../ui/day-input';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useFormat } from '../../ui/format';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { type Check, maxLength, required } from '../../ui/validators';
import { useCountryOptions } from '../reference/use-reference-options';
import type { Counterparty, CounterpartyLink } from './party-types';

const column = createColumnHelper<CounterpartyLink>();
const today = () => new Date().toISOString().slice(0, 10);
const isCurrent = (l: CounterpartyLink) => l.validFrom <= today() && (!l.validTo || l.validTo >= today());

/** Every counterparty link of a client, ended ones too, with their dates. */
export function CounterpartiesPanel({ clientId, canWrite }: { clientId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [linking, setLinking] = useState(false);
  const links = useQuery({
    queryKey: [`/clients/${clientId}/counterparties`],
    queryFn: () => api.get<{ items: CounterpartyLink[] }>(`/clients/${clientId}/counterparties`),
  });
  const columns = [
    column.accessor('legalName', { header: t('counterparties.legalName') }),
    column.accessor('taxId', { header: t('companies.taxId') }),
    column.accessor('validFrom', {
      header: t('counterparties.validFrom'),
      cell: (c) => format.day(c.getValue()),
    }),
    column.accessor('validTo', {
      header: t('counterparties.validTo'),
      cell: (c) => format.day(c.getValue()) || '—',
    }),
    column.display({
      id: 'state',
      header: t('common.status'),
      cell: ({ row }) =>
        isCurrent(row.original) ? (
          <Badge size="xs" color="teal" variant="light">
            {t('counterparties.current')}
          </Badge>
        ) : (
          <Badge size="xs" color="gray" variant="light">
            {row.original.validFrom > today() ? t('counterparties.future') : t('counterparties.ended')}
          </Badge>
        ),
    }),
    ...(canWrite
      ? [
          column.display({
            id: 'actions',
            header: '',
            meta: { align: 'right' },
            cell: ({ row }) =>
              (!row.original.validTo || row.original.validTo >= today()) && (
                <EndLinkButton link={row.original} clientId={clientId} />
              ),
          }),
        ]
      : []),
  ];
  return (
    <Stack gap="xs">
      {canWrite && (
        <Group justify="flex-end">
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setLinking(true)}
            data-testid="link-counterparty"
          >
            {t('counterparties.link')}
          </Button>
        </Group>
      )}
      <DataTable
        data={links.data?.items ?? []}
        columns={columns}
        getRowId={(l) => l.id}
        loading={links.isLoading}
        error={links.error}
        testId="counterparty-links-table"
      />
      <Modal opened={linking} onClose={() => setLinking(false)} title={t('counterparties.link')} size="lg">
        {linking && <LinkForm clientId={clientId} onDone={() => setLinking(false)} />}
      </Modal>
    </Stack>
  );
}

function EndLinkButton({ link, clientId }: { link: CounterpartyLink; clientId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [day, setDay] = useState<string | null>(today());
  const end = useApiMutation(
    (validTo: string) => api.post(`/client-counterparty-links/${link.id}/end`, { validTo }),
    {
      invalidate: [`/clients/${clientId}/counterparties`, `/clients/${clientId}`],
      success: t('common.saved'),
      onSuccess: () => setOpened(false),
    },
  );
  return (
    <Popover opened={opened} onChange={setOpened} withArrow shadow="md" position="bottom-end">
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOpened((o) => !o)}>
          {t('counterparties.endLink')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={240}>
          <DayInput label={t('counterparties.lastDay')} value={day} onChange={setDay} />
          <Button
            size="compact-sm"
            color="red"
            disabled={!day}
            loading={end.isPending}
            onClick={() => day && end.mutate(day)}
          >
            {t('counterparties.endLink')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

const untilAfterFrom: Check<string | null> = (to, values) =>
  to && values.validFrom && to < String(values.validFrom) ? { key: 'counterparties.toBeforeFrom' } : null;

/** Link an existing counterparty, or add a new one and link it, from a date. */
function LinkForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: ['/counterparties', 'select', q],
    queryFn: () => api.get<Page<Counterparty>>('/counterparties', { q: q || undefined, limit: 20 }),
  });
  const form = useForm(
    {
      counterpartyId: null as string | null,
      legalName: '',
      taxId: '',
      country: null as string | null,
      validFrom: today() as string | null,
      validTo: null as string | null,
    },
    {
      validFrom: [required],
      validTo: [untilAfterFrom],
      ...(mode === 'existing'
        ? { counterpartyId: [required] }
        : { legalName: [required, maxLength(300)], country: [required] }),
    },
  );
  const link = useApiMutation(
    async (v: typeof form.values) => {
      const counterpartyId =
        mode === 'existing'
          ? v.counterpartyId
          : (
              await api.post<Counterparty>('/counterparties', {
                legalName: v.legalName.trim(),
                taxId: v.taxId.trim() || null,
                country: v.country,
              })
            ).id;
      return api.post(`/clients/${clientId}/counterparties`, {
        counterpartyId,
        validFrom: v.validFrom,
        validTo: v.validTo,
      });
    },
    {
      invalidate: [`/clients/${clientId}/counterparties`, `/clients/${clientId}`, '/counterparties'],
      success: t('common.saved'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => link.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(m) => setMode(m as 'existing' | 'new')}
          data={[
            { value: 'existing', label: t('counterparties.existing') },
            { value: 'new', label: t('counterparties.new') },
          ]}
        />
        {mode === 'existing' ? (
          <Select
            label={t('counterparties.counterparty')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            data={(found.data?.items ?? []).map((c) => ({
              value: c.id,
              label: c.taxId ? `${c.legalName} (${c.taxId})` : c.legalName,
            }))}
            {...form.field('counterpartyId')}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('counterparties.legalName')} required {...form.text('legalName')} />
            <TextInput label={t('companies.taxId')} {...form.text('taxId')} />
            <Select
              label={t('companies.country')}
              required
              searchable
              data={countries}
              {...form.field('country')}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <DayInput label={t('counterparties.validFrom')} required {...form.field('validFrom')} />
          <DayInput label={t('counterparties.validTo')} {...form.field('validTo')} />
        </SimpleGrid>
        <FormButtons onCancel={onDone} pending={link.isPending} creating />
      </Stack>
    </form>
  );
}
