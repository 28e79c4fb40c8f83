import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header';
import { CountriesTab } from './countries-tab';
import { CurrenciesTab } from './currencies-tab';
import { ExchangeRatesTab } from './exchange-rates-tab';
import { NamedListTab } from './named-list-tab';
import { UnitsTab } from './units-tab';

export function ReferencePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('reference.title')} description={t('reference.description')} />
      <Tabs defaultValue="currencies" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="currencies" data-testid="tab-currencies">
            {t('reference.currencies')}
          </Tabs.Tab>
          <Tabs.Tab value="rates" data-testid="tab-rates">
            {t('reference.exchangeRates')}
          </Tabs.Tab>
          <Tabs.Tab value="units" data-testid="tab-units">
            {t('reference.units')}
          </Tabs.Tab>
          <Tabs.Tab value="countries" data-testid="tab-countries">
            {t('reference.countries')}
          </Tabs.Tab>
          <Tabs.Tab value="positions" data-testid="tab-positions">
            {t('reference.positions')}
          </Tabs.Tab>
          <Tabs.Tab value="industries" data-testid="tab-industries">
            {t('reference.industries')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="currencies">
          <CurrenciesTab />
        </Tabs.Panel>
        <Tabs.Panel value="rates">
          <ExchangeRatesTab />
        </Tabs.Panel>
        <Tabs.Panel value="units">
          <UnitsTab />
        </Tabs.Panel>
        <Tabs.Panel value="countries">
          <CountriesTab />
        </Tabs.Panel>
        <Tabs.Panel value="positions">
          <NamedListTab path="/positions" name="position" createLabel={t('reference.positionCreate')} />
        </Tabs.Panel>
        <Tabs.Panel value="industries">
          <NamedListTab path="/industries" name="industry" createLabel={t('reference.industryCreate')} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
