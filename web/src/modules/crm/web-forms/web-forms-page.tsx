import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ConfirmButton } from '../../../ui/confirm-button';
import { CopyField } from '../../../ui/copy-field';
import { CursorPager } from '../../../ui/cursor-pager';
import { DataTable } from '../../../ui/data-table';
import { FormAlert } from '../../../ui/form-alert';
import { FormButtons } from '../../../ui/form-buttons';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useForm } from '../../../ui/use-form';
import { maxLength, required } from '../../../ui/validators';
import { ArchivedBadge } from '../../reference/archived-badge';
import { useUserOptions } from '../../users/use-user-options';
import type { Source, WebForm } from '../crm-types';
import { useSourceOptions } from '../use-crm-options';
import { embedSnippet, submitUrl } from './web-form-snippet';

const column = createColumnHelper<WebForm>();

export function WebFormsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useUserOptions();
  const sources = useSourceOptions();
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [showing, setShowing] = useState<WebForm | null>(null);
  const list = useCursorList<WebForm>('/web-forms', { includeArchived: archived || undefined });
  const setArchivedState = useApiMutation(
    (f: WebForm) => api.post<WebForm>(`/web-forms/${f.id}/${f.archivedAt ? 'restore' : 'archive'}`),
    { invalidate: ['/web-forms'], success: t('common.saved') },
  );
  const columns = [
    column.accessor('name', {
      header: t('common.name'),
      cell: (c) => (
        <Group gap={6}>
          <Anchor size="sm" fw={600} onClick={() => setShowing(c.row.original)} data-testid="web-form-open">
            {c.getValue()}
          </Anchor>
          <ArchivedBadge archivedAt={c.row.original.archivedAt} />
        </Group>
      ),
    }),
    column.accessor('sourceId', { header: t('leads.source'), cell: (c) => sources.nameOf(c.getValue()) }),
    column.accessor('responsibleUserId', {
      header: t('leads.responsible'),
      cell: (c) => users.nameOf(c.getValue()),
    }),
    column.accessor('publicKey', {
      header: t('webForms.publicKey'),
      cell: (c) => <Code title={c.getValue()}>{`${c.getValue().slice(0, 16)}…`}</Code>,
    }),
    column.accessor('createdAt', { header: t('common.created'), cell: (c) => format.day(c.getValue()) }),
    column.display({
      id: 'actions',
      header: '',
      meta: { align: 'right' },
      cell: ({ row }) =>
        row.original.archivedAt ? (
          <Button size="compact-xs" variant="subtle" onClick={() => setArchivedState.mutate(row.original)}>
            {t('common.restore')}
          </Button>
        ) : (
          <ConfirmButton
            label={t('common.archive')}
            question={t('webForms.archiveQuestion', { name: row.original.name })}
            onConfirm={() => setArchivedState.mutate(row.original)}
          />
        ),
    }),
  ];
  return (
    <>
      <PageHeader
        title={t('webForms.title')}
        description={t('webForms.description')}
        actions={
          <Button onClick={() => setCreating(true)} data-testid="create-web-form">
            {t('webForms.create')}
          </Button>
        }
      />
      <Switch
        mb="sm"
        size="sm"
        label={t('common.showArchived')}
        checked={archived}
        onChange={(e) => setArchived(e.currentTarget.checked)}
      />
      <DataTable
        data={list.items}
        columns={columns}
        getRowId={(f) => f.id}
        loading={list.isLoading}
        error={list.error}
        testId="web-forms-table"
      />
      <CursorPager list={list} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('webForms.create')} size="lg">
        {creating && (
          <WebFormForm
            onDone={(form) => {
              setCreating(false);
              if (form) setShowing(form);
            }}
          />
        )}
      </Modal>
      <Modal opened={showing !== null} onClose={() => setShowing(null)} title={showing?.name} size="xl">
        {showing && <WebFormEmbed form={showing} />}
      </Modal>
    </>
  );
}

function WebFormEmbed({ form }: { form: WebForm }) {
  const { t } = useTranslation();
  const snippet = embedSnippet(form, {
    name: t('webForms.snippet.name'),
    company: t('webForms.snippet.company'),
    email: t('webForms.snippet.email'),
    phone: t('webForms.snippet.phone'),
    message: t('webForms.snippet.message'),
    send: t('webForms.snippet.send'),
    thanks: t('webForms.snippet.thanks'),
  });
  return (
    <Stack gap="sm" data-testid="web-form-embed">
      <Alert variant="light" color="blue">
        {t('webForms.embedExplain')}
      </Alert>
      <CopyField label={t('webForms.publicKey')} value={form.publicKey} testId="web-form-key" />
      <CopyField label={t('webForms.submitUrl')} value={submitUrl(form)} testId="web-form-url" />
      <Textarea
        label={t('webForms.snippetLabel')}
        value={snippet}
        readOnly
        autosize
        minRows={8}
        maxRows={20}
        ff="monospace"
        styles={{ input: { fontSize: 12 } }}
        data-testid="web-form-snippet"
        onFocus={(e) => e.currentTarget.select()}
      />
    </Stack>
  );
}

/** A form needs a source; a new one can be named here and is made as a web-form source. */
function WebFormForm({ onDone }: { onDone: (form?: WebForm) => void }) {
  const { t } = useTranslation();
  const sources = useSourceOptions();
  const users = useUserOptions();
  const form = useForm(
    {
      name: '',
      sourceId: null as string | null,
      newSource: '',
      responsibleUserId: null as string | null,
    },
    { name: [required, maxLength(200)], responsibleUserId: [required] },
  );
  const create = useApiMutation(
    async (v: typeof form.values) => {
      const sourceId = v.newSource.trim()
        ? (await api.post<Source>('/sources', { kind: 'web_form', name: v.newSource.trim() })).id
        : v.sourceId;
      return api.post<WebForm>('/web-forms', {
        name: v.name.trim(),
        sourceId,
        responsibleUserId: v.responsibleUserId,
      });
    },
    {
      invalidate: ['/web-forms', '/sources'],
      success: t('webForms.created'),
      onSuccess: (created) => onDone(created),
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('common.name')} required {...form.text('name')} data-testid="web-form-name" />
        <Group grow align="flex-start">
          <Select
            label={t('leads.source')}
            searchable
            clearable
            disabled={!!form.values.newSource.trim()}
            data={sources.options}
            {...form.field('sourceId')}
          />
          <TextInput
            label={t('webForms.newSource')}
            {...form.text('newSource')}
            data-testid="web-form-new-source"
          />
        </Group>
        <Select
          label={t('leads.responsible')}
          required
          searchable
          data={users.options}
          {...form.field('responsibleUserId')}
          data-testid="web-form-responsible"
        />
        <FormButtons onCancel={() => onDone()} pending={create.isPending} creating />
      </Stack>
    </form>
  );
}
