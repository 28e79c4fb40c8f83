import { Alert, Button, Stack } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';

/** A page that failed to load or render: say what happened and offer to try again. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('common.failed')} maw={640} m="md">
      <Stack gap="xs" align="flex-start">
        {problemMessage(error)}
        <Button size="compact-sm" variant="light" color="red" onClick={reset}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
