import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../api/client';
import { useCan } from '../../auth/me';
import { CenteredLoader } from '../../ui/centered-loader';
import { ConfirmButton } from '../../ui/confirm-button';
import { DayInput } from '../../ui/day-input';
import { FormAlert } from '../../ui/form-alert';
import { FormButtons } from '../../ui/form-buttons';
import { useFormat } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { type Check, maxLength, required } from '../../ui/validators';
import type { FiscalPeriod, FiscalYear } from './accounting-types';
import { CompanySelect } from './company-select';
import { BOOKS_CHANGED, useFiscalYears } from './use-accounting-lists';
import { useCompanyChoice } from './use-company-choice';

/** Fiscal years and their months: a closed month refuses postings, a closed year is carried forward. */
export function PeriodsPage() {
  const { t } = useTranslation();
  const canManage = useCan('accounting:manage');
  const choice = useCompanyChoice();
  const years = useFiscalYears(choice.companyId);
  const [creating, setCreating] = useState(false);
  const sorted = [...(years.data ?? [])].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return (
    <>
      <PageHeader
        title={t('accounting.periods.title')}
        description={t('accounting.periods.description')}
        actions={
          canManage && (
            <Button
              disabled={!choice.companyId}
              onClick={() => setCreating(true)}
              data-testid="create-fiscal-year"
            >
              {t('accounting.periods.createYear')}
            </Button>
          )
        }
      />
      <Group mb="sm">
        <CompanySelect choice={choice} />
      </Group>
      {years.error && <Alert color="red">{problemMessage(years.error)}</Alert>}
      {years.isLoading && <CenteredLoader />}
      {!years.isLoading && sorted.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {t('accounting.periods.none')}
        </Text>
      )}
      <Stack gap="md" data-testid="fiscal-years">
        {sorted.map((year) => (
          <FiscalYearCard key={year.id} year={year} canManage={canManage} />
        ))}
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('accounting.periods.createYear')}>
        {creating && choice.companyId && (
          <FiscalYearForm companyId={choice.companyId} onDone={() => setCreating(false)} />
        )}
      </Modal>
    </>
  );
}

function FiscalYearCard({ year, canManage }: { year: FiscalYear; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const closeYear = useApiMutation(() => api.post<FiscalYear>(`/fiscal-years/${year.id}/close`), {
    invalidate: BOOKS_CHANGED,
    success: t('accounting.periods.yearClosed'),
  });
  const periods = [...year.periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    <Paper withBorder p="sm" data-testid="fiscal-year" data-year-name={year.name}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={5}>{year.name}</Title>
          <Text size="sm" c="dimmed">
            {format.day(year.startsOn)} – {format.day(year.endsOn)}
          </Text>
          {year.closingEntryId && (
            <Badge color="gray" variant="light">
              {t('accounting.periods.yearIsClosed')}
            </Badge>
          )}
        </Group>
        {year.closingEntryId ? (
          <Anchor component={Link} to={`/accounting/entries/${year.closingEntryId}`} size="sm">
            {t('accounting.periods.closingEntry')}
          </Anchor>
        ) : (
          canManage && (
            <ConfirmButton
              size="compact-sm"
              variant="light"
              label={t('accounting.periods.closeYear')}
              question={t('accounting.periods.closeYearQuestion', { name: year.name })}
              onConfirm={() => closeYear.mutate(undefined)}
              loading={closeYear.isPending}
              data-testid="close-year"
            />
          )
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} spacing="xs">
        {periods.map((period) => (
          <PeriodCell key={period.id} period={period} canManage={canManage} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function PeriodCell({ period, canManage }: { period: FiscalPeriod; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const closed = !!period.closedAt;
  const month = new Intl.DateTimeFormat(i18n.language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${period.startsOn.slice(0, 10)}T12:00:00Z`));
  const toggle = useApiMutation(
    () => api.post<FiscalPeriod>(`/fiscal-periods/${period.id}/${closed ? 'reopen' : 'close'}`),
    {
      invalidate: ['/fiscal-years'],
      success: closed ? t('accounting.periods.reopened') : t('accounting.periods.closed'),
    },
  );
  return (
    <Paper
      withBorder
      p="xs"
      bg={closed ? 'var(--mantine-color-default-hover)' : undefined}
      data-testid="fiscal-period"
    >
      <Stack gap={4}>
        <Text size="sm" fw={600} tt="capitalize">
          {month}
        </Text>
        <Badge size="xs" variant="light" color={closed ? 'gray' : 'teal'}>
          {closed ? t('accounting.periods.closedBadge') : t('accounting.periods.openBadge')}
        </Badge>
        {canManage && (
          <Button
            size="compact-xs"
            variant={closed ? 'subtle' : 'light'}
            loading={toggle.isPending}
            onClick={() => toggle.mutate(undefined)}
            data-testid={closed ? 'period-reopen' : 'period-close'}
          >
            {closed ? t('accounting.periods.reopen') : t('accounting.periods.close')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

const endAfterStart: Check<string | null> = (end, values) =>
  end && values.startsOn && end < String(values.startsOn)
    ? { key: 'accounting.periods.endBeforeStart' }
    : null;

function FiscalYearForm({ companyId, onDone }: { companyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const form = useForm(
    {
      name: String(year),
      startsOn: `${year}-01-01` as string | null,
      endsOn: `${year}-12-31` as string | null,
    },
    { name: [required, maxLength(100)], startsOn: [required], endsOn: [required, endAfterStart] },
  );
  const save = useApiMutation(
    (v: typeof form.values) =>
      api.post<FiscalYear>('/fiscal-years', {
        companyId,
        name: v.name.trim(),
        startsOn: v.startsOn,
        endsOn: v.endsOn,
      }),
    {
      invalidate: ['/fiscal-years'],
      success: t('common.saved'),
      onSuccess: onDone,
      onError: form.applyProblem,
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput label={t('common.name')} required {...form.text('name')} />
        <SimpleGrid cols={2} spacing="sm">
          <DayInput label={t('accounting.from')} required {...form.field('startsOn')} />
          <DayInput label={t('accounting.to')} required {...form.field('endsOn')} />
        </SimpleGrid>
        <FormButtons onCancel={onDone} pending={save.isPending} creating />
      </Stack>
    </form>
  );
}
