import { Button, Group, Modal, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmButton } from '../../ui/confirm-button';
import { DataTable } from '../../ui/data-table';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, required } from '../../ui/validators';
import { type Contact, contactName } from './party-types';

const column = createColumnHelper<Contact>();

export function ContactsPanel({
  clientId,
  contacts,
  canWrite,
}: {
  clientId: string;
  contacts: Contact[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const archive = useApiMutation((c: Contact) => api.post(`/contacts/${c.id}/archive`), {
    invalidate: [`/clients/${clientId}`, '/contacts'],
    success: t('common.saved'),
  });
  const columns = [
    column.accessor((c) => contactName(c), { id: 'name', header: t('common.name') }),
    column.accessor('role', { header: t('contacts.role') }),
    column.accessor('phones', { header: t('clients.phone'), cell: (c) => c.getValue().join(', ') }),
    column.accessor('emails', { header: t('auth.email'), cell: (c) => c.getValue().join(', ') }),
    ...(canWrite
      ? [
          column.display({
            id: 'actions',
            header: '',
            meta: { align: 'right' },
            cell: ({ row }) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(row.original)}>
                  {t('common.edit')}
                </Button>
                <ConfirmButton
                  label={t('common.archive')}
                  question={t('contacts.archiveQuestion', { name: contactName(row.original) })}
                  onConfirm={() => archive.mutate(row.original)}
                />
              </Group>
            ),
          }),
        ]
      : []),
  ];
  return (
    <Stack gap="xs">
      {canWrite && (
        <Group justify="flex-end">
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setEditing('new')}
            data-testid="add-contact"
          >
            {t('contacts.create')}
          </Button>
        </Group>
      )}
      <DataTable data={contacts} columns={columns} getRowId={(c) => c.id} testId="contacts-table" />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' || !editing ? t('contacts.create') : contactName(editing)}
      >
        {editing !== null && (
          <ContactForm
            clientId={clientId}
            contact={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ContactForm({
  clientId,
  contact,
  onDone,
}: {
  clientId: string;
  contact: Contact | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm(
    {
      firstName: contact?.firstName ?? '',
      lastName: contact?.lastName ?? '',
      role: contact?.role ?? '',
      phones: contact?.phones ?? [],
      emails: contact?.emails ?? [],
      notes: contact?.notes ?? '',
    },
    { firstName: [required, maxLength(100)], lastName: [maxLength(100)], role: [maxLength(100)] },
  );
  const save = useApiMutation(
    (v: typeof form.values) => {
      const body = {
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim() || null,
        role: v.role.trim() || null,
        phones: v.phones,
        emails: v.emails,
        notes: v.notes.trim() || null,
      };
      return contact
        ? api.patch<Contact>(`/contacts/${contact.id}`, body)
        : api.post<Contact>('/contacts', { ...body, clientId });
    },
    {
      invalidate: [`/clients/${clientId}`, '/contacts'],
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
          <TextInput
            label={t('contacts.firstName')}
            required
            {...form.text('firstName')}
            data-testid="contact-first-name"
          />
          <TextInput label={t('contacts.lastName')} {...form.text('lastName')} />
        </SimpleGrid>
        <TextInput label={t('contacts.role')} {...form.text('role')} />
        <TagsInput label={t('contacts.phones')} {...form.field('phones')} />
        <TagsInput label={t('contacts.emails')} {...form.field('emails')} />
        <Textarea label={t('clients.notes')} autosize minRows={2} {...form.text('notes')} />
        <FormButtons onCancel={onDone} pending={save.isPending} creating={!contact} />
      </Stack>
    </form>
  );
}
