import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../api/client';
import { useCan } from '../../../auth/me';
import { FormAlert } from '../../../ui/form-alert';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useForm } from '../../../ui/use-form';
import { positiveDecimal, required } from '../../../ui/validators';
import type { Client } from '../../parties/party-types';
import type { LoyaltyLookup, LoyaltyPosting, LoyaltyProgram } from './loyalty-types';
import { useLoyaltyPrograms } from './use-loyalty-programs';

/** The till's view: find a member by card number or phone, see the balance, credit or spend points. */
export function LookupBox() {
  const { t } = useTranslation();
  const programs = useLoyaltyPrograms();
  const [found, setFound] = useState<{ lookup: LoyaltyLookup; program: LoyaltyProgram } | null>(null);
  const form = useForm(
    {
      programId: null as string | null,
      by: 'cardNumber' as 'cardNumber' | 'phone',
      cardNumber: '',
      phone: '',
    },
    { programId: [required] },
  );
  const v = form.values;
  const programId = v.programId ?? programs.active[0]?.id ?? null;
  const lookup = useApiMutation(
    (values: typeof v) =>
      api.get<LoyaltyLookup>('/loyalty/lookup', {
        programId,
        ...(values.by === 'cardNumber'
          ? { cardNumber: values.cardNumber.trim() }
          : { phone: values.phone.trim() }),
      }),
    {
      onSuccess: (result) => {
        const program = programs.items.find((p) => p.id === result.card.programId);
        if (program) setFound({ lookup: result, program });
      },
      onError: (error) => {
        setFound(null);
        form.applyProblem(error);
      },
    },
  );
  const submit = form.onSubmit((values) => {
    if (!programId) return;
    lookup.mutate(values);
  });
  return (
    <Paper withBorder p="md" data-testid="loyalty-lookup">
      <Text fw={600} mb="xs">
        {t('loyalty.lookup')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={form.formError} />
          <Group align="flex-start" gap="sm">
            <Select
              label={t('loyalty.program')}
              w={240}
              allowDeselect={false}
              data={programs.options}
              {...form.field('programId')}
              value={programId}
              data-testid="lookup-program"
            />
            <Stack gap={4}>
              <SegmentedControl
                size="xs"
                mt={22}
                value={v.by}
                onChange={(by) => form.setValue('by', by as 'cardNumber' | 'phone')}
                data={[
                  { value: 'cardNumber', label: t('loyalty.cardNumber') },
                  { value: 'phone', label: t('loyalty.phone') },
                ]}
                data-testid="lookup-by"
              />
            </Stack>
            {v.by === 'cardNumber' ? (
              <TextInput
                label={t('loyalty.cardNumber')}
                inputMode="numeric"
                w={240}
                {...form.text('cardNumber')}
                data-testid="lookup-card-number"
              />
            ) : (
              <TextInput
                label={t('loyalty.phone')}
                w={240}
                {...form.text('phone')}
                data-testid="lookup-phone"
              />
            )}
            <Button type="submit" mt={25} loading={lookup.isPending} data-testid="lookup-submit">
              {t('loyalty.find')}
            </Button>
          </Group>
        </Stack>
      </form>
      {found && (
        <Member
          key={`${found.lookup.card.id}`}
          found={found.lookup}
          program={found.program}
          onBalance={(balance) => setFound({ ...found, lookup: { ...found.lookup, balance } })}
        />
      )}
    </Paper>
  );
}

function Member({
  found,
  program,
  onBalance,
}: {
  found: LoyaltyLookup;
  program: LoyaltyProgram;
  onBalance: (balance: string) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan('crm:write');
  const client = useQuery({
    queryKey: ['/clients', found.card.clientId],
    queryFn: () => api.get<Client>(`/clients/${found.card.clientId}`),
  });
  return (
    <Stack gap="sm" mt="md" data-testid="lookup-result">
      <Group gap="xl">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('loyalty.client')}
          </Text>
          <Anchor
            component={Link}
            to={`/clients/${found.card.clientId}`}
            fw={600}
            data-testid="lookup-client"
          >
            {client.data?.name ?? '…'}
          </Anchor>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('loyalty.cardNumber')}
          </Text>
          <Text ff="monospace">{found.card.cardNumber}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('loyalty.balance')}
          </Text>
          <Text fw={700} size="lg" data-testid="lookup-balance">
            {found.balance}
          </Text>
        </Stack>
      </Group>
      {canWrite && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <AccrueForm card={found} program={program} onBalance={onBalance} />
          <RedeemForm card={found} program={program} onBalance={onBalance} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

interface PostingProps {
  card: LoyaltyLookup;
  program: LoyaltyProgram;
  onBalance: (balance: string) => void;
}

/** The server names the purchase lines (`lines`, `lines.0.amount`); here they are the one amount. */
function asAmountField(error: unknown) {
  if (!(error instanceof ApiError) || !error.problem.errors) return error;
  return new ApiError({
    ...error.problem,
    errors: error.problem.errors.map((e) =>
      e.field === 'lines' || e.field.startsWith('lines.') ? { ...e, field: 'amount' } : e,
    ),
  });
}

function AccrueForm({ card, program, onBalance }: PostingProps) {
  const { t } = useTranslation();
  const form = useForm({ amount: '', category: '' }, { amount: [required, positiveDecimal] });
  const accrue = useApiMutation(
    (v: typeof form.values) =>
      api.post<LoyaltyPosting>('/loyalty/accruals', {
        programId: program.id,
        cardNumber: card.card.cardNumber,
        currency: program.currency,
        lines: [{ amount: v.amount.trim(), ...(v.category.trim() ? { category: v.category.trim() } : {}) }],
      }),
    {
      success: t('loyalty.accrued'),
      onSuccess: (posting) => {
        onBalance(posting.balance);
        form.reset({ amount: '', category: '' });
      },
      onError: (e) => form.applyProblem(asAmountField(e)),
    },
  );
  return (
    <Paper withBorder p="sm">
      <form onSubmit={form.onSubmit((v) => accrue.mutate(v))} noValidate data-testid="accrue-form">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('loyalty.accrue')}
          </Text>
          <FormAlert message={form.formError} />
          <TextInput
            label={t('loyalty.paidAmount', { currency: program.currency })}
            inputMode="decimal"
            {...form.text('amount')}
            data-testid="accrue-amount"
          />
          <TextInput label={t('loyalty.category')} {...form.text('category')} />
          <Group justify="flex-end">
            <Button type="submit" loading={accrue.isPending} data-testid="accrue-submit">
              {t('loyalty.accrue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RedeemForm({ card, program, onBalance }: PostingProps) {
  const { t } = useTranslation();
  const form = useForm(
    { points: '', purchaseAmount: '' },
    { points: [required, positiveDecimal], purchaseAmount: [positiveDecimal] },
  );
  const redeem = useApiMutation(
    (v: typeof form.values) =>
      api.post<LoyaltyPosting>('/loyalty/redemptions', {
        programId: program.id,
        cardNumber: card.card.cardNumber,
        points: v.points.trim(),
        ...(v.purchaseAmount.trim() ? { purchaseAmount: v.purchaseAmount.trim() } : {}),
      }),
    {
      success: t('loyalty.redeemed'),
      onSuccess: (posting) => {
        onBalance(posting.balance);
        form.reset({ points: '', purchaseAmount: '' });
      },
      onError: form.applyProblem,
    },
  );
  return (
    <Paper withBorder p="sm">
      <form onSubmit={form.onSubmit((v) => redeem.mutate(v))} noValidate data-testid="redeem-form">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('loyalty.redeem')}
          </Text>
          <FormAlert message={form.formError} />
          <TextInput
            label={t('loyalty.points')}
            inputMode="decimal"
            {...form.text('points')}
            data-testid="redeem-points"
          />
          <TextInput
            label={t('loyalty.purchaseAmount', { currency: program.currency })}
            inputMode="decimal"
            {...form.text('purchaseAmount')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={redeem.isPending} data-testid="redeem-submit">
              {t('loyalty.redeem')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
