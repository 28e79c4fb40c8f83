import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../ui/format';
import { trimAmount } from '../decimal-sum';
import type { InvoiceSummary } from './invoicing-types';

/** Net, tax and gross as the server computed them with the company's tax rounding. */
export function InvoiceTotals({ invoice }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = [
    ['net', invoice.netTotal],
    ['tax', invoice.taxTotal],
    ['gross', invoice.grossTotal],
  ] as const;
  return (
    <Stack gap={2} align="flex-end" data-testid="invoice-totals">
      {rows.map(([name, amount]) => (
        <Group key={name} gap="md" justify="flex-end">
          <Text size="sm" c="dimmed">
            {t(`invoicing.invoice.${name}`)}
          </Text>
          <Text
            size="sm"
            fw={name === 'gross' ? 700 : 500}
            miw={140}
            ta="right"
            data-testid={`invoice-${name}`}
          >
            {format.money(trimAmount(amount), invoice.currency)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
