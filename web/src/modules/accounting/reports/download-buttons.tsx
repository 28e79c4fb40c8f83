import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { buildUrl, type QueryValue } from '../../../api/client';

/** CSV and XLSX of the report the page shows: the same address with `format`. */
export function DownloadButtons({
  path,
  params,
  testId,
  size = 'sm',
}: {
  path: string;
  params: Record<string, QueryValue>;
  testId: string;
  size?: 'sm' | 'compact-sm';
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        component="a"
        size={size}
        variant="default"
        href={buildUrl(path, { ...params, format: 'csv' })}
        download
        data-testid={`${testId}-csv`}
      >
        {t('accounting.downloadCsv')}
      </Button>
      <Button
        component="a"
        size={size}
        variant="default"
        href={buildUrl(path, { ...params, format: 'xlsx' })}
        download
        data-testid={`${testId}-xlsx`}
      >
        {t('financialReports.downloadXlsx')}
      </Button>
    </Group>
  );
}
