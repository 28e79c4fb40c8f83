import { Group, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../auth/me';
import { PageHeader } from '../../../ui/page-header';
import { CompanySelect } from '../company-select';
import { useCompanyChoice } from '../use-company-choice';
import { PaymentTermsTab } from './payment-terms-tab';
import { TaxesTab } from './taxes-tab';

/** What invoices are drafted with: the company's taxes and payment terms. */
export function InvoicingSetupPage() {
  const { t } = useTranslation();
  const canManage = useCan('accounting:manage');
  const choice = useCompanyChoice();
  const { companyId } = choice;
  return (
    <>
      <PageHeader title={t('invoicing.settings.title')} description={t('invoicing.settings.description')} />
      <Group mb="sm">
        <CompanySelect choice={choice} />
      </Group>
      <Tabs defaultValue="taxes" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="taxes" data-testid="tab-taxes">
            {t('invoicing.settings.taxes')}
          </Tabs.Tab>
          <Tabs.Tab value="terms" data-testid="tab-terms">
            {t('invoicing.settings.paymentTerms')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="taxes">
          <TaxesTab companyId={companyId} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="terms">
          <PaymentTermsTab companyId={companyId} canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
