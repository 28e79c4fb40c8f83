import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentSummary } from './invoicing-types';

/** Which way the money went; a refund goes back the way its credit came, and says so. */
export function PaymentDirectionLabel({
  payment,
}: {
  payment: Pick<PaymentSummary, 'direction' | 'isRefund'>;
}) {
  const { t } = useTranslation();
  if (!payment.isRefund) return <>{t(`invoicing.direction.${payment.direction}`)}</>;
  return (
    <Group gap={6} wrap="nowrap">
      {t(`revaluation.refund.direction.${payment.direction}`)}
      <Badge size="xs" color="orange" variant="light" data-testid="payment-refund-badge">
        {t('revaluation.refund.badge')}
      </Badge>
    </Group>
  );
}
