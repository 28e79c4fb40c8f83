import { Alert, Anchor, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { EntryStatusBadge } from '../entry-status-badge';
import { useCompanyChoice } from '../use-company-choice';
import { InvoiceEditor } from './invoice-editor';
import { InvoiceView } from './invoice-view';
import type { Invoice } from './invoicing-types';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/accounting/invoices" size="sm">
      ← {t('invoicing.invoices.title')}
    </Anchor>
  );
}

/** A new invoice for the company picked on the accounting pages. */
export function NewInvoicePage() {
  const { t } = useTranslation();
  const choice = useCompanyChoice();
  if (choice.isLoading) return <CenteredLoader />;
  if (!choice.company) return <Alert color="yellow">{t('accounting.noCompany')}</Alert>;
  return (
    <Stack gap="sm">
      <BackLink />
      <Title order={3}>
        {t('invoicing.invoices.create')} · {choice.company.name}
      </Title>
      <InvoiceEditor companyId={choice.company.id} companyCurrency={choice.company.baseCurrency} />
    </Stack>
  );
}

/** One invoice: a draft opens in the editor, a posted or cancelled one reads only. */
export function InvoicePage() {
  const { t } = useTranslation();
  const canWrite = useCan('accounting:write');
  const { invoiceId } = useParams({ strict: false }) as { invoiceId: string };
  const choice = useCompanyChoice();
  const query = useQuery({
    queryKey: ['/invoices', invoiceId],
    queryFn: () => api.get<Invoice>(`/invoices/${invoiceId}`),
  });
  if (query.isLoading || choice.isLoading) return <CenteredLoader />;
  if (query.error || !query.data)
    return (
      <Alert color="red" data-testid="invoice-not-found">
        {problemMessage(query.error)}
      </Alert>
    );
  const invoice = query.data;
  const company = choice.companies.find((c) => c.id === invoice.companyId);
  const companyCurrency = company?.baseCurrency ?? invoice.currency;
  return (
    <Stack gap="sm">
      <BackLink />
      <Group gap="sm">
        <Title order={3} data-testid="invoice-number">
          {invoice.number ?? t('accounting.entry.draftNumber')}
        </Title>
        <EntryStatusBadge status={invoice.status} />
        <Title order={5} c="dimmed">
          {t(`invoicing.kind.${invoice.kind}`)}
          {company ? ` · ${company.name}` : ''}
        </Title>
      </Group>
      {invoice.status === 'draft' && canWrite ? (
        <InvoiceEditor
          key={invoice.id}
          invoice={invoice}
          companyId={invoice.companyId}
          companyCurrency={companyCurrency}
        />
      ) : (
        <InvoiceView invoice={invoice} companyCurrency={companyCurrency} />
      )}
    </Stack>
  );
}
