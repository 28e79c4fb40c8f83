import {
  Anchor,
  Badge,
  Button,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CursorPager } from '../../../ui/cursor-pager';
import { DataTable } from '../../../ui/data-table';
import { FilterInput } from '../../../ui/filter-input';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useForm } from '../../../ui/use-form';
import { maxLength, required } from '../../../ui/validators';
import { ArchivedBadge } from '../../reference/archived-badge';
import type { Segment } from '../crm-types';

const column = createColumnHelper<Segment>();

export function SegmentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('crm:write');
  const [q, setQ] = useState('');
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useCursorList<Segment>('/segments', { q, includeArchived: archived || undefined });
  const columns = [
    column.accessor('name', {
      header: t('common.name'),
      cell: (c) => (
        <>
          <Anchor component={Link} to={`/crm/segments/${c.row.original.id}`} size="sm" fw={600}>
            {c.getValue()}
          </Anchor>{' '}
          <ArchivedBadge archivedAt={c.row.original.archivedAt} />
        </>
      ),
    }),
    column.accessor('kind', {
      header: t('segments.kindLabel'),
      cell: (c) => (
        <Badge size="xs" variant="light" color={c.getValue() === 'dynamic' ? 'indigo' : 'gray'}>
          {t(`segments.kind.${c.getValue()}`)}
        </Badge>
      ),
    }),
    column.accessor('memberCount', { header: t('segments.members'), meta: { align: 'right' } }),
    column.accessor('refresh', {
      header: t('segments.refreshLabel'),
      cell: (c) => t(`segments.refresh.${c.getValue()}`),
    }),
    column.accessor('computedAt', {
      header: t('segments.computedAt'),
      cell: (c) => format.dateTime(c.getValue()),
    }),
  ];
  return (
    <>
      <PageHeader
        title={t('segments.title')}
        description={t('segments.description')}
        actions={
          canWrite && (
            <Button onClick={() => setCreating(true)} data-testid="create-segment">
              {t('segments.create')}
            </Button>
          )
        }
      />
      <Stack gap="sm" mb="sm">
        <FilterInput onChange={setQ} />
        <Switch
          size="sm"
          label={t('common.showArchived')}
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
        />
      </Stack>
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(s) => s.id}
        loading={list.isLoading}
        error={list.error}
        testId="segments-table"
      />
      <CursorPager list={list} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('segments.create')}>
        {creating && <SegmentForm onDone={() => setCreating(false)} />}
      </Modal>
    </>
  );
}

function SegmentForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm(
    { name: '', kind: 'dynamic', refresh: 'daily' as string | null },
    { name: [required, maxLength(200)] },
  );
  const create = useApiMutation(
    (v: typeof form.values) =>
      api.post<Segment>('/segments', {
        name: v.name.trim(),
        kind: v.kind,
        ...(v.kind === 'dynamic'
          ? {
              refresh: v.refresh ?? 'daily',
              criteria: { all: [{ field: 'openDeals', op: 'gte', value: 0 }] },
            }
          : {}),
      }),
    {
      invalidate: ['/segments'],
      success: t('segments.created'),
      onSuccess: (s) => {
        onDone();
        void navigate({ to: `/crm/segments/${s.id}` });
      },
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('common.name')} required {...form.text('name')} data-testid="segment-name" />
        <SegmentedControl
          size="xs"
          value={form.values.kind}
          onChange={(k) => form.setValue('kind', k)}
          data={[
            { value: 'dynamic', label: t('segments.kind.dynamic') },
            { value: 'static', label: t('segments.kind.static') },
          ]}
        />
        {form.values.kind === 'dynamic' && (
          <Select
            label={t('segments.refreshLabel')}
            allowDeselect={false}
            data={(['none', 'hourly', 'daily'] as const).map((r) => ({
              value: r,
              label: t(`segments.refresh.${r}`),
            }))}
            {...form.field('refresh')}
          />
        )}
        <FormButtons onCancel={onDone} pending={create.isPending} creating />
      </Stack>
    </form>
  );
}
