import { Alert, Group, Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../api/client';
import { CenteredLoader } from '../../ui/centered-loader';
import { DayInput } from '../../ui/day-input';
import { useFormat } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { CompanySelect } from './company-select';
import { isZero } from './report-period';
import { DimensionFilter, useDimensionFilter } from './reports/dimension-filter';
import { DownloadButtons } from './reports/download-buttons';
import { StatementTable } from './reports/statement-table';
import type { BalanceSheet } from './reports/statement-types';
import { useCompanyChoice } from './use-company-choice';

const today = () => new Date().toISOString().slice(0, 10);
/** The last day of the year before: the usual comparison. */
const endOfYearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}-12-31`;

/** Assets, liabilities and equity at the end of a day; the profit not yet closed is a line of equity. */
export function BalanceSheetPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const choice = useCompanyChoice();
  const { companyId, company } = choice;
  const [date, setDate] = useState<string | null>(today());
  const [compare, setCompare] = useState(false);
  const [compareDate, setCompareDate] = useState<string | null>(null);
  const filter = useDimensionFilter(companyId);
  const params = {
    companyId,
    date,
    ...(compare && compareDate ? { compareDate } : {}),
    ...filter.params,
  };
  const report = useQuery({
    queryKey: ['/accounting/balance-sheet', params],
    queryFn: () => api.get<BalanceSheet>('/accounting/balance-sheet', params),
    enabled: !!companyId && !!date,
  });
  const currency = report.data?.currency ?? company?.baseCurrency ?? '';
  const unbalanced = report.data?.difference.some((d) => !isZero(d));

  return (
    <>
      <PageHeader
        title={t('financialReports.bs.title')}
        description={t('financialReports.bs.description')}
        actions={<DownloadButtons path="/accounting/balance-sheet" params={params} testId="bs" />}
      />
      <Group mb="sm" gap="sm" align="flex-end">
        <CompanySelect choice={choice} />
        <DayInput
          w={150}
          label={t('financialReports.bs.date')}
          value={date}
          onChange={setDate}
          data-testid="bs-date"
        />
        <DimensionFilter filter={filter} />
        <Switch
          label={t('financialReports.compare')}
          checked={compare}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setCompare(on);
            if (on && !compareDate && date) setCompareDate(endOfYearBefore(date));
          }}
          data-testid="bs-compare"
        />
        {compare && (
          <DayInput
            w={150}
            label={t('financialReports.bs.compareDate')}
            value={compareDate}
            onChange={setCompareDate}
            data-testid="bs-compare-date"
          />
        )}
      </Group>
      {report.error && <Alert color="red">{problemMessage(report.error)}</Alert>}
      {report.isLoading && <CenteredLoader />}
      {report.data && unbalanced && (
        <Alert color="yellow" mb="sm" data-testid="bs-difference">
          {t('financialReports.bs.difference', {
            amount: format.money(report.data.difference[0], currency),
          })}
        </Alert>
      )}
      {report.data && (
        <StatementTable
          testId="balance-sheet"
          columns={report.data.columns}
          currency={currency}
          ledgerRange={{ from: report.data.columns[0].fiscalYearStart, to: report.data.date }}
          sections={[
            {
              key: 'assets',
              title: t('financialReports.bs.assets'),
              totalLabel: t('financialReports.bs.totalAssets'),
              section: report.data.assets,
            },
            {
              key: 'liabilities',
              title: t('financialReports.bs.liabilities'),
              totalLabel: t('financialReports.bs.totalLiabilities'),
              section: report.data.liabilities,
            },
            {
              key: 'equity',
              title: t('financialReports.bs.equity'),
              totalLabel: t('financialReports.bs.totalEquity'),
              section: report.data.equity,
            },
          ]}
          footer={[
            {
              label: t('financialReports.bs.totalLiabilitiesAndEquity'),
              amounts: report.data.liabilitiesAndEquity,
              testId: 'liabilities-and-equity',
            },
          ]}
        />
      )}
    </>
  );
}
