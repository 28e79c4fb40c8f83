import { ActionIcon, Anchor, Button, Group, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../ui/format';
import type { StatementColumn, StatementLine, StatementSection } from './statement-types';

export interface SectionSpec {
  key: string;
  title: string;
  totalLabel: string;
  section: StatementSection;
}

/** Ancestors of each row in the section, so a collapsed group hides everything under it. */
function ancestorsOf(rows: StatementLine[]) {
  const parent = new Map(rows.map((r) => [r.accountId, r.parentId]));
  return (row: StatementLine) => {
    const ids: string[] = [];
    for (let p = row.parentId; p && ids.length < rows.length; p = parent.get(p) ?? null) ids.push(p);
    return ids;
  };
}

/**
 * A financial statement: sections of the chart's tree with their totals, one column per period,
 * date or dimension value. Groups fold; an account opens its general ledger for `ledgerRange`.
 */
export function StatementTable({
  columns,
  sections,
  footer,
  currency,
  ledgerRange,
  testId,
}: {
  columns: StatementColumn[];
  sections: SectionSpec[];
  footer: { label: string; amounts: string[]; testId: string }[];
  currency: string;
  /** The days an account's general ledger opens on. */
  ledgerRange: { from: string; to: string };
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const groups = sections.flatMap((s) => s.section.rows.filter((r) => r.isGroup && r.accountId));
  const toggle = (id: string) =>
    setCollapsed((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const headerOf = (c: StatementColumn) => {
    if (c.kind === 'none') return t('financialReports.noValue');
    if (c.kind === 'total' && columns.some((other) => other.kind === 'dimension'))
      return t('accounting.total');
    return c.label;
  };
  const amountCells = (amounts: string[], bold: boolean, cellTestId: string) =>
    amounts.map((amount, i) => (
      <Table.Td
        key={columns[i]?.dimensionId ?? `${columns[i]?.kind}-${i}`}
        ta="right"
        fw={bold ? 700 : 400}
        data-testid={cellTestId}
      >
        {format.money(amount, currency)}
      </Table.Td>
    ));

  return (
    <Paper withBorder>
      <Group justify="flex-end" gap="xs" p="xs">
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setCollapsed(new Set())}
          data-testid="expand-all"
        >
          {t('financialReports.expandAll')}
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setCollapsed(new Set(groups.map((g) => g.accountId!)))}
          data-testid="collapse-all"
        >
          {t('financialReports.collapseAll')}
        </Button>
      </Group>
      <ScrollArea>
        <Table striped highlightOnHover data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('accounting.account.code')}</Table.Th>
              <Table.Th>{t('accounting.line.account')}</Table.Th>
              {columns.map((c, i) => (
                <Table.Th key={c.dimensionId ?? `${c.kind}-${i}`} ta="right" data-testid="statement-column">
                  {headerOf(c)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sections.map((spec) => {
              const ancestors = ancestorsOf(spec.section.rows);
              return [
                <Table.Tr key={`${spec.key}-title`}>
                  <Table.Td colSpan={2 + columns.length}>
                    <Text fw={700} tt="uppercase" size="sm" c="dimmed">
                      {spec.title}
                    </Text>
                  </Table.Td>
                </Table.Tr>,
                ...spec.section.rows
                  .filter((row) => !ancestors(row).some((id) => collapsed.has(id)))
                  .map((row) => (
                    <Table.Tr
                      key={row.accountId ?? row.line}
                      data-testid="statement-row"
                      data-section={spec.key}
                      data-account-code={row.code || row.line}
                    >
                      <Table.Td ff="monospace" fw={row.isGroup ? 700 : 400}>
                        {row.code}
                      </Table.Td>
                      <Table.Td pl={`calc(var(--mantine-spacing-sm) + ${row.level * 20}px)`}>
                        <Group gap={4} wrap="nowrap">
                          {row.isGroup && row.accountId && (
                            <ActionIcon
                              size="xs"
                              variant="subtle"
                              onClick={() => toggle(row.accountId!)}
                              aria-label={
                                collapsed.has(row.accountId)
                                  ? t('financialReports.expand')
                                  : t('financialReports.collapse')
                              }
                              data-testid="statement-toggle"
                            >
                              {collapsed.has(row.accountId) ? '▸' : '▾'}
                            </ActionIcon>
                          )}
                          <LineName row={row} ledgerRange={ledgerRange} />
                        </Group>
                      </Table.Td>
                      {amountCells(row.amounts, row.isGroup, 'statement-amount')}
                    </Table.Tr>
                  )),
                <Table.Tr key={`${spec.key}-total`} data-testid={`total-${spec.key}`}>
                  <Table.Td colSpan={2} fw={700}>
                    {spec.totalLabel}
                  </Table.Td>
                  {amountCells(spec.section.total, true, 'statement-total')}
                </Table.Tr>,
              ];
            })}
          </Table.Tbody>
          <Table.Tfoot>
            {footer.map((f) => (
              <Table.Tr key={f.testId} data-testid={f.testId}>
                <Table.Td colSpan={2} fw={700}>
                  {f.label}
                </Table.Td>
                {amountCells(f.amounts, true, 'statement-total')}
              </Table.Tr>
            ))}
          </Table.Tfoot>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

function LineName({ row, ledgerRange }: { row: StatementLine; ledgerRange: { from: string; to: string } }) {
  const { t } = useTranslation();
  if (row.line !== 'account')
    return (
      <Text size="sm" fs="italic">
        {t(`financialReports.line.${row.line}`)}
      </Text>
    );
  if (row.isGroup)
    return (
      <Text size="sm" fw={700}>
        {row.name}
      </Text>
    );
  return (
    <Anchor
      component={Link}
      to={'/accounting/general-ledger' as string}
      search={{ accountId: row.accountId, ...ledgerRange } as never}
      size="sm"
      data-testid="statement-account"
    >
      {row.name}
    </Anchor>
  );
}
