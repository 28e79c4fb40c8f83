import { Alert, Anchor, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../api/client';
import { useCan } from '../../auth/me';
import { CenteredLoader } from '../../ui/centered-loader';
import type { JournalEntry } from './accounting-types';
import { EntryEditor } from './entry-editor';
import { EntryStatusBadge } from './entry-status-badge';
import { EntryView } from './entry-view';
import { useCompanyChoice } from './use-company-choice';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/accounting/entries" size="sm">
      ← {t('accounting.entries.title')}
    </Anchor>
  );
}

/** A new manual entry for the company picked on the accounting pages. */
export function NewJournalEntryPage() {
  const { t } = useTranslation();
  const choice = useCompanyChoice();
  if (choice.isLoading) return <CenteredLoader />;
  if (!choice.company) return <Alert color="yellow">{t('accounting.noCompany')}</Alert>;
  return (
    <Stack gap="sm">
      <BackLink />
      <Title order={3}>
        {t('accounting.entries.create')} · {choice.company.name}
      </Title>
      <EntryEditor companyId={choice.company.id} companyCurrency={choice.company.baseCurrency} />
    </Stack>
  );
}

/** One entry: a draft opens in the editor, a posted or cancelled one reads only. */
export function JournalEntryPage() {
  const { t } = useTranslation();
  const canWrite = useCan('accounting:write');
  const { entryId } = useParams({ strict: false }) as { entryId: string };
  const choice = useCompanyChoice();
  const query = useQuery({
    queryKey: ['/journal-entries', entryId],
    queryFn: () => api.get<JournalEntry>(`/journal-entries/${entryId}`),
  });
  if (query.isLoading || choice.isLoading) return <CenteredLoader />;
  if (query.error || !query.data)
    return (
      <Alert color="red" data-testid="entry-not-found">
        {problemMessage(query.error)}
      </Alert>
    );
  const entry = query.data;
  const company = choice.companies.find((c) => c.id === entry.companyId);
  const companyCurrency = company?.baseCurrency ?? entry.currency;
  return (
    <Stack gap="sm">
      <BackLink />
      <Group gap="sm">
        <Title order={3} data-testid="entry-number">
          {entry.number ?? t('accounting.entry.draftNumber')}
        </Title>
        <EntryStatusBadge status={entry.status} />
        {company && (
          <Title order={5} c="dimmed">
            {company.name}
          </Title>
        )}
      </Group>
      {entry.status === 'draft' && canWrite ? (
        <EntryEditor
          key={entry.id}
          entry={entry}
          companyId={entry.companyId}
          companyCurrency={companyCurrency}
        />
      ) : (
        <EntryView entry={entry} companyCurrency={companyCurrency} />
      )}
    </Stack>
  );
}
