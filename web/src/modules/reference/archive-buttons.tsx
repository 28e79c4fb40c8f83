import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmButton } from '../../ui/confirm-button';
import { useApiMutation } from '../../ui/use-api-mutation';

interface Props {
  /** The row's own URL, e.g. `/units/kg`; archive and restore hang below it. */
  rowPath: string;
  /** The list to refresh afterwards, e.g. `/units`. */
  listPath: string;
  archived: boolean;
  name: string;
}

/** Archive (asks first) or restore one reference row. */
export function ArchiveButtons({ rowPath, listPath, archived, name }: Props) {
  const { t } = useTranslation();
  const change = useApiMutation((verb: 'archive' | 'restore') => api.post(`${rowPath}/${verb}`), {
    invalidate: [listPath],
    success: t('common.saved'),
  });
  if (archived) {
    return (
      <Button size="compact-xs" variant="subtle" onClick={() => change.mutate('restore')}>
        {t('common.restore')}
      </Button>
    );
  }
  return (
    <ConfirmButton
      label={t('common.archive')}
      question={t('reference.archiveQuestion', { name })}
      onConfirm={() => change.mutate('archive')}
    />
  );
}
