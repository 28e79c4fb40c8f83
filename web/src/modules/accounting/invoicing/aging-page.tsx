import { Alert, Anchor, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, problemMessage } from '../../../api/client';
import { CenteredLoader } from '../../../ui/centered-loader';
import { DayInput } from '../../../ui/day-input';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { CompanySelect } from '../company-select';
import { isZero } from '../report-period';
import { useCompanyChoice } from '../use-company-choice';
import {
  AGING_BUCKETS,
  type AgingReport,
  type AgingRow,
  type OpenItem,
  SIDES,
  type Side,
} from './invoicing-types';
import { OpenItemsTable } from './open-items-table';
import { StatementLink } from './statement-link';

const today = () => new Date().toISOString().slice(0, 10);

/** The open items behind one counterparty's row of the aging. */
function CounterpartyItems({ companyId, side, row }: { companyId: string; side: Side; row: AgingRow }) {
  const { t } = useTranslation();
  const items = useQuery({
    queryKey: ['/open-items', { companyId, side, counterpartyId: row.counterpartyId, open: true }],
    queryFn: () =>
      api.get<Page<OpenItem>>('/open-items', {
        companyId,
        side,
        counterpartyId: row.counterpartyId,
        open: true,
        limit: 200,
      }),
  });
  return (
    <Paper withBorder p="sm" data-testid="aging-items">
      <Title order={5} mb="xs">
        {t('invoicing.aging.itemsOf', { name: row.legalName })}
      </Title>
      {items.isLoading ? (
        <CenteredLoader />
      ) : (
        <OpenItemsTable items={items.data?.items ?? []} showDocument testId="aging-open-items" />
      )}
    </Paper>
  );
}

/** What each counterparty owes (or is owed) by days past due, in the company currency. */
export function AgingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const choice = useCompanyChoice();
  const { companyId } = choice;
  const [side, setSide] = useState<Side>('receivable');
  const [asOf, setAsOf] = useState<string | null>(today());
  const [picked, setPicked] = useState<string | null>(null);
  const report = useQuery({
    queryKey: ['/accounting/aging', { companyId, side, asOf }],
    enabled: !!companyId,
    queryFn: () => api.get<AgingReport>('/accounting/aging', { companyId, side, asOf }),
  });
  const data = report.data;
  const money = (amount: string | undefined) =>
    data && !isZero(amount) ? format.money(amount, data.currency) : '';
  const pickedRow = data?.rows.find((r) => r.counterpartyId === picked);

  return (
    <>
      <PageHeader title={t('invoicing.aging.title')} description={t('invoicing.aging.description')} />
      <Group mb="sm" gap="sm" align="flex-end">
        <CompanySelect choice={choice} />
        <SegmentedControl
          value={side}
          onChange={(s) => {
            setSide(s as Side);
            setPicked(null);
          }}
          data={SIDES.map((s) => ({ value: s, label: t(`invoicing.side.${s}`) }))}
          data-testid="aging-side"
        />
        <DayInput
          w={160}
          label={t('invoicing.aging.asOf')}
          clearable={false}
          value={asOf}
          onChange={setAsOf}
        />
      </Group>
      {report.error && <Alert color="red">{problemMessage(report.error)}</Alert>}
      {report.isLoading && <CenteredLoader />}
      {data && (
        <Stack gap="md">
          <Paper withBorder>
            <Table striped highlightOnHover data-testid="aging-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('counterparties.counterparty')}</Table.Th>
                  {AGING_BUCKETS.map((b) => (
                    <Table.Th key={b} ta="right">
                      {t(`invoicing.aging.bucket.${b}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('accounting.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row) => (
                  <Table.Tr
                    key={row.counterpartyId}
                    data-testid="aging-row"
                    data-counterparty={row.legalName}
                  >
                    <Table.Td>
                      <Anchor
                        component="button"
                        size="sm"
                        fw={picked === row.counterpartyId ? 700 : 500}
                        onClick={() => setPicked(row.counterpartyId)}
                        data-testid="aging-counterparty"
                      >
                        {row.legalName}
                      </Anchor>{' '}
                      {companyId && asOf && (
                        <StatementLink companyId={companyId} counterpartyId={row.counterpartyId} to={asOf} />
                      )}
                    </Table.Td>
                    {AGING_BUCKETS.map((b) => (
                      <Table.Td key={b} ta="right" data-testid={`aging-${b}`}>
                        {money(row.buckets[b])}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={700} data-testid="aging-total">
                      {money(row.total)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Td fw={700}>{t('accounting.total')}</Table.Td>
                  {AGING_BUCKETS.map((b) => (
                    <Table.Td key={b} ta="right" fw={700}>
                      {money(data.totals[b])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={700} data-testid="aging-grand-total">
                    {money(data.total)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
            {data.rows.length === 0 && (
              <Text c="dimmed" size="sm" ta="center" py="md">
                {t('invoicing.aging.nothingOpen')}
              </Text>
            )}
          </Paper>
          {pickedRow && companyId && <CounterpartyItems companyId={companyId} side={side} row={pickedRow} />}
        </Stack>
      )}
    </>
  );
}
