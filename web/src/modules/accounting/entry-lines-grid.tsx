import { ActionIcon, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import type { DimensionKind } from './accounting-types';
import { entryTotals, parseAmount } from './decimal-sum';
import { emptyLine, type LineDraft } from './entry-draft';

const DIMENSION_FIELD: Record<DimensionKind, 'costCentreId' | 'projectId' | 'departmentId'> = {
  cost_centre: 'costCentreId',
  project: 'projectId',
  department: 'departmentId',
};

type Option = { value: string; label: string };

/**
 * The lines of a draft: one account and either a debit or a credit each. The totals and the
 * difference under the grid are summed exactly as the accountant types.
 */
export function EntryLinesGrid({
  lines,
  onChange,
  accounts,
  dimensions,
  currency,
  errors,
}: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  accounts: Option[];
  /** Only the kinds the company has get a column. */
  dimensions: Partial<Record<DimensionKind, Option[]>>;
  currency: string;
  errors: Record<string, Record<string, string>>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals = entryTotals(lines);
  const kinds = (Object.keys(DIMENSION_FIELD) as DimensionKind[]).filter(
    (k) => (dimensions[k] ?? []).length > 0,
  );
  const update = (index: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const amountError = (value: string, server?: string) =>
    parseAmount(value) === null ? t('validation.positiveDecimal') : server;

  return (
    <>
      <Table withTableBorder verticalSpacing={4} data-testid="entry-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>#</Table.Th>
            <Table.Th miw={240}>{t('accounting.line.account')}</Table.Th>
            <Table.Th miw={180}>{t('accounting.line.description')}</Table.Th>
            {kinds.map((k) => (
              <Table.Th key={k} miw={150}>
                {t(`accounting.dimension.kind.${k}`)}
              </Table.Th>
            ))}
            <Table.Th w={140} ta="right">
              {t('accounting.debit')}
            </Table.Th>
            <Table.Th w={140} ta="right">
              {t('accounting.credit')}
            </Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => {
            const lineErrors = errors[index] ?? {};
            return (
              <Table.Tr key={line.key} data-testid="entry-line">
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {index + 1}
                  </Text>
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
                {kinds.map((k) => (
                  <Table.Td key={k}>
                    <Select
                      size="xs"
                      clearable
                      searchable
                      aria-label={t(`accounting.dimension.kind.${k}`)}
                      data={dimensions[k] ?? []}
                      value={line[DIMENSION_FIELD[k]]}
                      onChange={(id) => update(index, { [DIMENSION_FIELD[k]]: id })}
                      error={lineErrors[DIMENSION_FIELD[k]]}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <TextInput
                    size="xs"
                    inputMode="decimal"
                    styles={{ input: { textAlign: 'right' } }}
                    aria-label={t('accounting.debit')}
                    value={line.debit}
                    // A line is a debit or a credit: typing one clears the other.
                    onChange={(e) => update(index, { debit: e.currentTarget.value, credit: '' })}
                    error={amountError(line.debit, lineErrors.debit)}
                    data-testid="line-debit"
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    inputMode="decimal"
                    styles={{ input: { textAlign: 'right' } }}
                    aria-label={t('accounting.credit')}
                    value={line.credit}
                    onChange={(e) => update(index, { credit: e.currentTarget.value, debit: '' })}
                    error={amountError(line.credit, lineErrors.credit)}
                    data-testid="line-credit"
                  />
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
            <Table.Td colSpan={3 + kinds.length}>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => onChange([...lines, emptyLine()])}
                data-testid="add-line"
              >
                {t('accounting.line.add')}
              </Button>
            </Table.Td>
            <Table.Td ta="right" fw={700} data-testid="total-debit">
              {format.money(totals.debit, currency)}
            </Table.Td>
            <Table.Td ta="right" fw={700} data-testid="total-credit">
              {format.money(totals.credit, currency)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Group justify="flex-end" mt={4}>
        <Text
          size="sm"
          c={totals.balanced ? 'teal' : 'red'}
          data-testid="entry-difference"
          data-balanced={totals.balanced}
        >
          {totals.balanced
            ? t('accounting.line.balanced')
            : t('accounting.line.difference', { amount: format.money(totals.difference, currency) })}
        </Text>
      </Group>
    </>
  );
}
