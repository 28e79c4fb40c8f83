import { Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, required } from '../../ui/validators';
import { JOURNAL_KINDS, type Journal, type JournalKind } from './accounting-types';
import { useAccounts, useJournals } from './use-accounting-lists';

/** The company's journals: each numbers its own entries. */
export function JournalsTab({ companyId, canManage }: { companyId: string | null; canManage: boolean }) {
  const { t } = useTranslation();
  const { journals } = useJournals(companyId);
  const accounts = useAccounts(companyId);
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      {canManage && (
        <Group justify="flex-end">
          <Button variant="light" onClick={() => setCreating(true)} data-testid="create-journal">
            {t('accounting.journal.create')}
          </Button>
        </Group>
      )}
      <Table striped withTableBorder data-testid="journals-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{t('accounting.account.code')}</Table.Th>
            <Table.Th>{t('common.name')}</Table.Th>
            <Table.Th>{t('accounting.journal.kindLabel')}</Table.Th>
            <Table.Th>{t('accounting.journal.defaultAccount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {journals.map((j) => (
            <Table.Tr key={j.id}>
              <Table.Td ff="monospace">{j.code}</Table.Td>
              <Table.Td>{j.name}</Table.Td>
              <Table.Td>{t(`accounting.journal.kind.${j.kind}`)}</Table.Td>
              <Table.Td>{accounts.labelOf(j.defaultAccountId)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {journals.length === 0 && (
        <Text size="sm" c="dimmed" ta="center">
          {t('common.empty')}
        </Text>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('accounting.journal.create')}>
        {creating && companyId && <JournalForm companyId={companyId} onDone={() => setCreating(false)} />}
      </Modal>
    </Stack>
  );
}

function JournalForm({ companyId, onDone }: { companyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const accounts = useAccounts(companyId);
  const form = useForm(
    { code: '', name: '', kind: 'general' as string | null, defaultAccountId: null as string | null },
    { code: [required, maxLength(20)], name: [required, maxLength(200)], kind: [required] },
  );
  const save = useApiMutation(
    (v: typeof form.values) =>
      api.post<Journal>('/journals', {
        companyId,
        code: v.code.trim(),
        name: v.name.trim(),
        kind: v.kind as JournalKind,
        defaultAccountId: v.defaultAccountId,
      }),
    {
      invalidate: ['/journals'],
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
          <TextInput label={t('accounting.account.code')} required {...form.text('code')} />
          <Select
            label={t('accounting.journal.kindLabel')}
            allowDeselect={false}
            data={JOURNAL_KINDS.map((k) => ({ value: k, label: t(`accounting.journal.kind.${k}`) }))}
            {...form.field('kind')}
          />
        </SimpleGrid>
        <TextInput label={t('common.name')} required {...form.text('name')} />
        <Select
          label={t('accounting.journal.defaultAccount')}
          searchable
          clearable
          data={accounts.postable}
          {...form.field('defaultAccountId')}
        />
        <FormButtons onCancel={onDone} pending={save.isPending} creating />
      </Stack>
    </form>
  );
}
