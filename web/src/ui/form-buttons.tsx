import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function FormButtons({
  onCancel,
  pending,
  creating,
  label,
}: {
  onCancel: () => void;
  pending: boolean;
  creating: boolean;
  /** What the submit button says when it does more than create or save. */
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending} data-testid="form-save">
        {label ?? (creating ? t('common.create') : t('common.save'))}
      </Button>
    </Group>
  );
}
