import { Checkbox, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, required } from '../../ui/validators';
import { useCurrencyOptions } from '../reference/use-reference-options';
import { ACCOUNT_TYPES, type Account, type AccountType, accountLabel } from './accounting-types';
import { useAccounts } from './use-accounting-lists';

/** `null` closed, `'new'` to create, an account to edit. */
export type AccountTarget = Account | 'new' | null;

export function AccountModal({
  target,
  companyId,
  onClose,
}: {
  target: AccountTarget;
  companyId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const editing = target && target !== 'new' ? target : undefined;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? accountLabel(editing) : t('accounting.account.create')}
      size="lg"
    >
      {target !== null && companyId && (
        <AccountForm account={editing} companyId={companyId} onDone={onClose} />
      )}
    </Modal>
  );
}

function AccountForm({
  account,
  companyId,
  onDone,
}: {
  account?: Account;
  companyId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const currencies = useCurrencyOptions();
  const { accounts } = useAccounts(companyId);
  const groups = accounts
    .filter((a) => a.isGroup && !a.archivedAt && a.id !== account?.id)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((a) => ({ value: a.id, label: accountLabel(a) }));
  const form = useForm(
    {
      code: account?.code ?? '',
      name: account?.name ?? '',
      type: (account?.type ?? 'asset') as string | null,
      parentId: account?.parentId ?? null,
      isGroup: account?.isGroup ?? false,
      currency: account?.currency ?? null,
      reconcilable: account?.reconcilable ?? false,
    },
    { code: [required, maxLength(20)], name: [required, maxLength(200)], type: [required] },
  );
  const save = useApiMutation(
    (v: typeof form.values) => {
      const body = {
        code: v.code.trim(),
        name: v.name.trim(),
        type: v.type as AccountType,
        parentId: v.parentId,
        isGroup: v.isGroup,
        currency: v.currency,
        reconcilable: v.reconcilable,
      };
      return account
        ? api.patch<Account>(`/accounts/${account.id}`, body)
        : api.post<Account>('/accounts', { companyId, ...body });
    },
    { invalidate: ['/accounts'], success: t('common.saved'), onSuccess: onDone, onError: form.applyProblem },
  );
  // A child takes its parent's type unless the accountant says otherwise.
  const pickParent = (parentId: string | null) => {
    form.setValue('parentId', parentId);
    const parent = accounts.find((a) => a.id === parentId);
    if (parent) form.setValue('type', parent.type);
  };
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('accounting.account.code')}
            required
            {...form.text('code')}
            data-testid="account-code"
          />
          <Select
            label={t('accounting.account.type')}
            required
            allowDeselect={false}
            data={ACCOUNT_TYPES.map((k) => ({ value: k, label: t(`accounting.accountType.${k}`) }))}
            {...form.field('type')}
          />
        </SimpleGrid>
        <TextInput label={t('common.name')} required {...form.text('name')} data-testid="account-name" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('accounting.account.parent')}
            searchable
            clearable
            data={groups}
            {...form.field('parentId')}
            onChange={pickParent}
          />
          <Select
            label={t('accounting.account.onlyCurrency')}
            description={t('accounting.account.onlyCurrencyHint')}
            searchable
            clearable
            data={currencies}
            {...form.field('currency')}
          />
        </SimpleGrid>
        <Group gap="lg">
          <Checkbox label={t('accounting.account.isGroup')} {...form.checkbox('isGroup')} />
          <Checkbox label={t('accounting.account.reconcilable')} {...form.checkbox('reconcilable')} />
        </Group>
        <FormButtons onCancel={onDone} pending={save.isPending} creating={!account} />
      </Stack>
    </form>
  );
}
