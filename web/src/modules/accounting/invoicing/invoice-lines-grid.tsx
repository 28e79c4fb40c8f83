import { ActionIcon, Button, MultiSelect, Select, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../ui/format';
import { parseAmount } from '../decimal-sum';
import { emptyInvoiceLine, type InvoiceLineDraft, lineNetPreview } from './invoice-draft';

type Option = { value: string; label: string };

const NUMBER_FIELDS = ['quantity', 'unitPrice', 'discountPercent'] as const;

/** The lines of a draft invoice: what is sold or bought, on which account, at what price and taxes. */
export function InvoiceLinesGrid({
  lines,
  onChange,
  accounts,
  taxes,
  currency,
  errors,
}: {
  lines: InvoiceLineDraft[];
  onChange: (lines: InvoiceLineDraft[]) => void;
  accounts: Option[];
  taxes: Option[];
  currency: string;
  errors: Record<string, Record<string, string>>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = (index: number, patch: Partial<InvoiceLineDraft>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const numberError = (value: string, server?: string) =>
    parseAmount(value) === null ? t('validation.positiveDecimal') : server;

  return (
    <Table withTableBorder verticalSpacing={4} data-testid="invoice-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36}>#</Table.Th>
          <Table.Th miw={200}>{t('accounting.line.description')}</Table.Th>
          <Table.Th miw={200}>{t('accounting.line.account')}</Table.Th>
          <Table.Th w={90}>{t('invoicing.line.quantity')}</Table.Th>
          <Table.Th w={120}>{t('invoicing.line.unitPrice')}</Table.Th>
          <Table.Th w={90}>{t('invoicing.line.discountPercent')}</Table.Th>
          <Table.Th miw={180}>{t('invoicing.line.taxes')}</Table.Th>
          <Table.Th w={120} ta="right">
            {t('invoicing.line.net')}
          </Table.Th>
          <Table.Th w={36} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, index) => {
          const lineErrors = errors[index] ?? {};
          const net = lineNetPreview(line);
          return (
            <Table.Tr key={line.key} data-testid="invoice-line">
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {index + 1}
                </Text>
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={t('accounting.line.description')}
                  value={line.description}
                  onChange={(e) => update(index, { description: e.currentTarget.value })}
                  error={lineErrors.description}
                  data-testid="line-description"
                />
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  searchable
                  aria-label={t('accounting.line.account')}
                  data={accounts}
                  value={line.accountId}
                  onChange={(accountId) => update(index, { accountId })}
                  error={lineErrors.accountId}
                  data-testid="line-account"
                />
              </Table.Td>
              {NUMBER_FIELDS.map((field) => (
                <Table.Td key={field}>
                  <TextInput
                    size="xs"
                    inputMode="decimal"
                    styles={{ input: { textAlign: 'right' } }}
                    aria-label={t(`invoicing.line.${field}`)}
                    value={line[field]}
                    onChange={(e) => update(index, { [field]: e.currentTarget.value })}
                    error={numberError(line[field], lineErrors[field])}
                    data-testid={`line-${field}`}
                  />
                </Table.Td>
              ))}
              <Table.Td>
                <MultiSelect
                  size="xs"
                  searchable
                  aria-label={t('invoicing.line.taxes')}
                  data={taxes}
                  value={line.taxIds}
                  onChange={(taxIds) => update(index, { taxIds })}
                  error={lineErrors.taxIds}
                  data-testid="line-taxes"
                />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" c="dimmed" data-testid="line-net-preview">
                  {net ? format.money(net, currency) : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('accounting.line.remove')}
                  disabled={lines.length <= 1}
                  onClick={() => onChange(lines.filter((_, i) => i !== index))}
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Td colSpan={9}>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => onChange([...lines, emptyInvoiceLine()])}
              data-testid="add-line"
            >
              {t('accounting.line.add')}
            </Button>
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
