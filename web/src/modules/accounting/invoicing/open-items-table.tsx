import { Anchor, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../ui/format';
import { trimAmount } from '../decimal-sum';
import type { OpenItem } from './invoicing-types';

/** The document an item belongs to, linked: an invoice's instalment or a payment's credit. */
export function ItemDocument({ item }: { item: Pick<OpenItem, 'invoiceId' | 'paymentId'> }) {
  const { t } = useTranslation();
  if (item.invoiceId)
    return (
      <Anchor component={Link} to={`/accounting/invoices/${item.invoiceId}`} size="sm">
        {t('invoicing.openItem.invoice')}
      </Anchor>
    );
  if (item.paymentId)
    return (
      <Anchor component={Link} to={`/accounting/payments/${item.paymentId}`} size="sm">
        {t('invoicing.openItem.payment')}
      </Anchor>
    );
  return null;
}

/**
 * Open items with what each still owes, in the document currency; `action` adds a last cell
 * (the allocation panel's "Allocate").
 */
export function OpenItemsTable({
  items,
  showDocument = false,
  action,
  testId = 'open-items',
}: {
  items: OpenItem[];
  showDocument?: boolean;
  action?: (item: OpenItem) => ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
        {t('invoicing.openItem.none')}
      </Text>
    );
  return (
    <Table withTableBorder striped data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {showDocument && <Table.Th>{t('invoicing.openItem.document')}</Table.Th>}
          <Table.Th w={90}>{t('invoicing.openItem.instalment')}</Table.Th>
          <Table.Th>{t('invoicing.openItem.documentDate')}</Table.Th>
          <Table.Th>{t('invoicing.openItem.dueDate')}</Table.Th>
          <Table.Th ta="right">{t('invoicing.openItem.amount')}</Table.Th>
          <Table.Th ta="right">{t('invoicing.openItem.allocated')}</Table.Th>
          <Table.Th ta="right">{t('invoicing.openItem.outstanding')}</Table.Th>
          {action && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-testid="open-item" data-item-id={item.id}>
            {showDocument && (
              <Table.Td>
                <ItemDocument item={item} />
              </Table.Td>
            )}
            <Table.Td>{item.instalment}</Table.Td>
            <Table.Td>{format.day(item.documentDate)}</Table.Td>
            <Table.Td data-testid="open-item-due">{format.day(item.dueDate)}</Table.Td>
            <Table.Td ta="right">{format.money(trimAmount(item.amount), item.currency)}</Table.Td>
            <Table.Td ta="right">{format.money(trimAmount(item.allocated), item.currency)}</Table.Td>
            <Table.Td ta="right" fw={600} data-testid="open-item-outstanding">
              {format.money(trimAmount(item.outstanding), item.currency)}
            </Table.Td>
            {action && <Table.Td ta="right">{action(item)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
