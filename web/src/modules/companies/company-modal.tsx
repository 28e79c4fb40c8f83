import { Button, Divider, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { type Check, maxLength, required } from '../../ui/validators';
import { useCountryOptions, useCurrencyOptions } from '../reference/use-reference-options';
import type { Address, Company } from './company-types';

export type CompanyTarget = Company | 'new' | null;

const ADDRESS_PARTS = ['region', 'city', 'street', 'building', 'postcode'] as const;

function initialValues(c: Company | null) {
  const a = c?.address;
  return {
    name: c?.name ?? '',
    legalName: c?.legalName ?? '',
    taxId: c?.taxId ?? '',
    baseCurrency: (c?.baseCurrency ?? null) as string | null,
    country: (a?.country ?? null) as string | null,
    region: a?.region ?? '',
    city: a?.city ?? '',
    street: a?.street ?? '',
    building: a?.building ?? '',
    postcode: a?.postcode ?? '',
  };
}
type Values = ReturnType<typeof initialValues>;

/** An address needs its country once any other part of it is filled. */
const countryWhenAddressed: Check<string | null> = (country, values) =>
  !country && ADDRESS_PARTS.some((p) => String(values[p] ?? '').trim())
    ? { key: 'companies.countryNeeded' }
    : null;

function toBody(v: Values) {
  const address: Address | null = v.country ? { country: v.country } : null;
  if (address) {
    for (const part of ADDRESS_PARTS) {
      const text = v[part].trim();
      if (text) address[part] = text;
    }
  }
  return {
    name: v.name.trim(),
    legalName: v.legalName.trim() || null,
    taxId: v.taxId.trim() || null,
    baseCurrency: v.baseCurrency,
    address,
  };
}

export function CompanyModal({ target, onClose }: { target: CompanyTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const company = target === 'new' ? null : target;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={company ? company.name : t('companies.create')}
      size="lg"
    >
      {target !== null && <CompanyForm company={company} onDone={onClose} />}
    </Modal>
  );
}

function CompanyForm({ company, onDone }: { company: Company | null; onDone: () => void }) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const currencies = useCurrencyOptions();
  const form = useForm(initialValues(company), {
    name: [required, maxLength(200)],
    legalName: [maxLength(300)],
    taxId: [maxLength(50)],
    baseCurrency: [required],
    country: [countryWhenAddressed],
    region: [maxLength(200)],
    city: [maxLength(200)],
    street: [maxLength(300)],
    building: [maxLength(100)],
    postcode: [maxLength(20)],
  });
  const save = useApiMutation(
    (v: Values) =>
      company
        ? api.patch<Company>(`/companies/${company.id}`, toBody(v))
        : api.post<Company>('/companies', toBody(v)),
    { invalidate: ['/companies'], success: t('common.saved'), onSuccess: onDone, onError: form.applyProblem },
  );

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('common.name')} required {...form.text('name')} data-testid="company-name" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('companies.legalName')} {...form.text('legalName')} />
          <TextInput label={t('companies.taxId')} {...form.text('taxId')} />
        </SimpleGrid>
        <Select
          label={t('companies.baseCurrency')}
          required
          searchable
          data={currencies}
          {...form.field('baseCurrency')}
          data-testid="company-currency"
        />
        <Divider label={t('companies.address')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('companies.country')}
            searchable
            clearable
            data={countries}
            {...form.field('country')}
            data-testid="company-country"
          />
          <TextInput label={t('companies.region')} {...form.text('region')} />
          <TextInput label={t('companies.city')} {...form.text('city')} />
          <TextInput label={t('companies.postcode')} {...form.text('postcode')} />
          <TextInput label={t('companies.street')} {...form.text('street')} />
          <TextInput label={t('companies.building')} {...form.text('building')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="company-save">
            {company ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
