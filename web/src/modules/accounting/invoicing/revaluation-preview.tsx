import { Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../ui/format';
import { trimAmount } from '../decimal-sum';
import { useAccounts } from '../use-accounting-lists';
import { ItemDocument } from './open-items-table';
import type { RevaluationPreview, RevaluationTotal } from './revaluation-types';

/** A page of items is enough to check a revaluation; the totals cover every item. */
const ITEMS_SHOWN = 200;

type Figures = Pick<
  RevaluationTotal,
  'currency' | 'outstanding' | 'outstandingInCompanyCurrency' | 'revaluedInCompanyCurrency' | 'difference'
>;

/** The four amount columns a total and an item share. */
function FigureHeads() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th ta="right">{t('invoicing.openItem.outstanding')}</Table.Th>
      <Table.Th ta="right">{t('revaluation.carried')}</Table.Th>
      <Table.Th ta="right">{t('revaluation.revalued')}</Table.Th>
      <Table.Th ta="right">{t('revaluation.difference')}</Table.Th>
    </>
  );
}

function FigureCells({ row, companyCurrency }: { row: Figures; companyCurrency: string }) {
  const format = useFormat();
  const money = (amount: string) => format.money(amount, companyCurrency);
  return (
    <>
      <Table.Td ta="right">{format.money(trimAmount(row.outstanding), row.currency)}</Table.Td>
      <Table.Td ta="right">{money(row.outstandingInCompanyCurrency)}</Table.Td>
      <Table.Td ta="right">{money(row.revaluedInCompanyCurrency)}</Table.Td>
      <Table.Td ta="right" fw={700} data-testid="revaluation-difference">
        {money(row.difference)}
      </Table.Td>
    </>
  );
}

/** What a revaluation would book: totals per account and currency, then the items one by one. */
export function RevaluationPreviewTables({ preview }: { preview: RevaluationPreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const accounts = useAccounts(preview.companyId);
  const money = (amount: string) => format.money(amount, preview.currency);
  return (
    <>
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Title order={5}>{t('revaluation.totals')}</Title>
          <Text size="sm" data-testid="revaluation-gain-loss">
            {t('revaluation.gainAndLoss', { gain: money(preview.gain), loss: money(preview.loss) })}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" mb="xs">
          {preview.rates.map((r) => `${r.currency} ${trimAmount(r.rate, 0)}`).join(' · ')}
        </Text>
        <Table striped data-testid="revaluation-totals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounting.line.account')}</Table.Th>
              <Table.Th>{t('accounting.currency')}</Table.Th>
              <FigureHeads />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.totals.map((row) => (
              <Table.Tr key={`${row.accountId}-${row.currency}`} data-testid="revaluation-total">
                <Table.Td>{accounts.labelOf(row.accountId)}</Table.Td>
                <Table.Td>{row.currency}</Table.Td>
                <FigureCells row={row} companyCurrency={preview.currency} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('revaluation.items', { count: preview.items.length })}
        </Title>
        <Table striped data-testid="revaluation-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('counterparties.counterparty')}</Table.Th>
              <Table.Th>{t('invoicing.openItem.document')}</Table.Th>
              <Table.Th>{t('invoicing.openItem.dueDate')}</Table.Th>
              <FigureHeads />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.items.slice(0, ITEMS_SHOWN).map((item) => (
              <Table.Tr key={item.id} data-testid="revaluation-item">
                <Table.Td>{item.legalName}</Table.Td>
                <Table.Td>
                  <ItemDocument item={item} />
                </Table.Td>
                <Table.Td>{format.day(item.dueDate)}</Table.Td>
                <FigureCells row={item} companyCurrency={preview.currency} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {preview.items.length > ITEMS_SHOWN && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('revaluation.moreItems', { shown: ITEMS_SHOWN, count: preview.items.length })}
          </Text>
        )}
      </Paper>
    </>
  );
}
