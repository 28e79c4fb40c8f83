import { Button, Group, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCan } from '../../auth/me';
import { PageHeader } from '../../ui/page-header';
import { useApiMutation } from '../../ui/use-api-mutation';
import { AccountModal, type AccountTarget } from './account-modal';
import { AccountsTreeTable } from './accounts-tree-table';
import { ChartImportModal } from './chart-import-modal';
import { CompanySelect } from './company-select';
import { DimensionsTab } from './dimensions-tab';
import { JournalsTab } from './journals-tab';
import { useCompanyChoice } from './use-company-choice';

/** The chart of accounts of one company, with its journals and analytic dimensions. */
export function ChartOfAccountsPage() {
  const { t } = useTranslation();
  const canManage = useCan('accounting:manage');
  const choice = useCompanyChoice();
  const { companyId } = choice;
  const [target, setTarget] = useState<AccountTarget>(null);
  const [importing, setImporting] = useState(false);
  const starter = useApiMutation(() => api.post(`/companies/${companyId}/chart-of-accounts/template`), {
    invalidate: ['/accounts', '/journals'],
    success: t('accounting.chart.starterLoaded'),
  });

  return (
    <>
      <PageHeader
        title={t('accounting.chart.title')}
        description={t('accounting.chart.description')}
        actions={
          canManage && (
            <>
              <Button
                variant="default"
                disabled={!companyId}
                loading={starter.isPending}
                onClick={() => starter.mutate(undefined)}
                data-testid="load-starter-chart"
              >
                {t('accounting.chart.loadStarter')}
              </Button>
              <Button
                variant="default"
                disabled={!companyId}
                onClick={() => setImporting(true)}
                data-testid="import-chart"
              >
                {t('accounting.chart.import')}
              </Button>
              <Button disabled={!companyId} onClick={() => setTarget('new')} data-testid="create-account">
                {t('accounting.account.create')}
              </Button>
            </>
          )
        }
      />
      <Group mb="sm">
        <CompanySelect choice={choice} />
      </Group>
      <Tabs defaultValue="accounts" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="accounts" data-testid="tab-accounts">
            {t('accounting.chart.accounts')}
          </Tabs.Tab>
          <Tabs.Tab value="journals" data-testid="tab-journals">
            {t('accounting.chart.journals')}
          </Tabs.Tab>
          <Tabs.Tab value="dimensions" data-testid="tab-dimensions">
            {t('accounting.chart.dimensions')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="accounts">
          <AccountsTreeTable companyId={companyId} canManage={canManage} onEdit={setTarget} />
        </Tabs.Panel>
        <Tabs.Panel value="journals">
          <JournalsTab companyId={companyId} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="dimensions">
          <DimensionsTab companyId={companyId} canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
      <AccountModal target={target} companyId={companyId} onClose={() => setTarget(null)} />
      <ChartImportModal companyId={companyId} opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
