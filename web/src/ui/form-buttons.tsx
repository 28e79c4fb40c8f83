import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function FormButtons({
  onCancel,
  pending,
  creating,
}: {
  onCancel: () => void;
  pending: boolean;
  creating: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending} data-testid="form-save">
        {creating ? t('common.create') : t('common.save')}
      </Button>
    </Group>
  );
}
