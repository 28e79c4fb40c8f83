import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/page-header';
import { CardsTab } from './cards-tab';
import { LookupBox } from './lookup-box';
import { ProgramsTab } from './programs-tab';

/** Bonus programs and their cards, with a till-style look-up to credit and spend points. */
export function LoyaltyPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('programs');
  return (
    <>
      <PageHeader title={t('loyalty.title')} description={t('loyalty.description')} />
      <LookupBox />
      <Tabs value={tab} onChange={setTab} keepMounted={false} mt="md">
        <Tabs.List mb="sm">
          <Tabs.Tab value="programs" data-testid="tab-programs">
            {t('loyalty.programs')}
          </Tabs.Tab>
          <Tabs.Tab value="cards" data-testid="tab-cards">
            {t('loyalty.cards')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="programs">
          <ProgramsTab />
        </Tabs.Panel>
        <Tabs.Panel value="cards">
          <CardsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
