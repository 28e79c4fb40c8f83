import {
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { FormAlert } from '../../../ui/form-alert';
import { notifySuccess } from '../../../ui/notify';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { BANK_CHANGED, type CsvMapping, type ImportResult } from './bank-types';
import { CsvMappingFields, DEFAULT_MAPPING } from './csv-mapping-fields';

/** Picks a bank journal and a file; a CSV also needs its columns mapped, which the journal remembers. */
export function ImportStatementModal({
  journals,
  initialJournalId,
  onClose,
}: {
  journals: { value: string; label: string }[];
  initialJournalId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [journalId, setJournalId] = useState(initialJournalId);
  const [format, setFormat] = useState<'camt053' | 'csv'>('camt053');
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState('');
  const [mapping, setMapping] = useState<CsvMapping>(DEFAULT_MAPPING);
  const [saveMapping, setSaveMapping] = useState(true);
  const [openingBalance, setOpeningBalance] = useState('');
  const [closingBalance, setClosingBalance] = useState('');
  const saved = useQuery({
    queryKey: ['/bank-statements', 'mapping', journalId],
    enabled: !!journalId,
    queryFn: () => api.get<{ mapping: CsvMapping | null }>(`/journals/${journalId}/bank-import-mapping`),
  });
  useEffect(() => {
    if (saved.data?.mapping) setMapping(saved.data.mapping);
  }, [saved.data]);
  useEffect(() => {
    if (!file) return setContent('');
    file.text().then(setContent);
    if (/\.csv$|\.txt$/i.test(file.name)) setFormat('csv');
    if (/\.xml$/i.test(file.name)) setFormat('camt053');
  }, [file]);

  const submit = useApiMutation(
    () =>
      api.post<ImportResult>('/bank-statements/import', {
        journalId,
        format,
        content,
        fileName: file?.name ?? null,
        ...(format === 'csv'
          ? {
              mapping,
              saveMapping,
              openingBalance: openingBalance.trim() || null,
              closingBalance: closingBalance.trim() || null,
            }
          : {}),
      }),
    {
      invalidate: BANK_CHANGED,
      onError: () => {},
      onSuccess: (result) => {
        notifySuccess(t('bank.imported', { imported: result.imported, duplicates: result.duplicates }));
        onClose();
        if (result.statement) navigate({ to: `/accounting/bank/${result.statement.id}` });
      },
    },
  );

  return (
    <Modal opened onClose={onClose} title={t('bank.import')} size="lg">
      <Stack gap="sm">
        <Group grow align="flex-end">
          <Select
            label={t('accounting.entry.journal')}
            data={journals}
            value={journalId}
            onChange={setJournalId}
            required
            data-testid="import-journal"
          />
          <SegmentedControl
            data={[
              { value: 'camt053', label: t('bank.formats.camt053') },
              { value: 'csv', label: t('bank.formats.csv') },
            ]}
            value={format}
            onChange={(v) => setFormat(v as 'camt053' | 'csv')}
            data-testid="import-format"
          />
        </Group>
        <FileInput
          label={t('bank.file')}
          placeholder={t('bank.pickFile')}
          accept=".xml,.csv,.txt"
          value={file}
          onChange={setFile}
          required
          data-testid="import-file"
        />
        {format === 'csv' && (
          <>
            <CsvMappingFields mapping={mapping} onChange={setMapping} content={content} />
            <SimpleGrid cols={2} spacing="xs">
              <TextInput
                label={t('bank.openingBalance')}
                value={openingBalance}
                onChange={(e) => setOpeningBalance(e.currentTarget.value)}
              />
              <TextInput
                label={t('bank.closingBalance')}
                value={closingBalance}
                onChange={(e) => setClosingBalance(e.currentTarget.value)}
              />
            </SimpleGrid>
            <Checkbox
              label={t('bank.mapping.save')}
              checked={saveMapping}
              onChange={(e) => setSaveMapping(e.currentTarget.checked)}
            />
          </>
        )}
        <FormAlert message={submit.error ? problemMessage(submit.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => submit.mutate(undefined)}
            loading={submit.isPending}
            disabled={!journalId || !content}
            data-testid="import-submit"
          >
            {t('bank.importButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
