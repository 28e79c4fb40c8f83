import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageMenu } from '../app/layout/language-menu';
import { ThemeToggle } from '../app/layout/theme-toggle';

/** The page around the login and invitation forms: no navbar, just the form. */
export function AuthFrame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack mih="100vh" gap={0} bg="var(--mantine-color-body)">
      <Group justify="flex-end" p="sm" gap={6}>
        <LanguageMenu />
        <ThemeToggle />
      </Group>
      <Center style={{ flex: 1 }} pb={80}>
        <Stack w={380} gap="md" px="sm">
          <Text ta="center" fw={800} size="xl" c="indigo">
            Tandem
          </Text>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={4}>{title}</Title>
                {subtitle && (
                  <Text size="sm" c="dimmed">
                    {subtitle}
                  </Text>
                )}
              </Stack>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Stack>
  );
}
