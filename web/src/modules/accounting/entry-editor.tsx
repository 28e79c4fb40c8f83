import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, request } from '../../api/client';
import { ConfirmButton } from '../../ui/confirm-button';
import { DayInput } from '../../ui/day-input';
import { FormAlert } from '../../ui/form-alert';
import { useApiMutation } from '../../ui/use-api-mutation';
import { useForm } from '../../ui/use-form';
import { maxLength, positiveDecimal, required } from '../../ui/validators';
import { useCurrencyOptions } from '../reference/use-reference-options';
import type { JournalEntry } from './accounting-types';
import { entryTotals, parseAmount } from './decimal-sum';
import { entryLines, isBlankLine, type LineDraft, lineBody, splitLineProblems } from './entry-draft';
import { EntryLinesGrid } from './entry-lines-grid';
import { BOOKS_CHANGED, useAccounts, useDimensions, useJournals } from './use-accounting-lists';

const today = () => new Date().toISOString().slice(0, 10);

/** A new entry or a draft: header, lines with live totals, Save draft, Post, Delete draft. */
export function EntryEditor({
  entry,
  companyId,
  companyCurrency,
}: {
  entry?: JournalEntry;
  companyId: string;
  companyCurrency: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const currencies = useCurrencyOptions();
  const accounts = useAccounts(companyId);
  const journals = useJournals(companyId);
  const dims = useDimensions(companyId);
  const [lines, setLines] = useState<LineDraft[]>(() => entryLines(entry));
  const [lineErrors, setLineErrors] = useState<Record<string, Record<string, string>>>({});
  const form = useForm(
    {
      postingDate: (entry?.postingDate ?? today()) as string | null,
      journalId: (entry?.journalId ?? null) as string | null,
      currency: (entry?.currency ?? companyCurrency) as string | null,
      rate: entry && entry.currency !== companyCurrency ? entry.rate : '',
      memo: entry?.memo ?? '',
    },
    {
      postingDate: [required],
      journalId: [required],
      currency: [required],
      rate: [positiveDecimal],
      memo: [maxLength(1000)],
    },
  );
  const v = form.values;
  const foreign = v.currency !== companyCurrency;
  const filled = lines.map((line, index) => ({ line, index })).filter(({ line }) => !isBlankLine(line));

  const body = () => ({
    journalId: v.journalId,
    postingDate: v.postingDate,
    memo: v.memo.trim() || null,
    currency: v.currency,
    ...(foreign && v.rate.trim() ? { rate: v.rate.trim() } : {}),
    lines: filled.map(({ line }) => lineBody(line)),
  });
  const onProblem = (error: unknown) => {
    const { byLine, rest } = splitLineProblems(
      error,
      filled.map(({ index }) => index),
    );
    setLineErrors(byLine);
    form.applyProblem(rest);
  };
  const saveDraft = () =>
    entry
      ? api.patch<JournalEntry>(`/journal-entries/${entry.id}`, body())
      : api.post<JournalEntry>('/journal-entries', { companyId, ...body() });
  const openEntry = (saved: JournalEntry) => {
    setLineErrors({});
    if (!entry) void navigate({ to: `/accounting/entries/${saved.id}`, replace: true });
  };

  const save = useApiMutation(saveDraft, {
    invalidate: ['/journal-entries'],
    success: t('accounting.entry.saved'),
    onSuccess: openEntry,
    onError: onProblem,
  });
  // Posting saves what is on the screen first: the accountant posts what they see.
  const post = useApiMutation(
    async () => {
      const saved = await saveDraft();
      return api.post<JournalEntry>(`/journal-entries/${saved.id}/post`);
    },
    {
      invalidate: BOOKS_CHANGED,
      success: t('accounting.entry.postedMessage'),
      onSuccess: openEntry,
      onError: onProblem,
    },
  );
  const remove = useApiMutation(() => request<void>('DELETE', `/journal-entries/${entry?.id}`), {
    invalidate: ['/journal-entries'],
    success: t('accounting.entry.deleted'),
    onSuccess: () => void navigate({ to: '/accounting/entries' as string }),
  });

  // Both buttons submit the form, so the header checks run for either; this says which was pressed.
  const intent = useRef<'save' | 'post'>('save');
  const submit = form.onSubmit(() => {
    const badAmount = lines.some((l) => parseAmount(l.debit) === null || parseAmount(l.credit) === null);
    if (badAmount) return;
    if (intent.current === 'post') post.mutate(undefined);
    else save.mutate(undefined);
  });
  const totals = entryTotals(lines);

  return (
    <form onSubmit={submit} noValidate data-testid="entry-editor">
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <Paper withBorder p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <DayInput
              label={t('accounting.entry.postingDate')}
              required
              {...form.field('postingDate')}
              data-testid="entry-date"
            />
            <Select
              label={t('accounting.entry.journal')}
              required
              searchable
              data={journals.options}
              {...form.field('journalId')}
              data-testid="entry-journal"
            />
            <Select
              label={t('accounting.currency')}
              required
              searchable
              allowDeselect={false}
              data={currencies}
              {...form.field('currency')}
              data-testid="entry-currency"
            />
            {foreign && (
              <TextInput
                label={t('accounting.entry.rate')}
                description={t('accounting.entry.rateHint', { currency: v.currency, base: companyCurrency })}
                inputMode="decimal"
                {...form.text('rate')}
              />
            )}
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('accounting.entry.memo')}
            autosize
            minRows={1}
            {...form.text('memo')}
            data-testid="entry-memo"
          />
        </Paper>
        <EntryLinesGrid
          lines={lines}
          onChange={setLines}
          accounts={accounts.postable}
          dimensions={{
            cost_centre: dims.optionsOf('cost_centre'),
            project: dims.optionsOf('project'),
            department: dims.optionsOf('department'),
          }}
          currency={v.currency ?? companyCurrency}
          errors={lineErrors}
        />
        <Group justify="space-between">
          <Group gap="xs">
            {entry && (
              <ConfirmButton
                size="sm"
                label={t('accounting.entry.deleteDraft')}
                question={t('accounting.entry.deleteQuestion')}
                onConfirm={() => remove.mutate(undefined)}
                data-testid="entry-delete"
              />
            )}
          </Group>
          <Group gap="xs">
            <Button
              variant="default"
              type="submit"
              loading={save.isPending}
              onClick={() => {
                intent.current = 'save';
              }}
              data-testid="entry-save"
            >
              {t('accounting.entry.saveDraft')}
            </Button>
            <Button
              color="teal"
              loading={post.isPending}
              type="submit"
              disabled={!totals.balanced}
              onClick={() => {
                intent.current = 'post';
              }}
              data-testid="entry-post"
            >
              {t('accounting.entry.post')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
