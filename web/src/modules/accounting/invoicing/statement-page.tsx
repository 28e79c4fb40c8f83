import { Alert, Anchor, Group, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../../api/client';
import { CenteredLoader } from '../../../ui/centered-loader';
import { DayInput } from '../../../ui/day-input';
import { useFormat } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { CompanySelect } from '../company-select';
import { EntryLink } from '../entry-view';
import { currentYear } from '../report-period';
import { useCompanyChoice } from '../use-company-choice';
import { CounterpartySelect } from './counterparty-select';
import { statementQuery } from './statement-link';

interface Movement {
  date: string;
  kind: string;
  number: string | null;
  entryId: string;
  description: string | null;
  debit: string;
  credit: string;
  balance: string;
}

interface Statement {
  currency: string;
  openingBalance: string;
  movements: Movement[];
  totals: { debit: string; credit: string };
  closingBalance: string;
}

/**
 * A counterparty's reconciliation act on the screen: the opening balance, each posted movement
 * with the running balance, the closing balance, and the PDF both parties sign.
 */
export function StatementPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const choice = useCompanyChoice();
  // The counterparty and dates live in the address, so the aging and an invoice can link here.
  const search = useSearch({ strict: false }) as Record<string, string | undefined>;
  const companyId = search.companyId ?? choice.companyId;
  const counterpartyId = search.counterpartyId ?? null;
  const from = search.from ?? currentYear().from;
  const to = search.to ?? currentYear().to;
  const setSearch = (patch: Record<string, string | null>) => {
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...search, ...patch })) if (value) next[key] = value;
    void navigate({ to: '/accounting/statement' as string, search: next, replace: true });
  };
  const query = companyId && counterpartyId ? statementQuery({ companyId, counterpartyId, from, to }) : null;
  const statement = useQuery({
    queryKey: ['/accounting/statements', query?.toString()],
    enabled: !!query,
    retry: false,
    queryFn: () => api.get<Statement>(`/accounting/statements?${query}`),
  });
  const data = statement.data;
  const money = (amount: string) => (data ? format.money(amount, data.currency) : '');

  return (
    <>
      <PageHeader title={t('revaluation.statement')} />
      <Group mb="sm" gap="sm" align="flex-end">
        <CompanySelect
          choice={{
            ...choice,
            companyId,
            setCompanyId: (id) => {
              choice.setCompanyId(id);
              setSearch({ companyId: id });
            },
          }}
        />
        <CounterpartySelect
          w={280}
          label={t('counterparties.counterparty')}
          value={counterpartyId}
          onChange={(id) => setSearch({ counterpartyId: id })}
        />
        <DayInput
          w={150}
          label={t('accounting.from')}
          value={from}
          onChange={(d) => setSearch({ from: d })}
        />
        <DayInput w={150} label={t('accounting.to')} value={to} onChange={(d) => setSearch({ to: d })} />
        {query && (
          <Anchor href={`/api/v1/accounting/statements?${query}&format=pdf`} target="_blank" rel="noopener">
            PDF
          </Anchor>
        )}
      </Group>
      {statement.error && <Alert color="red">{problemMessage(statement.error)}</Alert>}
      {statement.isLoading && query && <CenteredLoader />}
      {data && (
        <Paper withBorder>
          <Table striped data-testid="statement-movements">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('revaluation.date')}</Table.Th>
                <Table.Th>{t('invoicing.openItem.document')}</Table.Th>
                <Table.Th>{t('invoicing.invoice.journalEntry')}</Table.Th>
                <Table.Th ta="right">{t('accounting.debit')}</Table.Th>
                <Table.Th ta="right">{t('accounting.credit')}</Table.Th>
                <Table.Th ta="right">{t('revaluation.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td colSpan={5}>{format.day(from)}</Table.Td>
                <Table.Td ta="right" fw={600} data-testid="statement-opening">
                  {money(data.openingBalance)}
                </Table.Td>
              </Table.Tr>
              {data.movements.map((m) => (
                <Table.Tr key={`${m.entryId}-${m.date}`}>
                  <Table.Td>{format.day(m.date)}</Table.Td>
                  <Table.Td>{m.number ?? m.description}</Table.Td>
                  <Table.Td>
                    <EntryLink entryId={m.entryId} testId="statement-entry-link" />
                  </Table.Td>
                  <Table.Td ta="right">{money(m.debit)}</Table.Td>
                  <Table.Td ta="right">{money(m.credit)}</Table.Td>
                  <Table.Td ta="right">{money(m.balance)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Td colSpan={3} fw={700}>
                  {format.day(to)}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {money(data.totals.debit)}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {money(data.totals.credit)}
                </Table.Td>
                <Table.Td ta="right" fw={700} data-testid="statement-closing">
                  {money(data.closingBalance)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          {data.movements.length === 0 && (
            <Text c="dimmed" size="sm" ta="center" py="md">
              {t('revaluation.noMovements')}
            </Text>
          )}
        </Paper>
      )}
    </>
  );
}
