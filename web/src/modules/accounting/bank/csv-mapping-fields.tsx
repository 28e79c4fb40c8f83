import { Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CsvMapping, DATE_FORMATS } from './bank-types';

export const DEFAULT_MAPPING: CsvMapping = {
  delimiter: ';',
  hasHeader: true,
  dateColumn: 0,
  dateFormat: 'DD.MM.YYYY',
  amountColumn: 1,
  debitColumn: null,
  creditColumn: null,
  decimalSeparator: ',',
  thousandsSeparator: null,
  referenceColumn: null,
  counterpartyNameColumn: null,
  counterpartyAccountColumn: null,
};

const DELIMITERS = [
  { value: ';', label: ';' },
  { value: ',', label: ',' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: '|' },
];

/** The first line of the file cut at the delimiter: the columns a person picks from. */
export function columnsOf(content: string, delimiter: string): string[] {
  const first = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(delimiter).map((c) => c.replace(/^"|"$/g, '').trim());
}

type ColumnKey =
  | 'dateColumn'
  | 'amountColumn'
  | 'debitColumn'
  | 'creditColumn'
  | 'referenceColumn'
  | 'counterpartyNameColumn'
  | 'counterpartyAccountColumn';

/** Where the CSV keeps each value and how it writes dates and numbers. */
export function CsvMappingFields({
  mapping,
  onChange,
  content,
}: {
  mapping: CsvMapping;
  onChange: (mapping: CsvMapping) => void;
  content: string;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<CsvMapping>) => onChange({ ...mapping, ...patch });
  const columns = columnsOf(content, mapping.delimiter);
  const options = columns.map((name, i) => ({
    value: String(i),
    label: mapping.hasHeader && name ? `${i + 1} · ${name}` : `${i + 1}${name ? ` · ${name}` : ''}`,
  }));
  const split = mapping.amountColumn == null;
  const columnSelect = (key: ColumnKey, required = false) => (
    <Select
      label={t(`bank.mapping.${key}`)}
      data={options}
      clearable={!required}
      required={required}
      value={mapping[key] == null ? null : String(mapping[key])}
      onChange={(v) => set({ [key]: v === null ? null : Number(v) } as Partial<CsvMapping>)}
      data-testid={`mapping-${key}`}
    />
  );
  return (
    <Stack gap="xs" data-testid="csv-mapping">
      <Group gap="md" align="flex-end">
        <Select
          w={110}
          label={t('bank.mapping.delimiter')}
          data={DELIMITERS}
          value={mapping.delimiter}
          onChange={(v) => v && set({ delimiter: v })}
        />
        <Checkbox
          label={t('bank.mapping.hasHeader')}
          checked={mapping.hasHeader}
          onChange={(e) => set({ hasHeader: e.currentTarget.checked })}
        />
      </Group>
      {columns.length > 1 ? null : (
        <Text size="xs" c="dimmed">
          {t('bank.mapping.pickFile')}
        </Text>
      )}
      <SimpleGrid cols={2} spacing="xs">
        {columnSelect('dateColumn', true)}
        <Select
          label={t('bank.mapping.dateFormat')}
          data={[...DATE_FORMATS]}
          value={mapping.dateFormat}
          onChange={(v) => v && set({ dateFormat: v })}
        />
      </SimpleGrid>
      <SegmentedControl
        size="xs"
        data={[
          { value: 'signed', label: t('bank.mapping.signed') },
          { value: 'split', label: t('bank.mapping.split') },
        ]}
        value={split ? 'split' : 'signed'}
        onChange={(v) =>
          set(
            v === 'split'
              ? { amountColumn: null, debitColumn: 1, creditColumn: 2 }
              : { amountColumn: 1, debitColumn: null, creditColumn: null },
          )
        }
        data-testid="mapping-amount-mode"
      />
      <SimpleGrid cols={2} spacing="xs">
        {split ? columnSelect('debitColumn', true) : columnSelect('amountColumn', true)}
        {split && columnSelect('creditColumn', true)}
        <Select
          label={t('bank.mapping.decimalSeparator')}
          data={['.', ',']}
          value={mapping.decimalSeparator}
          onChange={(v) => v && set({ decimalSeparator: v })}
        />
        <Select
          label={t('bank.mapping.thousandsSeparator')}
          clearable
          data={[
            { value: '.', label: '.' },
            { value: ',', label: ',' },
            { value: ' ', label: t('bank.mapping.space') },
            { value: "'", label: "'" },
          ]}
          value={mapping.thousandsSeparator || null}
          onChange={(v) => set({ thousandsSeparator: v })}
        />
        {columnSelect('referenceColumn')}
        {columnSelect('counterpartyNameColumn')}
        {columnSelect('counterpartyAccountColumn')}
      </SimpleGrid>
    </Stack>
  );
}
