import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, required } from '../../ui/validators';
import { type AnalyticDimension, DIMENSION_KINDS, type DimensionKind } from './accounting-types';
import { useDimensions } from './use-accounting-lists';

/** Cost centres, projects and departments a GL line may be tagged with. */
export function DimensionsTab({ companyId, canManage }: { companyId: string | null; canManage: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DimensionKind>('cost_centre');
  const { dimensions } = useDimensions(companyId, kind);
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(k) => setKind(k as DimensionKind)}
          data={DIMENSION_KINDS.map((k) => ({ value: k, label: t(`accounting.dimension.kind.${k}`) }))}
        />
        {canManage && (
          <Button variant="light" onClick={() => setCreating(true)} data-testid="create-dimension">
            {t('accounting.dimension.create')}
          </Button>
        )}
      </Group>
      <Table striped withTableBorder data-testid="dimensions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{t('accounting.account.code')}</Table.Th>
            <Table.Th>{t('common.name')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dimensions.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td ff="monospace">{d.code}</Table.Td>
              <Table.Td>{d.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {dimensions.length === 0 && (
        <Text size="sm" c="dimmed" ta="center">
          {t('common.empty')}
        </Text>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('accounting.dimension.create')}>
        {creating && companyId && (
          <DimensionForm companyId={companyId} kind={kind} onDone={() => setCreating(false)} />
        )}
      </Modal>
    </Stack>
  );
}

function DimensionForm({
  companyId,
  kind,
  onDone,
}: {
  companyId: string;
  kind: DimensionKind;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm(
    { kind: kind as string | null, code: '', name: '' },
    { kind: [required], code: [required, maxLength(20)], name: [required, maxLength(200)] },
  );
  const save = useApiMutation(
    (v: typeof form.values) =>
      api.post<AnalyticDimension>('/analytic-dimensions', {
        companyId,
        kind: v.kind,
        code: v.code.trim(),
        name: v.name.trim(),
      }),
    {
      invalidate: ['/analytic-dimensions'],
      success: t('common.saved'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('accounting.dimension.kindLabel')}
            allowDeselect={false}
            data={DIMENSION_KINDS.map((k) => ({ value: k, label: t(`accounting.dimension.kind.${k}`) }))}
            {...form.field('kind')}
          />
          <TextInput label={t('accounting.account.code')} required {...form.text('code')} />
        </SimpleGrid>
        <TextInput label={t('common.name')} required {...form.text('name')} />
        <FormButtons onCancel={onDone} pending={save.isPending} creating />
      </Stack>
    </form>
  );
}
