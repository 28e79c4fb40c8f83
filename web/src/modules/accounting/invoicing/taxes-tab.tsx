import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { maxLength, pattern, required } from '../../../ui/validators';
import { trimAmount } from '../decimal-sum';
import { useAccounts } from '../use-accounting-lists';
import { ArchiveToggleButton } from './archive-toggle-button';
import { TAX_KINDS, type Tax, type TaxKind } from './invoicing-types';
import { useTaxes } from './use-invoicing-lists';

type Target = Tax | 'new' | null;

/** The company's taxes: a rate, on the net or included, and the accounts sales and purchases post it to. */
export function TaxesTab({ companyId, canManage }: { companyId: string | null; canManage: boolean }) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const { taxes } = useTaxes(companyId, showArchived);
  const accounts = useAccounts(companyId);
  const [target, setTarget] = useState<Target>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Checkbox
          label={t('invoicing.settings.showArchived')}
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
        {canManage && (
          <Button
            variant="light"
            disabled={!companyId}
            onClick={() => setTarget('new')}
            data-testid="create-tax"
          >
            {t('invoicing.tax.create')}
          </Button>
        )}
      </Group>
      <Table striped withTableBorder data-testid="taxes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.name')}</Table.Th>
            <Table.Th ta="right">{t('invoicing.tax.ratePercent')}</Table.Th>
            <Table.Th>{t('invoicing.tax.kindLabel')}</Table.Th>
            <Table.Th>{t('invoicing.tax.salesAccount')}</Table.Th>
            <Table.Th>{t('invoicing.tax.purchaseAccount')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {taxes.map((tax) => (
            <Table.Tr key={tax.id} data-testid="tax-row">
              <Table.Td>
                {tax.name}
                {tax.compound && (
                  <Badge ml="xs" size="xs" variant="light">
                    {t('invoicing.tax.compound')}
                  </Badge>
                )}
                {tax.archivedAt && (
                  <Badge ml="xs" size="xs" color="gray" variant="light">
                    {t('invoicing.settings.archived')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{trimAmount(tax.ratePercent, 0)}%</Table.Td>
              <Table.Td>{t(`invoicing.tax.kind.${tax.kind}`)}</Table.Td>
              <Table.Td>{accounts.labelOf(tax.salesAccountId)}</Table.Td>
              <Table.Td>{accounts.labelOf(tax.purchaseAccountId)}</Table.Td>
              <Table.Td ta="right">
                {canManage && (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setTarget(tax)}>
                      {t('common.edit')}
                    </Button>
                    <ArchiveToggleButton
                      path={`/taxes/${tax.id}`}
                      archived={!!tax.archivedAt}
                      question={t('invoicing.tax.archiveQuestion', { name: tax.name })}
                    />
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {taxes.length === 0 && (
        <Text size="sm" c="dimmed" ta="center">
          {t('common.empty')}
        </Text>
      )}
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target === 'new' ? t('invoicing.tax.create') : t('invoicing.tax.edit')}
      >
        {target !== null && companyId && (
          <TaxForm
            companyId={companyId}
            tax={target === 'new' ? null : target}
            onDone={() => setTarget(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

const percent = pattern(/^\d{1,3}(\.\d+)?$/, 'validation.positiveDecimal');

function TaxForm({ companyId, tax, onDone }: { companyId: string; tax: Tax | null; onDone: () => void }) {
  const { t } = useTranslation();
  const accounts = useAccounts(companyId);
  const form = useForm(
    {
      name: tax?.name ?? '',
      ratePercent: tax ? trimAmount(tax.ratePercent, 0) : '',
      kind: (tax?.kind ?? 'on_net') as TaxKind | null,
      compound: tax?.compound ?? false,
      salesAccountId: (tax?.salesAccountId ?? null) as string | null,
      purchaseAccountId: (tax?.purchaseAccountId ?? null) as string | null,
    },
    {
      name: [required, maxLength(200)],
      ratePercent: [required, percent],
      kind: [required],
      salesAccountId: [required],
      purchaseAccountId: [required],
    },
  );
  const save = useApiMutation(
    (v: typeof form.values) => {
      const body = {
        name: v.name.trim(),
        ratePercent: v.ratePercent.trim(),
        kind: v.kind,
        compound: v.compound,
        salesAccountId: v.salesAccountId,
        purchaseAccountId: v.purchaseAccountId,
      };
      return tax ? api.patch<Tax>(`/taxes/${tax.id}`, body) : api.post<Tax>('/taxes', { companyId, ...body });
    },
    { invalidate: ['/taxes'], success: t('common.saved'), onSuccess: onDone, onError: form.applyProblem },
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="tax-form">
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('common.name')} required {...form.text('name')} data-testid="tax-name" />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('invoicing.tax.ratePercent')}
            required
            inputMode="decimal"
            {...form.text('ratePercent')}
            data-testid="tax-rate"
          />
          <Select
            label={t('invoicing.tax.kindLabel')}
            allowDeselect={false}
            data={TAX_KINDS.map((k) => ({ value: k, label: t(`invoicing.tax.kind.${k}`) }))}
            {...form.field('kind')}
          />
        </SimpleGrid>
        <Checkbox label={t('invoicing.tax.compoundHint')} {...form.checkbox('compound')} />
        <Select
          label={t('invoicing.tax.salesAccount')}
          required
          searchable
          data={accounts.postable}
          {...form.field('salesAccountId')}
          data-testid="tax-sales-account"
        />
        <Select
          label={t('invoicing.tax.purchaseAccount')}
          required
          searchable
          data={accounts.postable}
          {...form.field('purchaseAccountId')}
          data-testid="tax-purchase-account"
        />
        <FormButtons onCancel={onDone} pending={save.isPending} creating={!tax} />
      </Stack>
    </form>
  );
}
