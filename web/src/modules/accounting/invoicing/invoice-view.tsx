import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { ConfirmButton } from '../../../ui/confirm-button';
import { useFormat } from '../../../ui/format';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { trimAmount } from '../decimal-sum';
import { EntryLink, Fact } from '../entry-view';
import { useAccounts } from '../use-accounting-lists';
import { CounterpartyName } from './counterparty-select';
import { InvoiceTotals } from './invoice-totals';
import type { Invoice } from './invoicing-types';
import { OpenItemsTable } from './open-items-table';
import { StatementLink } from './statement-link';
import { DOCUMENTS_CHANGED, usePaymentTerms, useTaxes } from './use-invoicing-lists';

/** A posted or cancelled invoice: read only, with its open items, its entry and Cancel. */
export function InvoiceView({ invoice, companyCurrency }: { invoice: Invoice; companyCurrency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write');
  const accounts = useAccounts(invoice.companyId);
  const taxes = useTaxes(invoice.companyId, true);
  const terms = usePaymentTerms(invoice.companyId, true);
  const cancel = useApiMutation(() => api.post<Invoice>(`/invoices/${invoice.id}/cancel`), {
    invalidate: DOCUMENTS_CHANGED,
    success: t('invoicing.invoice.cancelledMessage'),
  });
  const taxNames = (ids: string[]) =>
    ids.map((id) => taxes.taxes.find((tax) => tax.id === id)?.name ?? '').join(', ');
  const lines = [...invoice.lines].sort((a, b) => a.lineNo - b.lineNo);
  const items = [...invoice.openItems].sort((a, b) => a.instalment - b.instalment);
  const foreign = invoice.currency !== companyCurrency;

  return (
    <Stack gap="md" data-testid="invoice-view">
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Fact label={t('counterparties.counterparty')}>
            <CounterpartyName id={invoice.counterpartyId} />{' '}
            <StatementLink companyId={invoice.companyId} counterpartyId={invoice.counterpartyId} />
          </Fact>
          <Fact label={t('invoicing.invoice.invoiceDate')}>{format.day(invoice.invoiceDate)}</Fact>
          <Fact label={t('accounting.currency')}>
            {foreign
              ? `${invoice.currency} · ${t('accounting.entry.rate')} ${trimAmount(invoice.rate, 0)}`
              : invoice.currency}
          </Fact>
          <Fact label={t('invoicing.invoice.paymentTerms')}>
            {terms.nameOf(invoice.paymentTermsId) || t('invoicing.invoice.dueOnDate')}
          </Fact>
          <Fact label={t('invoicing.invoice.journalEntry')}>
            {invoice.journalEntryId && (
              <EntryLink entryId={invoice.journalEntryId} testId="invoice-entry-link" />
            )}
          </Fact>
          {foreign && (
            <Fact label={t('invoicing.invoice.grossInCompanyCurrency')}>
              {format.money(trimAmount(invoice.grossInCompanyCurrency), companyCurrency)}
            </Fact>
          )}
        </SimpleGrid>
        {invoice.memo && (
          <Text size="sm" mt="sm">
            {invoice.memo}
          </Text>
        )}
      </Paper>
      <Table withTableBorder striped data-testid="invoice-view-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>#</Table.Th>
            <Table.Th>{t('accounting.line.description')}</Table.Th>
            <Table.Th>{t('accounting.line.account')}</Table.Th>
            <Table.Th ta="right">{t('invoicing.line.quantity')}</Table.Th>
            <Table.Th ta="right">{t('invoicing.line.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('invoicing.line.discountPercent')}</Table.Th>
            <Table.Th>{t('invoicing.line.taxes')}</Table.Th>
            <Table.Th ta="right">{t('invoicing.line.net')}</Table.Th>
            <Table.Th ta="right">{t('invoicing.line.tax')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.lineNo}>
              <Table.Td>{line.lineNo}</Table.Td>
              <Table.Td>{line.description}</Table.Td>
              <Table.Td>{accounts.labelOf(line.accountId)}</Table.Td>
              <Table.Td ta="right">{trimAmount(line.quantity, 0)}</Table.Td>
              <Table.Td ta="right">{format.money(trimAmount(line.unitPrice), invoice.currency)}</Table.Td>
              <Table.Td ta="right">{format.percent(trimAmount(line.discountPercent, 0))}</Table.Td>
              <Table.Td>{taxNames(line.taxIds)}</Table.Td>
              <Table.Td ta="right">{format.money(trimAmount(line.net), invoice.currency)}</Table.Td>
              <Table.Td ta="right">{format.money(trimAmount(line.tax), invoice.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <InvoiceTotals invoice={invoice} />
      <Title order={5}>{t('invoicing.openItem.title')}</Title>
      <OpenItemsTable items={items} testId="invoice-open-items" />
      {canWrite && invoice.status === 'posted' && (
        <Group justify="flex-end">
          <ConfirmButton
            size="sm"
            variant="light"
            label={t('invoicing.invoice.cancel')}
            question={t('invoicing.invoice.cancelQuestion', { number: invoice.number })}
            onConfirm={() => cancel.mutate(undefined)}
            data-testid="invoice-cancel"
          />
        </Group>
      )}
    </Stack>
  );
}
