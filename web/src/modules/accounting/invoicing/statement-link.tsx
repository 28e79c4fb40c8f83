import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

interface StatementQuery {
  companyId: string;
  counterpartyId: string;
  from: string;
  to: string;
}

export const statementQuery = (q: StatementQuery) => new URLSearchParams({ ...q });

/**
 * The counterparty's reconciliation act from the start of the year of `to` to `to` (today when
 * not given): what both parties sign to agree the balance.
 */
export function StatementLink({
  companyId,
  counterpartyId,
  to,
}: {
  companyId: string;
  counterpartyId: string;
  to?: string;
}) {
  const { t } = useTranslation();
  const until = to ?? new Date().toISOString().slice(0, 10);
  return (
    <Anchor
      component={Link}
      to="/accounting/statement"
      search={{ companyId, counterpartyId, from: `${until.slice(0, 4)}-01-01`, to: until } as never}
      size="xs"
      data-testid="statement-link"
    >
      {t('revaluation.statement')}
    </Anchor>
  );
}
