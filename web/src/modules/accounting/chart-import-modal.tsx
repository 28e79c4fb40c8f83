import { Button, FileInput, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type FieldProblem, problemMessage } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { notifySuccess } from '../../ui/notify';
import { useApiMutation } from '../../ui/use-api-mutation';

interface ImportResult {
  imported: number;
}

interface RowProblem {
  row: string;
  field: string;
  reason: string;
}

/** `rows.3.code` → line 3 of the file, column code; anything else is shown as the server named it. */
function rowProblem({ field, reason }: FieldProblem): RowProblem {
  const match = /(?:^|\.)(?:rows?|lines?)\.?(\d+)(?:\.(.+))?$/.exec(field.replace(/^body\./, ''));
  if (!match) return { row: '', field, reason };
  return { row: match[1] ?? '', field: match[2] ?? '', reason };
}

const SAMPLE =
  'code,name,type,parent_code,currency,reconcilable\n1,Assets,asset,,,no\n1010,Cash,asset,1,,no\n1020,Bank USD,asset,1,USD,yes';

/** Pastes or uploads a chart as CSV; a refused file comes back with what is wrong on which row. */
export function ChartImportModal({
  companyId,
  opened,
  onClose,
}: {
  companyId: string | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setProblems([]);
    setError(null);
    onClose();
  };
  const upload = useApiMutation(
    (text: string) =>
      api.post<ImportResult>(`/companies/${companyId}/chart-of-accounts/import`, { csv: text }),
    {
      invalidate: ['/accounts'],
      onSuccess: (result) => {
        notifySuccess(t('accounting.import.done', { count: result.imported }));
        setCsv('');
        close();
      },
      onError: (e) => {
        const found = e instanceof ApiError ? (e.problem.errors ?? []).map(rowProblem) : [];
        setProblems(found);
        // The table says what is wrong on each line; above it, only that nothing was imported.
        setError(found.length ? t('accounting.import.refused', { count: found.length }) : problemMessage(e));
      },
    },
  );
  const readFile = async (file: File | null) => {
    if (file) setCsv(await file.text());
  };
  return (
    <Modal opened={opened} onClose={close} title={t('accounting.import.title')} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('accounting.import.hint')}
        </Text>
        <FileInput
          label={t('accounting.import.file')}
          accept=".csv,text/csv,text/plain"
          clearable
          onChange={(file) => void readFile(file)}
          data-testid="import-file"
        />
        <Textarea
          label={t('accounting.import.paste')}
          placeholder={SAMPLE}
          autosize
          minRows={6}
          maxRows={16}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={csv}
          onChange={(e) => setCsv(e.currentTarget.value)}
          data-testid="import-csv"
        />
        <FormAlert message={error} />
        {problems.length > 0 && (
          <Table striped withTableBorder data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('accounting.import.row')}</Table.Th>
                <Table.Th w={140}>{t('accounting.import.field')}</Table.Th>
                <Table.Th>{t('accounting.import.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((p) => (
                <Table.Tr key={`${p.row}-${p.field}-${p.reason}`}>
                  <Table.Td>{p.row}</Table.Td>
                  <Table.Td>{p.field}</Table.Td>
                  <Table.Td>{p.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!csv.trim() || !companyId}
            loading={upload.isPending}
            onClick={() => {
              setError(null);
              setProblems([]);
              upload.mutate(csv);
            }}
            data-testid="import-submit"
          >
            {t('accounting.import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
