import { Alert, Button, Group, SegmentedControl, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { CenteredLoader } from '../../../ui/centered-loader';
import { ConfirmButton } from '../../../ui/confirm-button';
import { DayInput } from '../../../ui/day-input';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useCurrencyOptions } from '../../reference/use-reference-options';
import { CompanySelect } from '../company-select';
import { useCompanyChoice } from '../use-company-choice';
import { SIDES } from './invoicing-types';
import { RevaluationPreviewTables } from './revaluation-preview';
import type { Revaluation, RevaluationPreview } from './revaluation-types';
import { REVALUATIONS_CHANGED, RevaluationsList } from './revaluations-list';

/** Month-end revaluation is the usual one: the last day of the month before this one. */
function endOfLastMonth() {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
}

const ALL = 'all';

/**
 * Unrealised exchange revaluation: preview what the open foreign-currency items are worth at the
 * rate of a date, post it (an entry on the date, reversed the next day), and cancel it.
 */
export function RevaluationPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounting:write');
  const choice = useCompanyChoice();
  const { companyId } = choice;
  const currencies = useCurrencyOptions();
  const [date, setDate] = useState<string | null>(endOfLastMonth());
  const [side, setSide] = useState<string>(ALL);
  const [currency, setCurrency] = useState<string | null>(null);
  const [asked, setAsked] = useState<Record<string, string> | null>(null);
  const request = () => ({
    companyId: companyId ?? '',
    date: date ?? '',
    ...(side !== ALL ? { side } : {}),
    ...(currency ? { currency } : {}),
  });
  const preview = useQuery({
    queryKey: ['/accounting/revaluations/preview', asked],
    enabled: !!asked,
    retry: false,
    queryFn: () => api.get<RevaluationPreview>('/accounting/revaluations/preview', asked ?? {}),
  });
  const post = useApiMutation(() => api.post<Revaluation>('/accounting/revaluations', asked), {
    invalidate: REVALUATIONS_CHANGED,
    success: t('revaluation.postedMessage'),
    onSuccess: () => setAsked(null),
  });
  const data = preview.data;

  return (
    <>
      <PageHeader title={t('revaluation.title')} description={t('revaluation.description')} />
      <Group mb="sm" gap="sm" align="flex-end">
        <CompanySelect choice={choice} />
        <DayInput
          w={160}
          label={t('revaluation.date')}
          clearable={false}
          value={date}
          onChange={setDate}
          data-testid="revaluation-date"
        />
        <SegmentedControl
          value={side}
          onChange={setSide}
          data={[
            { value: ALL, label: t('revaluation.bothSides') },
            ...SIDES.map((s) => ({ value: s, label: t(`invoicing.side.${s}`) })),
          ]}
          data-testid="revaluation-side"
        />
        <Select
          w={140}
          label={t('accounting.currency')}
          placeholder={t('revaluation.allCurrencies')}
          clearable
          searchable
          data={currencies}
          value={currency}
          onChange={setCurrency}
          data-testid="revaluation-currency"
        />
        <Button
          variant="default"
          disabled={!companyId || !date}
          onClick={() => setAsked(request())}
          data-testid="revaluation-preview"
        >
          {t('revaluation.preview')}
        </Button>
      </Group>
      <Stack gap="md">
        {preview.error && <Alert color="red">{problemMessage(preview.error)}</Alert>}
        {preview.isFetching && <CenteredLoader />}
        {data && asked && (
          <>
            <RevaluationPreviewTables preview={data} />
            {canWrite && data.items.length > 0 && (
              <Group justify="flex-end">
                <ConfirmButton
                  size="sm"
                  variant="filled"
                  color="teal"
                  label={t('revaluation.post')}
                  question={t('revaluation.postQuestion', {
                    date: format.day(data.date),
                    reversal: format.day(data.reversalDate),
                  })}
                  onConfirm={() => post.mutate(undefined)}
                  data-testid="revaluation-post"
                />
              </Group>
            )}
          </>
        )}
        {companyId && <RevaluationsList companyId={companyId} />}
      </Stack>
    </>
  );
}
