import { Alert, Anchor, Group, Paper, ScrollArea, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../api/client';
import { CenteredLoader } from '../../ui/centered-loader';
import { DayInput } from '../../ui/day-input';
import { useFormat } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import {
  type BalanceAmounts,
  DIMENSION_KINDS,
  type DimensionKind,
  type TrialBalance,
} from './accounting-types';
import { CompanySelect } from './company-select';
import { currentYear, isZero } from './report-period';
import { DownloadButtons } from './reports/download-buttons';
import { useDimensions } from './use-accounting-lists';
import { useCompanyChoice } from './use-company-choice';

const AMOUNTS: (keyof BalanceAmounts)[] = [
  'openingDebit',
  'openingCredit',
  'periodDebit',
  'periodCredit',
  'closingDebit',
  'closingCredit',
];
const DIMENSION_PARAM: Record<DimensionKind, string> = {
  cost_centre: 'costCentreId',
  project: 'projectId',
  department: 'departmentId',
};

/** Opening balance, turnover and closing balance per account for a period, groups summing their children. */
export function TrialBalancePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const choice = useCompanyChoice();
  const { companyId, company } = choice;
  const [from, setFrom] = useState<string | null>(currentYear().from);
  const [to, setTo] = useState<string | null>(currentYear().to);
  const [kind, setKind] = useState<DimensionKind | null>(null);
  const [dimensionId, setDimensionId] = useState<string | null>(null);
  const dims = useDimensions(companyId);
  const params = {
    companyId,
    from,
    to,
    ...(kind && dimensionId ? { [DIMENSION_PARAM[kind]]: dimensionId } : {}),
  };
  const report = useQuery({
    queryKey: ['/accounting/trial-balance', params],
    queryFn: () => api.get<TrialBalance>('/accounting/trial-balance', params),
    enabled: !!companyId && !!from && !!to,
  });
  const currency = report.data?.currency ?? company?.baseCurrency ?? '';
  const money = (amount: string) => (isZero(amount) ? '' : format.money(amount, currency));
  const ledgerSearch = (accountId: string): Record<string, string> => ({
    accountId,
    from: from ?? '',
    to: to ?? '',
  });

  return (
    <>
      <PageHeader
        title={t('accounting.trialBalance.title')}
        description={t('accounting.trialBalance.description')}
        actions={<DownloadButtons path="/accounting/trial-balance" params={params} testId="trial-balance" />}
      />
      <Group mb="sm" gap="sm" align="flex-end">
        <CompanySelect choice={choice} />
        <DayInput
          w={150}
          label={t('accounting.from')}
          value={from}
          onChange={setFrom}
          data-testid="report-from"
        />
        <DayInput w={150} label={t('accounting.to')} value={to} onChange={setTo} data-testid="report-to" />
        <Select
          w={170}
          label={t('accounting.dimension.kindLabel')}
          clearable
          data={DIMENSION_KINDS.map((k) => ({ value: k, label: t(`accounting.dimension.kind.${k}`) }))}
          value={kind}
          onChange={(k) => {
            setKind(k as DimensionKind | null);
            setDimensionId(null);
          }}
        />
        {kind && (
          <Select
            w={200}
            label={t(`accounting.dimension.kind.${kind}`)}
            clearable
            searchable
            data={dims.optionsOf(kind)}
            value={dimensionId}
            onChange={setDimensionId}
          />
        )}
      </Group>
      {report.error && <Alert color="red">{problemMessage(report.error)}</Alert>}
      {report.isLoading && <CenteredLoader />}
      {report.data && (
        <Paper withBorder>
          <ScrollArea>
            <Table striped highlightOnHover data-testid="trial-balance">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th rowSpan={2} w={110}>
                    {t('accounting.account.code')}
                  </Table.Th>
                  <Table.Th rowSpan={2}>{t('accounting.line.account')}</Table.Th>
                  <Table.Th colSpan={2} ta="center">
                    {t('accounting.trialBalance.opening')}
                  </Table.Th>
                  <Table.Th colSpan={2} ta="center">
                    {t('accounting.trialBalance.turnover')}
                  </Table.Th>
                  <Table.Th colSpan={2} ta="center">
                    {t('accounting.trialBalance.closing')}
                  </Table.Th>
                </Table.Tr>
                <Table.Tr>
                  {AMOUNTS.map((key) => (
                    <Table.Th key={key} ta="right">
                      {key.endsWith('Debit') ? t('accounting.debit') : t('accounting.credit')}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.items.map((row) => (
                  <Table.Tr key={row.accountId} data-testid="tb-row" data-account-code={row.code}>
                    <Table.Td ff="monospace" fw={row.isGroup ? 700 : 400}>
                      {row.code}
                    </Table.Td>
                    <Table.Td pl={`calc(var(--mantine-spacing-sm) + ${row.level * 20}px)`}>
                      {row.isGroup ? (
                        <Text size="sm" fw={700}>
                          {row.name}
                        </Text>
                      ) : (
                        <Anchor
                          component={Link}
                          to={'/accounting/general-ledger' as string}
                          search={ledgerSearch(row.accountId) as never}
                          size="sm"
                          data-testid="tb-account"
                        >
                          {row.name}
                        </Anchor>
                      )}
                    </Table.Td>
                    {AMOUNTS.map((key) => (
                      <Table.Td key={key} ta="right" fw={row.isGroup ? 700 : 400} data-testid={`tb-${key}`}>
                        {money(row[key])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr data-testid="tb-totals">
                  <Table.Td colSpan={2} fw={700}>
                    {t('accounting.total')}
                  </Table.Td>
                  {AMOUNTS.map((key) => (
                    <Table.Td key={key} ta="right" fw={700} data-testid={`tb-total-${key}`}>
                      {format.money(report.data.totals[key], currency)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollArea>
          {report.data.items.length === 0 && (
            <Text c="dimmed" size="sm" ta="center" py="md">
              {t('common.empty')}
            </Text>
          )}
        </Paper>
      )}
    </>
  );
}
