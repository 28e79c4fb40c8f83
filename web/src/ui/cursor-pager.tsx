import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Pager {
  page: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next(): void;
  previous(): void;
}

export function CursorPager({ list }: { list: Pager }) {
  const { t } = useTranslation();
  if (!list.hasNext && !list.hasPrevious) return null;
  return (
    <Group justify="flex-end" gap="xs" mt="xs">
      <Button
        size="compact-sm"
        variant="default"
        disabled={!list.hasPrevious}
        onClick={list.previous}
        data-testid="pager-previous"
      >
        {t('common.previous')}
      </Button>
      <Text size="sm" c="dimmed" data-testid="pager-page">
        {t('common.page', { page: list.page })}
      </Text>
      <Button
        size="compact-sm"
        variant="default"
        disabled={!list.hasNext}
        onClick={list.next}
        data-testid="pager-next"
      >
        {t('common.next')}
      </Button>
    </Group>
  );
}
