import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ConfirmButton } from '../../../ui/confirm-button';
import { useApiMutation } from '../../../ui/use-api-mutation';

/** Archive a tax or payment terms (asking once more), or restore an archived one. */
export function ArchiveToggleButton({
  path,
  archived,
  question,
}: {
  /** `/taxes/<id>` or `/payment-terms/<id>`. */
  path: string;
  archived: boolean;
  question: string;
}) {
  const { t } = useTranslation();
  const list = `/${path.split('/')[1]}`;
  const toggle = useApiMutation(() => api.post(`${path}/${archived ? 'restore' : 'archive'}`), {
    invalidate: [list],
    success: t('common.saved'),
  });
  if (archived)
    return (
      <Button size="compact-xs" variant="subtle" onClick={() => toggle.mutate(undefined)}>
        {t('invoicing.settings.restore')}
      </Button>
    );
  return (
    <ConfirmButton
      label={t('invoicing.settings.archive')}
      question={question}
      onConfirm={() => toggle.mutate(undefined)}
      data-testid="archive"
    />
  );
}
