import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown instead of a page the user may not open, or whose module is switched off. */
export function NoAccess({ reason }: { reason: 'permission' | 'module' }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t(`noAccess.${reason}.title`)} maw={560}>
      {t(`noAccess.${reason}.text`)}
    </Alert>
  );
}
