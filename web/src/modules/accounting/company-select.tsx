import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompanyChoice } from './use-company-choice';

/** Which company's books a page shows; the choice is shared by every accounting page. */
export function CompanySelect({ choice }: { choice: CompanyChoice }) {
  const { t } = useTranslation();
  return (
    <Select
      size="sm"
      w={240}
      label={t('accounting.company')}
      allowDeselect={false}
      data={choice.companies.map((c) => ({ value: c.id, label: c.name }))}
      value={choice.companyId}
      onChange={choice.setCompanyId}
      data-testid="accounting-company"
    />
  );
}
