import { Alert, Group, Select, Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../api/client';
import { CenteredLoader } from '../../ui/centered-loader';
import { DayInput } from '../../ui/day-input';
import { PageHeader } from '../../ui/page-header';
import { DIMENSION_KINDS, type DimensionKind } from './accounting-types';
import { CompanySelect } from './company-select';
import { currentYear } from './report-period';
import { DimensionFilter, useDimensionFilter } from './reports/dimension-filter';
import { DownloadButtons } from './reports/download-buttons';
import { StatementTable } from './reports/statement-table';
import type { ProfitAndLoss } from './reports/statement-types';
import { useCompanyChoice } from './use-company-choice';

/** The same days one year earlier: the usual comparison. */
const yearBefore = (day: string | null) => (day ? `${Number(day.slice(0, 4)) - 1}${day.slice(4)}` : null);

/** Income, expense and the net profit of a period, by dimension and against another period. */
export function ProfitAndLossPage() {
  const { t } = useTranslation();
  const choice = useCompanyChoice();
  const { companyId, company } = choice;
  const [from, setFrom] = useState<string | null>(currentYear().from);
  const [to, setTo] = useState<string | null>(currentYear().to);
  const [compare, setCompare] = useState(false);
  const [compareFrom, setCompareFrom] = useState<string | null>(null);
  const [compareTo, setCompareTo] = useState<string | null>(null);
  const [columnsBy, setColumnsBy] = useState<DimensionKind | null>(null);
  const filter = useDimensionFilter(companyId);
  const params = {
    companyId,
    from,
    to,
    ...(compare && compareFrom && compareTo ? { compareFrom, compareTo } : {}),
    // Columns by the kind the report is filtered by would be one column: the filter wins.
    ...(columnsBy && columnsBy !== filter.kind ? { columnsBy } : {}),
    ...filter.params,
  };
  const report = useQuery({
    queryKey: ['/accounting/profit-and-loss', params],
    queryFn: () => api.get<ProfitAndLoss>('/accounting/profit-and-loss', params),
    enabled: !!companyId && !!from && !!to,
  });
  const currency = report.data?.currency ?? company?.baseCurrency ?? '';

  return (
    <>
      <PageHeader
        title={t('financialReports.pnl.title')}
        description={t('financialReports.pnl.description')}
        actions={<DownloadButtons path="/accounting/profit-and-loss" params={params} testId="pnl" />}
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
        <DimensionFilter filter={filter} />
        <Select
          w={200}
          label={t('financialReports.pnl.columnsBy')}
          clearable
          data={DIMENSION_KINDS.filter((k) => k !== filter.kind).map((k) => ({
            value: k,
            label: t(`accounting.dimension.kind.${k}`),
          }))}
          value={columnsBy}
          onChange={(k) => setColumnsBy(k as DimensionKind | null)}
          data-testid="pnl-columns-by"
        />
      </Group>
      <Group mb="sm" gap="sm" align="flex-end">
        <Switch
          label={t('financialReports.compare')}
          checked={compare}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setCompare(on);
            if (on && !compareFrom) {
              setCompareFrom(yearBefore(from));
              setCompareTo(yearBefore(to));
            }
          }}
          data-testid="pnl-compare"
        />
        {compare && (
          <>
            <DayInput
              w={150}
              label={t('financialReports.pnl.compareFrom')}
              value={compareFrom}
              onChange={setCompareFrom}
              data-testid="pnl-compare-from"
            />
            <DayInput
              w={150}
              label={t('financialReports.pnl.compareTo')}
              value={compareTo}
              onChange={setCompareTo}
              data-testid="pnl-compare-to"
            />
          </>
        )}
      </Group>
      {report.error && <Alert color="red">{problemMessage(report.error)}</Alert>}
      {report.isLoading && <CenteredLoader />}
      {report.data && (
        <StatementTable
          testId="profit-and-loss"
          columns={report.data.columns}
          currency={currency}
          ledgerRange={{ from: report.data.from, to: report.data.to }}
          sections={[
            {
              key: 'income',
              title: t('financialReports.pnl.income'),
              totalLabel: t('financialReports.pnl.totalIncome'),
              section: report.data.income,
            },
            {
              key: 'expense',
              title: t('financialReports.pnl.expense'),
              totalLabel: t('financialReports.pnl.totalExpense'),
              section: report.data.expense,
            },
          ]}
          footer={[
            {
              label: t('financialReports.pnl.netProfit'),
              amounts: report.data.netProfit,
              testId: 'net-profit',
            },
          ]}
        />
      )}
    </>
  );
}
