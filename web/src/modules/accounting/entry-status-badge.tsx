import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryStatus } from './accounting-types';

const STATUS_COLOR: Record<EntryStatus, string> = { draft: 'gray', posted: 'teal', cancelled: 'red' };

export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLOR[status]} data-testid="entry-status">
      {t(`accounting.entry.status.${status}`)}
    </Badge>
  );
}
