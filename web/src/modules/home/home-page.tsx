import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import { useMe } from '../../auth/me';
import { CenteredLoader } from '../../ui/centered-loader';
import { type Company, formatAddress } from '../companies/company-types';

const SUMMARY_SIZE = 10;

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const fullAccess = me.permissions.includes('*');

  return (
    <Stack gap="md">
      <Title order={3}>{t('home.welcome', { name: me.user.name })}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" data-testid="home-workspace">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('home.workspace')}
          </Text>
          <Text size="lg" fw={600} mt={4}>
            {me.tenant.name}
          </Text>
          <Group gap={6} mt="xs">
            <Badge variant="light" color={fullAccess ? 'indigo' : 'gray'}>
              {fullAccess
                ? t('home.fullAccess')
                : t('home.permissionCount', { count: me.permissions.length })}
            </Badge>
            {me.ownRecordsOnly && (
              <Badge variant="light" color="yellow">
                {t('roles.ownOnlyShort')}
              </Badge>
            )}
            {me.tenants.length > 1 && (
              <Badge variant="light" color="gray">
                {t('home.workspaceCount', { count: me.tenants.length })}
              </Badge>
            )}
          </Group>
        </Paper>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('home.modules')}
          </Text>
          <Group gap={6} mt="xs">
            {me.modules.map((m) => (
              <Badge
                key={m.key}
                variant={m.enabled ? 'light' : 'outline'}
                color={m.enabled ? 'teal' : 'gray'}
                tt="none"
              >
                {t(`modules.${m.key}`, { defaultValue: m.title })}
              </Badge>
            ))}
          </Group>
        </Paper>
      </SimpleGrid>
      <CompanySummary />
    </Stack>
  );
}

function CompanySummary() {
  const { t } = useTranslation();
  const companies = useQuery({
    queryKey: ['/companies', 'summary'],
    queryFn: () => api.get<Page<Company>>('/companies', { limit: SUMMARY_SIZE }),
  });
  const items = companies.data?.items ?? [];
  return (
    <Paper withBorder p="md" data-testid="home-companies">
      <Group justify="space-between" mb="xs">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t('home.companies')}
        </Text>
        <Anchor component={Link} to="/settings/companies" size="sm">
          {t('home.allCompanies')}
        </Anchor>
      </Group>
      {companies.isLoading && <CenteredLoader />}
      {!companies.isLoading && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('home.noCompanies')}
        </Text>
      )}
      {items.length > 0 && (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td fw={500}>{c.name}</Table.Td>
                <Table.Td>{c.baseCurrency}</Table.Td>
                <Table.Td c="dimmed">{formatAddress(c.address)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {companies.data?.nextCursor && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('home.moreCompanies')}
        </Text>
      )}
    </Paper>
  );
}
