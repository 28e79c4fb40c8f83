import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ArchivedBadge({ archivedAt }: { archivedAt: string | null | undefined }) {
  const { t } = useTranslation();
  if (!archivedAt) return null;
  return (
    <Badge size="sm" color="gray" variant="light">
      {t('common.archived')}
    </Badge>
  );
}
