import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
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
import { maxLength, required } from '../../../ui/validators';
import { parseAmount, sumAmounts, trimAmount } from '../decimal-sum';
import { ArchiveToggleButton } from './archive-toggle-button';
import type { PaymentTerms } from './invoicing-types';
import { usePaymentTerms } from './use-invoicing-lists';

type Target = PaymentTerms | 'new' | null;

/** "30 % in 30 days, 70 % in 60 days": how a set of terms reads in the list. */
function useInstalmentsText() {
  const { t } = useTranslation();
  return (terms: PaymentTerms) =>
    terms.instalments
      .map((i) => t('invoicing.terms.instalmentText', { percent: trimAmount(i.percent, 0), days: i.days }))
      .join(', ');
}

/** The company's payment terms: instalments as percents of the total, each due some days after the invoice. */
export function PaymentTermsTab({ companyId, canManage }: { companyId: string | null; canManage: boolean }) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const { terms } = usePaymentTerms(companyId, showArchived);
  const instalmentsText = useInstalmentsText();
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
            data-testid="create-terms"
          >
            {t('invoicing.terms.create')}
          </Button>
        )}
      </Group>
      <Table striped withTableBorder data-testid="terms-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.name')}</Table.Th>
            <Table.Th>{t('invoicing.terms.instalments')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.map((term) => (
            <Table.Tr key={term.id} data-testid="terms-row">
              <Table.Td>
                {term.name}
                {term.archivedAt && (
                  <Badge ml="xs" size="xs" color="gray" variant="light">
                    {t('invoicing.settings.archived')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{instalmentsText(term)}</Table.Td>
              <Table.Td ta="right">
                {canManage && (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setTarget(term)}>
                      {t('common.edit')}
                    </Button>
                    <ArchiveToggleButton
                      path={`/payment-terms/${term.id}`}
                      archived={!!term.archivedAt}
                      question={t('invoicing.terms.archiveQuestion', { name: term.name })}
                    />
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {terms.length === 0 && (
        <Text size="sm" c="dimmed" ta="center">
          {t('common.empty')}
        </Text>
      )}
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target === 'new' ? t('invoicing.terms.create') : t('invoicing.terms.edit')}
        size="lg"
      >
        {target !== null && companyId && (
          <TermsForm
            companyId={companyId}
            terms={target === 'new' ? null : target}
            onDone={() => setTarget(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

interface InstalmentDraft {
  percent: string;
  days: string;
}

function TermsForm({
  companyId,
  terms,
  onDone,
}: {
  companyId: string;
  terms: PaymentTerms | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ name: terms?.name ?? '' }, { name: [required, maxLength(200)] });
  const [instalments, setInstalments] = useState<InstalmentDraft[]>(
    terms?.instalments.map((i) => ({ percent: trimAmount(i.percent, 0), days: String(i.days) })) ?? [
      { percent: '100', days: '30' },
    ],
  );
  const total = sumAmounts(instalments.map((i) => i.percent));
  const update = (index: number, patch: Partial<InstalmentDraft>) =>
    setInstalments(instalments.map((i, n) => (n === index ? { ...i, ...patch } : i)));
  const save = useApiMutation(
    (v: typeof form.values) => {
      const body = {
        name: v.name.trim(),
        instalments: instalments.map((i) => ({ percent: i.percent.trim(), days: Number(i.days) })),
      };
      return terms
        ? api.patch<PaymentTerms>(`/payment-terms/${terms.id}`, body)
        : api.post<PaymentTerms>('/payment-terms', { companyId, ...body });
    },
    {
      invalidate: ['/payment-terms'],
      success: t('common.saved'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="terms-form">
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('common.name')} required {...form.text('name')} data-testid="terms-name" />
        <Table withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoicing.terms.percent')}</Table.Th>
              <Table.Th>{t('invoicing.terms.days')}</Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {instalments.map((instalment, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: instalments have no identity but their order
              <Table.Tr key={index} data-testid="instalment">
                <Table.Td>
                  <TextInput
                    size="xs"
                    inputMode="decimal"
                    aria-label={t('invoicing.terms.percent')}
                    value={instalment.percent}
                    onChange={(e) => update(index, { percent: e.currentTarget.value })}
                    error={
                      parseAmount(instalment.percent) === null ? t('validation.positiveDecimal') : undefined
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    inputMode="numeric"
                    aria-label={t('invoicing.terms.days')}
                    value={instalment.days}
                    onChange={(e) => update(index, { days: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('accounting.line.remove')}
                    disabled={instalments.length <= 1}
                    onClick={() => setInstalments(instalments.filter((_, n) => n !== index))}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setInstalments([...instalments, { percent: '', days: '' }])}
          >
            {t('invoicing.terms.addInstalment')}
          </Button>
          <Text size="sm" c={total.equals(100) ? 'teal' : 'red'} data-testid="terms-total">
            {t('invoicing.terms.total', { percent: total.toFixed() })}
          </Text>
        </Group>
        <FormButtons onCancel={onDone} pending={save.isPending} creating={!terms} />
      </Stack>
    </form>
  );
}
