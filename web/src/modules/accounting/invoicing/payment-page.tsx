import { Alert, Anchor, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { EntryStatusBadge } from '../entry-status-badge';
import { useCompanyChoice } from '../use-company-choice';
import type { Payment } from './invoicing-types';
import { PaymentEditor } from './payment-editor';
import { PaymentView } from './payment-view';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/accounting/payments" size="sm">
      ← {t('invoicing.payments.title')}
    </Anchor>
  );
}

export function NewPaymentPage() {
  const { t } = useTranslation();
  const choice = useCompanyChoice();
  if (choice.isLoading) return <CenteredLoader />;
  if (!choice.company) return <Alert color="yellow">{t('accounting.noCompany')}</Alert>;
  return (
    <Stack gap="sm">
      <BackLink />
      <Title order={3}>
        {t('invoicing.payments.create')} · {choice.company.name}
      </Title>
      <PaymentEditor companyId={choice.company.id} companyCurrency={choice.company.baseCurrency} />
    </Stack>
  );
}

/** One payment: a draft opens in the editor, a posted one shows its allocations. */
export function PaymentPage() {
  const { t } = useTranslation();
  const canWrite = useCan('accounting:write');
  const { paymentId } = useParams({ strict: false }) as { paymentId: string };
  const choice = useCompanyChoice();
  const query = useQuery({
    queryKey: ['/payments', paymentId],
    queryFn: () => api.get<Payment>(`/payments/${paymentId}`),
  });
  if (query.isLoading || choice.isLoading) return <CenteredLoader />;
  if (query.error || !query.data)
    return (
      <Alert color="red" data-testid="payment-not-found">
        {problemMessage(query.error)}
      </Alert>
    );
  const payment = query.data;
  const company = choice.companies.find((c) => c.id === payment.companyId);
  const companyCurrency = company?.baseCurrency ?? payment.currency;
  return (
    <Stack gap="sm">
      <BackLink />
      <Group gap="sm">
        <Title order={3} data-testid="payment-number">
          {payment.number ?? t('accounting.entry.draftNumber')}
        </Title>
        <EntryStatusBadge status={payment.status} />
        {company && (
          <Title order={5} c="dimmed">
            {company.name}
          </Title>
        )}
      </Group>
      {payment.status === 'draft' && canWrite ? (
        <PaymentEditor
          key={payment.id}
          payment={payment}
          companyId={payment.companyId}
          companyCurrency={companyCurrency}
        />
      ) : (
        <PaymentView payment={payment} companyCurrency={companyCurrency} />
      )}
    </Stack>
  );
}
