import { Badge, Button, Checkbox, Divider, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import Decimal from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, problemMessage } from '../../../api/client';
import { FormAlert } from '../../../ui/form-alert';
import { useFormat } from '../../../ui/format';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { trimAmount } from '../decimal-sum';
import { CounterpartySelect } from '../invoicing/counterparty-select';
import type { OpenItem } from '../invoicing/invoicing-types';
import { BANK_CHANGED, type StatementLine, type Suggestion } from './bank-types';

interface Row {
  openItemId: string;
  documentNumber: string | null;
  dueDate: string;
  outstanding: string;
  suggestion?: Suggestion;
}

/**
 * Confirms a line against the open items picked (the best suggestion ticked to begin with), as an
 * advance when none is, or sets it aside with a note.
 */
export function LineMatchModal({
  line,
  companyId,
  suggestions,
  onClose,
}: {
  line: StatementLine;
  companyId: string;
  suggestions: Suggestion[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const best = suggestions[0];
  const [counterpartyId, setCounterpartyId] = useState<string | null>(best?.counterpartyId ?? null);
  const [amounts, setAmounts] = useState<Record<string, string>>(
    best ? { [best.openItemId]: best.amount } : {},
  );
  const [note, setNote] = useState('');
  const moneyIn = !line.amount.startsWith('-');
  const owed = useQuery({
    queryKey: [
      '/open-items',
      { companyId, counterpartyId, side: moneyIn ? 'receivable' : 'payable', open: true },
    ],
    enabled: !!counterpartyId,
    queryFn: () =>
      api.get<Page<OpenItem>>('/open-items', {
        companyId,
        counterpartyId,
        side: moneyIn ? 'receivable' : 'payable',
        open: true,
        limit: 100,
      }),
  });
  const ofCounterparty = suggestions.filter((s) => s.counterpartyId === counterpartyId);
  const rows: Row[] = [
    ...ofCounterparty.map((s) => ({ ...s, suggestion: s })),
    ...(owed.data?.items ?? [])
      .filter((o) => new Decimal(o.outstanding).gt(0) && o.currency === line.currency)
      .filter((o) => !ofCounterparty.some((s) => s.openItemId === o.id))
      .map((o) => ({
        openItemId: o.id,
        documentNumber: null,
        dueDate: o.dueDate,
        outstanding: o.outstanding,
      })),
  ];
  const pickCounterparty = (id: string | null) => {
    setCounterpartyId(id);
    setAmounts({});
  };
  const confirm = useApiMutation(
    () =>
      api.post(`/bank-statement-lines/${line.id}/confirm`, {
        counterpartyId,
        allocations: Object.entries(amounts)
          .filter(([, amount]) => amount.trim() !== '')
          .map(([openItemId, amount]) => ({ openItemId, amount: amount.trim() })),
      }),
    { invalidate: BANK_CHANGED, success: t('bank.confirmed'), onSuccess: onClose, onError: () => {} },
  );
  const ignore = useApiMutation(() => api.post(`/bank-statement-lines/${line.id}/ignore`, { note }), {
    invalidate: BANK_CHANGED,
    success: t('bank.ignoredMessage'),
    onSuccess: onClose,
    onError: () => {},
  });
  const error = confirm.error ?? ignore.error;
  const picked = Object.keys(amounts).length;

  return (
    <Modal opened onClose={onClose} title={t('bank.matchTitle', { lineNo: line.lineNo })} size="xl">
      <Stack gap="sm" data-testid="line-match">
        <Text size="sm">
          {format.day(line.bookingDate)} · <b>{format.money(trimAmount(line.amount), line.currency)}</b> ·{' '}
          {line.counterpartyName} {line.counterpartyIban} · {line.reference}
        </Text>
        <CounterpartySelect
          label={t('counterparties.counterparty')}
          value={counterpartyId}
          onChange={pickCounterparty}
          data-testid="match-counterparty"
        />
        {suggestions.length > 0 && (
          <Group gap={4}>
            {suggestions
              .filter((s, i) => suggestions.findIndex((x) => x.counterpartyId === s.counterpartyId) === i)
              .map((s) => (
                <Badge
                  key={s.counterpartyId}
                  variant={s.counterpartyId === counterpartyId ? 'filled' : 'light'}
                  style={{ cursor: 'pointer' }}
                  onClick={() => pickCounterparty(s.counterpartyId)}
                >
                  {s.counterpartyName} · {s.score}
                </Badge>
              ))}
          </Group>
        )}
        <Table striped withTableBorder fz="sm" data-testid="match-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('bank.document')}</Table.Th>
              <Table.Th>{t('bank.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('bank.outstanding')}</Table.Th>
              <Table.Th>{t('bank.score')}</Table.Th>
              <Table.Th>{t('bank.allocate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const checked = row.openItemId in amounts;
              return (
                <Table.Tr key={row.openItemId}>
                  <Table.Td>
                    <Checkbox
                      checked={checked}
                      onChange={(e) => {
                        const next = { ...amounts };
                        if (e.currentTarget.checked)
                          next[row.openItemId] = row.suggestion?.amount ?? trimAmount(row.outstanding);
                        else delete next[row.openItemId];
                        setAmounts(next);
                      }}
                      data-testid={`match-pick-${row.documentNumber ?? row.openItemId}`}
                    />
                  </Table.Td>
                  <Table.Td>{row.documentNumber ?? '—'}</Table.Td>
                  <Table.Td>{format.day(row.dueDate)}</Table.Td>
                  <Table.Td ta="right">{format.money(trimAmount(row.outstanding), line.currency)}</Table.Td>
                  <Table.Td>
                    {row.suggestion && (
                      <Group gap={4}>
                        <Badge size="sm">{row.suggestion.score}</Badge>
                        {row.suggestion.reasons.map((r) => (
                          <Badge key={r} size="sm" variant="light" color="gray">
                            {t(`bank.reasons.${r}`)}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      w={110}
                      disabled={!checked}
                      value={amounts[row.openItemId] ?? ''}
                      onChange={(e) => setAmounts({ ...amounts, [row.openItemId]: e.currentTarget.value })}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('bank.noItems')}
          </Text>
        )}
        <FormAlert message={error ? problemMessage(error) : null} />
        <Group justify="flex-end">
          <Button
            onClick={() => confirm.mutate(undefined)}
            loading={confirm.isPending}
            disabled={!counterpartyId}
            data-testid="match-confirm"
          >
            {picked ? t('bank.confirm') : t('bank.confirmAdvance')}
          </Button>
        </Group>
        <Divider label={t('bank.orIgnore')} />
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('bank.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="ignore-note"
          />
          <Button
            variant="default"
            onClick={() => ignore.mutate(undefined)}
            loading={ignore.isPending}
            disabled={!note.trim()}
            data-testid="ignore-line"
          >
            {t('bank.ignore')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
