import { Anchor, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
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
import { useFormat } from '../../../ui/format';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useForm } from '../../../ui/use-form';
import { maxLength, pattern, required } from '../../../ui/validators';
import { ClientSelect } from '../../parties/client-select';
import type { LoyaltyCard, LoyaltyCardRow } from './loyalty-types';
import { useLoyaltyPrograms } from './use-loyalty-programs';

const column = createColumnHelper<LoyaltyCardRow>();
const INVALIDATE = ['/loyalty-cards'];

export function CardsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('crm:write');
  const programs = useLoyaltyPrograms();
  const [programId, setProgramId] = useState<string | null>(null);
  const [sort, setSort] = useState('cardNumber');
  const [issuing, setIssuing] = useState(false);
  const list = useCursorList<LoyaltyCardRow>('/loyalty-cards', { programId, sort });
  const setBlocked = useApiMutation(
    ({ card, block }: { card: LoyaltyCardRow; block: boolean }) =>
      api.post<LoyaltyCard>(`/loyalty-cards/${card.id}/${block ? 'block' : 'unblock'}`),
    { invalidate: INVALIDATE, success: t('common.saved') },
  );
  const columns = [
    column.accessor('cardNumber', {
      header: t('loyalty.cardNumber'),
      meta: { sortKey: 'cardNumber' },
      cell: (c) => <span style={{ fontFamily: 'monospace' }}>{c.getValue()}</span>,
    }),
    column.accessor('clientName', {
      header: t('loyalty.client'),
      cell: (c) => (
        <Anchor component={Link} to={`/clients/${c.row.original.clientId}`} size="sm">
          {c.getValue()}
        </Anchor>
      ),
    }),
    column.accessor('phone', { header: t('loyalty.phone') }),
    column.accessor('programId', {
      header: t('loyalty.program'),
      cell: (c) => programs.nameOf(c.getValue()),
    }),
    column.accessor('createdAt', { header: t('loyalty.issued'), cell: (c) => format.day(c.getValue()) }),
    column.accessor('blockedAt', {
      header: t('common.status'),
      cell: (c) => (
        <Badge size="xs" variant="light" color={c.getValue() ? 'red' : 'teal'}>
          {c.getValue() ? t('loyalty.blocked') : t('loyalty.active')}
        </Badge>
      ),
    }),
    ...(canWrite
      ? [
          column.display({
            id: 'actions',
            header: '',
            meta: { align: 'right' },
            cell: (c) => {
              const card = c.row.original;
              return card.blockedAt ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setBlocked.mutate({ card, block: false })}
                  data-testid="card-unblock"
                >
                  {t('loyalty.unblock')}
                </Button>
              ) : (
                <ConfirmButton
                  label={t('loyalty.block')}
                  question={t('loyalty.blockQuestion', { number: card.cardNumber })}
                  onConfirm={() => setBlocked.mutate({ card, block: true })}
                  data-testid="card-block"
                />
              );
            },
          }),
        ]
      : []),
  ];
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Select
          placeholder={t('loyalty.allPrograms')}
          clearable
          w={260}
          data={programs.items.map((p) => ({ value: p.id, label: p.name }))}
          value={programId}
          onChange={setProgramId}
          data-testid="cards-program"
        />
        {canWrite && (
          <Button onClick={() => setIssuing(true)} data-testid="issue-card">
            {t('loyalty.issueCard')}
          </Button>
        )}
      </Group>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(c) => c.id}
        loading={list.isLoading}
        error={list.error}
        sort={sort}
        onSortChange={setSort}
        testId="cards-table"
      />
      <CursorPager list={list} />
      <Modal opened={issuing} onClose={() => setIssuing(false)} title={t('loyalty.issueCard')}>
        {issuing && <IssueCardForm programId={programId} onDone={() => setIssuing(false)} />}
      </Modal>
    </>
  );
}

function IssueCardForm({ programId, onDone }: { programId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const programs = useLoyaltyPrograms();
  const form = useForm(
    {
      programId: (programId ?? programs.active[0]?.id ?? null) as string | null,
      clientId: null as string | null,
      cardNumber: '',
      phone: '',
    },
    {
      programId: [required],
      clientId: [required],
      cardNumber: [pattern(/^\d{8,19}$/, 'loyalty.cardNumberInvalid')],
      phone: [maxLength(30)],
    },
  );
  const issue = useApiMutation(
    (v: typeof form.values) =>
      api.post<LoyaltyCard>('/loyalty-cards', {
        programId: v.programId,
        clientId: v.clientId,
        ...(v.cardNumber.trim() ? { cardNumber: v.cardNumber.trim() } : {}),
        ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
      }),
    {
      invalidate: INVALIDATE,
      success: t('loyalty.cardIssued'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => issue.mutate(v))} noValidate data-testid="issue-card-form">
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <Select
          label={t('loyalty.program')}
          required
          allowDeselect={false}
          data={programs.options}
          {...form.field('programId')}
        />
        <ClientSelect
          label={t('loyalty.client')}
          required
          value={form.values.clientId}
          onChange={(id) => form.setValue('clientId', id)}
          error={form.errorText('clientId')}
          data-testid="issue-card-client"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('loyalty.cardNumber')}
            description={t('loyalty.cardNumberHint')}
            inputMode="numeric"
            {...form.text('cardNumber')}
            data-testid="issue-card-number"
          />
          <TextInput label={t('loyalty.phone')} {...form.text('phone')} data-testid="issue-card-phone" />
        </SimpleGrid>
        <FormButtons onCancel={onDone} pending={issue.isPending} creating label={t('loyalty.issue')} />
      </Stack>
    </form>
  );
}
