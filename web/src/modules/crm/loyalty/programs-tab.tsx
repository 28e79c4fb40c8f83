import {
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { ConfirmButton } from '../../../ui/confirm-button';
import { CursorPager } from '../../../ui/cursor-pager';
import { DataTable } from '../../../ui/data-table';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useForm } from '../../../ui/use-form';
import { type Check, maxLength, pattern, positiveDecimal, required } from '../../../ui/validators';
import { useCurrencyOptions } from '../../reference/use-reference-options';
import { useDefaultCurrency } from '../use-client-records';
import type { LoyaltyProgram } from './loyalty-types';

const column = createColumnHelper<LoyaltyProgram>();
const percent = pattern(/^\d{1,3}(\.\d{1,4})?$/, 'loyalty.percentInvalid');
const days: Check<string> = (value) =>
  value.trim() && !/^\d{1,4}$/.test(value.trim()) ? { key: 'loyalty.daysInvalid' } : null;
const INVALIDATE = ['/loyalty-programs'];

type Target = LoyaltyProgram | 'new' | null;

export function ProgramsTab() {
  const { t } = useTranslation();
  const canManage = useCan('crm:manage');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [sort, setSort] = useState('name');
  const [target, setTarget] = useState<Target>(null);
  const list = useCursorList<LoyaltyProgram>('/loyalty-programs', {
    includeArchived: includeArchived || undefined,
    sort,
  });
  const setArchived = useApiMutation(
    ({ program, archive }: { program: LoyaltyProgram; archive: boolean }) =>
      api.post<LoyaltyProgram>(`/loyalty-programs/${program.id}/${archive ? 'archive' : 'restore'}`),
    { invalidate: INVALIDATE, success: t('common.saved') },
  );
  const columns = [
    column.accessor('name', {
      header: t('common.name'),
      meta: { sortKey: 'name' },
      cell: (c) => (
        <Group gap={6}>
          {c.getValue()}
          {c.row.original.archivedAt && (
            <Badge size="xs" color="gray" variant="light">
              {t('common.archived')}
            </Badge>
          )}
        </Group>
      ),
    }),
    column.accessor('currency', { header: t('loyalty.currency') }),
    column.accessor('accrualPercent', {
      header: t('loyalty.accrualPercent'),
      cell: (c) => `${c.getValue()}%`,
    }),
    column.accessor('maxRedeemPercent', {
      header: t('loyalty.maxRedeemPercent'),
      cell: (c) => `${c.getValue()}%`,
    }),
    column.accessor('pointValue', { header: t('loyalty.pointValue') }),
    column.accessor('expireDays', {
      header: t('loyalty.expireDays'),
      cell: (c) => c.getValue() ?? t('loyalty.never'),
    }),
    ...(canManage
      ? [
          column.display({
            id: 'actions',
            header: '',
            meta: { align: 'right' },
            cell: (c) => {
              const program = c.row.original;
              return (
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {!program.archivedAt && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setTarget(program)}
                      data-testid="program-edit"
                    >
                      {t('common.edit')}
                    </Button>
                  )}
                  {program.archivedAt ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setArchived.mutate({ program, archive: false })}
                      data-testid="program-restore"
                    >
                      {t('common.restore')}
                    </Button>
                  ) : (
                    <ConfirmButton
                      label={t('common.archive')}
                      question={t('loyalty.archiveQuestion', { name: program.name })}
                      onConfirm={() => setArchived.mutate({ program, archive: true })}
                      data-testid="program-archive"
                    />
                  )}
                </Group>
              );
            },
          }),
        ]
      : []),
  ];
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Switch
          size="sm"
          label={t('common.showArchived')}
          checked={includeArchived}
          onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
        />
        {canManage && (
          <Button onClick={() => setTarget('new')} data-testid="create-program">
            {t('loyalty.createProgram')}
          </Button>
        )}
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(p) => p.id}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId="programs-table"
      />
      <CursorPager list={list} />
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target === 'new' ? t('loyalty.createProgram') : t('loyalty.editProgram')}
        size="lg"
      >
        {target && <ProgramForm program={target === 'new' ? null : target} onDone={() => setTarget(null)} />}
      </Modal>
    </>
  );
}

/** "coffee = 10" lines, one category a line, to and from the program's record. */
const categoriesText = (categories: Record<string, string>) =>
  Object.entries(categories)
    .map(([category, value]) => `${category} = ${value}`)
    .join('\n');

function parseCategories(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.lastIndexOf('=');
    if (at < 0) continue;
    const category = line.slice(0, at).trim();
    if (category) result[category] = line.slice(at + 1).trim();
  }
  return result;
}

const categoriesCheck: Check<string> = (value) =>
  value
    .split('\n')
    .filter((line) => line.trim())
    .every((line) => /^[^=]+=\s*\d{1,3}(\.\d{1,4})?\s*$/.test(line))
    ? null
    : { key: 'loyalty.categoriesInvalid' };

function ProgramForm({ program, onDone }: { program: LoyaltyProgram | null; onDone: () => void }) {
  const { t } = useTranslation();
  const currencies = useCurrencyOptions();
  const defaultCurrency = useDefaultCurrency();
  const form = useForm(
    {
      name: program?.name ?? '',
      currency: (program?.currency ?? defaultCurrency) as string | null,
      accrualPercent: program?.accrualPercent ?? '',
      maxRedeemPercent: program?.maxRedeemPercent ?? '',
      pointValue: program?.pointValue ?? '',
      expireDays: program?.expireDays ? String(program.expireDays) : '',
      categoryPercents: program ? categoriesText(program.categoryPercents) : '',
    },
    {
      name: [required, maxLength(200)],
      currency: [required],
      accrualPercent: [required, percent],
      maxRedeemPercent: [percent],
      pointValue: [positiveDecimal],
      expireDays: [days],
      categoryPercents: [categoriesCheck],
    },
  );
  const save = useApiMutation(
    (v: typeof form.values) => {
      const body = {
        name: v.name.trim(),
        accrualPercent: v.accrualPercent.trim(),
        categoryPercents: parseCategories(v.categoryPercents),
        expireDays: v.expireDays.trim() ? Number.parseInt(v.expireDays.trim(), 10) : null,
        ...(v.maxRedeemPercent.trim() ? { maxRedeemPercent: v.maxRedeemPercent.trim() } : {}),
        ...(v.pointValue.trim() ? { pointValue: v.pointValue.trim() } : {}),
      };
      return program
        ? api.patch<LoyaltyProgram>(`/loyalty-programs/${program.id}`, body)
        : api.post<LoyaltyProgram>('/loyalty-programs', { ...body, currency: v.currency });
    },
    {
      invalidate: INVALIDATE,
      success: program ? t('common.saved') : t('common.created'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="program-form">
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('common.name')} required {...form.text('name')} data-testid="program-name" />
          <Select
            label={t('loyalty.currency')}
            description={program ? t('loyalty.currencyFixed') : undefined}
            required
            searchable
            allowDeselect={false}
            disabled={!!program}
            data={currencies}
            {...form.field('currency')}
          />
          <TextInput
            label={t('loyalty.accrualPercent')}
            required
            inputMode="decimal"
            {...form.text('accrualPercent')}
            data-testid="program-accrual"
          />
          <TextInput
            label={t('loyalty.maxRedeemPercent')}
            inputMode="decimal"
            placeholder="100"
            {...form.text('maxRedeemPercent')}
          />
          <TextInput
            label={t('loyalty.pointValue')}
            inputMode="decimal"
            placeholder="1"
            {...form.text('pointValue')}
          />
          <TextInput
            label={t('loyalty.expireDays')}
            inputMode="numeric"
            placeholder={t('loyalty.never')}
            {...form.text('expireDays')}
          />
        </SimpleGrid>
        <Textarea
          label={t('loyalty.categoryPercents')}
          description={t('loyalty.categoryPercentsHint')}
          autosize
          minRows={2}
          {...form.text('categoryPercents')}
        />
        <FormButtons onCancel={onDone} pending={save.isPending} creating={!program} />
      </Stack>
    </form>
  );
}
