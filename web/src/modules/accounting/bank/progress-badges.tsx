import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Progress } from './bank-types';

/** How many lines of a statement are open, confirmed and ignored. */
export function ProgressBadges({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={progress.open ? 'yellow' : 'gray'} variant="light" tt="none">
        {t('bank.status.open')}: {progress.open}
      </Badge>
      <Badge color="green" variant="light" tt="none">
        {t('bank.status.confirmed')}: {progress.confirmed}
      </Badge>
      <Badge color="gray" variant="light" tt="none">
        {t('bank.status.ignored')}: {progress.ignored}
      </Badge>
    </Group>
  );
}
